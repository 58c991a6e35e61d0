"""Two members fill the maturity diagnostic at once: the later save is refused and both answers are shown."""

from django.urls import reverse

from journeys.models import DiagnosticResponse
from tests.accounts.factories import MembershipFactory
from tests.journeys.factories import ProjectFactory, move_to, sample_diagnostic, sample_template


def _setup(world):
    sample_template()
    sample_diagnostic()
    project = move_to(ProjectFactory(organisation=world["org"]), "diagnostic")
    alice = world["member"]
    alice.first_name, alice.last_name = "Alice", "Durand"
    alice.save()
    bruno = MembershipFactory(organisation=world["org"], user__first_name="Bruno", user__last_name="Martin").user
    return project, alice, bruno, reverse("journeys:diagnostic_form", kwargs={"public_id": project.public_id})


def test_later_diagnostic_save_with_a_stale_version_shows_both_answers_and_overwrites_nothing(client, world):
    project, alice, bruno, url = _setup(world)
    client.force_login(alice)
    assert 'name="version" value="0"' in client.get(url).content.decode()
    client.force_login(bruno)
    assert 'name="version" value="0"' in client.get(url).content.decode()

    client.force_login(alice)
    assert client.post(url, {"version": "0", "strategie-1": "3", "strategie-2": "1"}).status_code == 302
    client.force_login(bruno)
    response = client.post(url, {"version": "0", "strategie-1": "0", "strategie-2": "1", "donnees-1": "2"})

    body = response.content.decode()
    assert response.status_code == 409
    assert "Quelqu’un a enregistré le diagnostic pendant que vous le remplissiez" in body
    assert "rien n’a été enregistré" in body
    assert "Version enregistrée par Alice Durand" in body
    assert "1 réponse diffère de la vôtre" in body
    assert "<strong>Réponse enregistrée par Alice Durand&nbsp;:</strong> Complètement" in body
    assert "<strong>Votre réponse (non enregistrée)&nbsp;:</strong> Pas du tout" in body
    # The form keeps Bruno's answers, ready to be saved again with the fresh version.
    assert 'name="version" value="1"' in body
    assert 'name="strategie-1" value="0" checked' in body
    assert 'name="donnees-1" value="2" checked' in body
    saved = DiagnosticResponse.objects.get(project=project)
    assert saved.answers == {"strategie-1": 3, "strategie-2": 1}
    assert saved.version == 1
    assert saved.updated_by == alice


def test_member_keeps_their_diagnostic_answers_by_saving_again_with_the_fresh_version(client, world):
    project, alice, bruno, url = _setup(world)
    client.force_login(alice)
    client.post(url, {"version": "0", "strategie-1": "3", "strategie-2": "1"})
    client.force_login(bruno)
    assert client.post(url, {"version": "0", "strategie-1": "0"}).status_code == 409

    response = client.post(url, {"version": "1", "strategie-1": "0", "donnees-1": "2"})

    assert response.status_code == 302
    saved = DiagnosticResponse.objects.get(project=project)
    assert saved.answers == {"strategie-1": 0, "strategie-2": 1, "donnees-1": 2}
    assert saved.version == 2
    assert saved.updated_by == bruno


def test_tampered_diagnostic_version_is_refused_without_a_500(client_as, world):
    project, alice, _bruno, url = _setup(world)
    response = client_as(alice).post(url, {"version": "abc", "strategie-1": "2"})
    assert response.status_code == 409
    assert not DiagnosticResponse.objects.filter(project=project).exists()
