"""Two members fill the ethics & legal check at once: the later save is refused and both answers are shown."""

import pytest
from django.urls import reverse

from journeys.models import EthicsCheck
from tests.accounts.factories import MembershipFactory
from tests.journeys import sample_content
from tests.journeys.factories import ProjectFactory, move_to, sample_template


@pytest.fixture
def sample_ethics(monkeypatch):
    monkeypatch.setattr("journeys.services.ethics_check.ethics_content", lambda: sample_content.ETHICS_CHECK)
    monkeypatch.setattr("journeys.views.ethics_content", lambda: sample_content.ETHICS_CHECK)


def _setup(world):
    sample_template()
    project = move_to(ProjectFactory(organisation=world["org"]), "cadrage")
    alice = world["member"]
    alice.first_name, alice.last_name = "Alice", "Durand"
    alice.save()
    bruno = MembershipFactory(organisation=world["org"], user__first_name="Bruno", user__last_name="Martin").user
    return project, alice, bruno, reverse("journeys:ethics_form", kwargs={"public_id": project.public_id})


ALICE = {"dp_traitement": "oui", "dp_categories": ["identite_contact", "sante"], "aipd_realisee": "en_cours"}
BRUNO = {"dp_traitement": "oui", "dp_categories": ["identite_contact"], "ia_utilisee": "non"}


def test_later_stale_ethics_save_shows_both_answers_and_overwrites_nothing(client, world, sample_ethics):
    project, alice, bruno, url = _setup(world)
    client.force_login(alice)
    assert 'name="version" value="0"' in client.get(url).content.decode()
    client.force_login(bruno)
    assert 'name="version" value="0"' in client.get(url).content.decode()

    client.force_login(alice)
    assert client.post(url, {"version": "0", **ALICE}).status_code == 302
    client.force_login(bruno)
    response = client.post(url, {"version": "0", **BRUNO})

    body = response.content.decode()
    assert response.status_code == 409
    assert "Quelqu’un a enregistré le cadrage éthique et juridique pendant que vous le remplissiez" in body
    assert "Version enregistrée par Alice Durand" in body
    # dp_categories, aipd_realisee (left blank by Bruno) and ia_utilisee (left blank by Alice) differ.
    assert "3 réponses diffèrent de la vôtre" in body
    assert "<strong>Réponse enregistrée par Alice Durand&nbsp;:</strong> Identite contact, Sante" in body
    assert "<strong>Votre réponse (non enregistrée)&nbsp;:</strong> Identite contact</p>" in body
    assert "<strong>Réponse enregistrée par Alice Durand&nbsp;:</strong> En cours" in body
    assert "<strong>Votre réponse (non enregistrée)&nbsp;:</strong> Sans réponse" in body
    assert "<strong>Votre réponse (non enregistrée)&nbsp;:</strong> Non" in body
    assert 'name="version" value="1"' in body
    assert 'name="ia_utilisee" value="non" checked' in body
    saved = EthicsCheck.objects.get(project=project)
    assert saved.answers == ALICE
    assert saved.version == 1
    assert saved.updated_by == alice


def test_member_keeps_their_ethics_answers_by_saving_again_with_the_fresh_version(client, world, sample_ethics):
    project, alice, bruno, url = _setup(world)
    client.force_login(alice)
    client.post(url, {"version": "0", **ALICE})
    client.force_login(bruno)
    assert client.post(url, {"version": "0", **BRUNO}).status_code == 409

    response = client.post(url, {"version": "1", **BRUNO})

    assert response.status_code == 302
    saved = EthicsCheck.objects.get(project=project)
    assert saved.answers == BRUNO
    assert saved.version == 2
    assert saved.updated_by == bruno
