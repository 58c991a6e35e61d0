"""The shipped French content (journeys/content/*.yaml) renders on every page of the journey."""

import pytest
from django.urls import reverse

from journeys.content.loader import load_default_content
from journeys.models import Step
from tests.journeys.factories import ProjectFactory, move_to


@pytest.fixture
def shipped(db):
    load_default_content()


def test_every_stage_of_the_shipped_journey_renders_its_steps(shipped, client_as, world):
    project = ProjectFactory(organisation=world["org"])
    assert project.template.slug == "parcours-ia-donnees"
    move_to(project, "realisation")
    client = client_as(world["member"])
    for stage in project.template.stages.all():
        response = client.get(project.get_absolute_url(), {"etape": stage.key})
        assert response.status_code == 200
        body = response.content.decode()
        for step in Step.objects.filter(stage=stage):
            assert f'id="action-{step.pk}"' in body


def test_shipped_diagnostic_and_ethics_check_render(shipped, client_as, world):
    project = move_to(ProjectFactory(organisation=world["org"]), "cadrage")
    client = client_as(world["member"])
    diagnostic = client.get(reverse("journeys:diagnostic_form", kwargs={"public_id": project.public_id}))
    assert diagnostic.status_code == 200
    assert diagnostic.content.decode().count('type="radio"') >= 24 * 4
    ethics = client.get(reverse("journeys:ethics_form", kwargs={"public_id": project.public_id}))
    assert ethics.status_code == 200
    assert "Règlement européen sur l’IA" in ethics.content.decode()
