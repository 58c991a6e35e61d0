"""The back-office history pages (simple-history) stay within the staff member's scope and never revert anything."""

import pytest
from django.urls import reverse

from accounts.enums import ScopeLevel
from journeys.models import Project, Stage
from tests.accounts.factories import StaffUserFactory, UserFactory, login_with_second_factor
from tests.journeys.factories import ProjectFactory, sample_template


@pytest.fixture
def project(world):
    sample_template()
    project = ProjectFactory(organisation=world["org"], title="Projet de la collectivité")
    project.title = "Projet renommé"
    project.save()
    return project


def _regional_staff(region):
    staff = StaffUserFactory(scope_departements=None)
    staff.staff_scope.level = ScopeLevel.REGIONAL
    staff.staff_scope.region = region
    staff.staff_scope.save()
    return staff


def _history_urls(project):
    record = project.history.earliest("history_date")
    return (
        reverse("admin:journeys_project_history", args=[project.pk]),
        reverse("admin:journeys_project_simple_history", args=[project.pk, record.history_id]),
    )


@pytest.mark.parametrize("who", ["departemental", "regional"])
def test_staff_of_another_territory_gets_404_on_a_project_history(client, world, project, who):
    staff = world["staff_out"] if who == "departemental" else _regional_staff(world["other_org"].region)
    login_with_second_factor(client, staff)
    for url in _history_urls(project):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Projet" not in response.content.decode()


def test_staff_of_another_territory_cannot_revert_a_project_into_their_collectivite(client, world, project):
    login_with_second_factor(client, world["staff_out"])
    _list, record_url = _history_urls(project)
    response = client.post(
        record_url, {"organisation": world["other_org"].pk, "title": "Projet de la collectivité", "description": ""}
    )
    assert response.status_code == 404
    project.refresh_from_db()
    assert project.organisation == world["org"]
    assert project.title == "Projet renommé"


def test_staff_in_scope_reads_a_past_version_without_any_form_to_revert_it(client, world, project):
    login_with_second_factor(client, world["staff_in"])
    history_list, record_url = _history_urls(project)
    assert client.get(history_list).status_code == 200
    page = client.get(record_url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Projet de la collectivité" in html
    assert 'name="title"' not in html
    assert 'name="organisation"' not in html
    response = client.post(
        record_url, {"organisation": world["other_org"].pk, "title": "Projet de la collectivité", "description": ""}
    )
    assert response.status_code == 405
    project.refresh_from_db()
    assert (project.organisation, project.title) == (world["org"], "Projet renommé")


def test_even_a_superuser_cannot_revert_a_project(client, world, project):
    login_with_second_factor(client, UserFactory(is_staff=True, is_superuser=True))
    _list, record_url = _history_urls(project)
    before = project.history.count()
    response = client.post(
        record_url,
        {
            "organisation": world["org"].pk,
            "title": "Projet de la collectivité",
            "description": "",
            "public_concerned": "",
        },
    )
    assert response.status_code == 405
    project.refresh_from_db()
    assert project.title == "Projet renommé"
    assert project.history.count() == before


def test_a_published_stage_cannot_be_reverted_through_its_history(client, db):
    template = sample_template()  # published: frozen
    stage = Stage.objects.filter(template=template, requires_validation=True).first()
    assert stage is not None
    record = stage.history.earliest("history_date")
    login_with_second_factor(client, UserFactory(is_staff=True, is_superuser=True))
    url = reverse("admin:journeys_stage_simple_history", args=[stage.pk, record.history_id])
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="requires_validation"' not in page.content.decode()
    response = client.post(
        url,
        {"template": template.pk, "order": stage.order, "key": stage.key, "name": stage.name, "summary": ""},
    )
    assert response.status_code == 405
    stage.refresh_from_db()
    assert stage.requires_validation is True


def test_history_of_a_deleted_project_is_not_served(client, world, project):
    login_with_second_factor(client, world["staff_in"])
    history_list, _record = _history_urls(project)
    Project.objects.filter(pk=project.pk).delete()
    assert client.get(history_list).status_code == 404


def test_a_version_that_is_not_a_number_is_a_404_not_a_server_error(client, world, project):
    login_with_second_factor(client, world["staff_in"])
    response = client.get(f"/admin/journeys/project/{project.pk}/history/abc/")
    assert response.status_code == 404
