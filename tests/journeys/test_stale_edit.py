from django.urls import reverse

from journeys.models import StepAnswer
from tests.accounts.factories import MembershipFactory
from tests.journeys.factories import ProjectFactory, sample_template, step


def test_later_save_with_a_stale_version_shows_both_versions_and_overwrites_nothing(client, world):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    colleague = MembershipFactory(organisation=world["org"]).user
    url = reverse("journeys:step_save", kwargs={"public_id": project.public_id, "step_id": step(project, "besoin").pk})

    client.force_login(world["member"])
    client.post(url, {"version": "0", "text": "Version d’Alice"})
    client.force_login(colleague)
    response = client.post(url, {"version": "0", "text": "Version de Bob"})

    body = response.content.decode()
    assert response.status_code == 409
    assert "Version d’Alice" in body
    assert "Version de Bob" in body
    assert "comparez les deux versions" in body
    answer = StepAnswer.objects.get()
    assert answer.value == {"text": "Version d’Alice"}
    assert answer.version == 1


def test_user_keeps_their_version_by_saving_again_after_seeing_the_conflict(client, world):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    url = reverse("journeys:step_save", kwargs={"public_id": project.public_id, "step_id": step(project, "besoin").pk})
    client.force_login(world["member"])
    client.post(url, {"version": "0", "text": "Première"})
    conflict = client.post(url, {"version": "0", "text": "Seconde"})
    assert 'name="version" value="1"' in conflict.content.decode()
    client.post(url, {"version": "1", "text": "Seconde"})
    answer = StepAnswer.objects.get()
    assert answer.value == {"text": "Seconde"}
    assert answer.version == 2
