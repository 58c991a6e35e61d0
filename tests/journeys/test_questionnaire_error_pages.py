"""A questionnaire posted with a bad answer: the message is on the page, next to its question and in the error
summary, every answer typed is shown again, and nothing already saved is lost."""

import re

import pytest
from django.urls import reverse

from journeys.models import DiagnosticResponse, EthicsCheck
from tests.journeys import sample_content
from tests.journeys.factories import ProjectFactory, move_to, sample_diagnostic, sample_template

NB = "\u00a0"


@pytest.fixture
def sample_ethics(monkeypatch):
    monkeypatch.setattr("journeys.services.ethics_check.ethics_content", lambda: sample_content.ETHICS_CHECK)
    monkeypatch.setattr("journeys.views.ethics_content", lambda: sample_content.ETHICS_CHECK)


def _fieldset(html: str, key: str) -> str:
    match = re.search(rf'<fieldset[^>]*id="question-{re.escape(key)}".*?</fieldset>', html, re.S)
    assert match, key
    return match.group(0)


def _summary(html: str) -> str:
    match = re.search(r'<div[^>]*id="resume-erreurs".*?</ul>', html, re.S)
    assert match, "no error summary"
    return match.group(0)


def _assert_error_on(html: str, key: str, message: str) -> None:
    fieldset = _fieldset(html, key)
    opening = fieldset.split(">", 1)[0]
    assert "fr-fieldset--error" in opening
    assert f'aria-labelledby="legende-{key} {key}-desc-error"' in opening
    assert f'<div class="fr-messages-group" id="{key}-desc-error">' in fieldset
    assert message in fieldset.replace("&nbsp;", NB)
    # The summary links to the question's first choice, an element of the page.
    anchor = re.search(rf'href="#({re.escape(key)}-[^"]+)"', _summary(html)).group(1)
    assert f'id="{anchor}"' in fieldset


def test_a_bad_diagnostic_answer_is_shown_on_its_question_with_every_typed_answer(client_as, world):
    sample_template()
    sample_diagnostic()
    project = move_to(ProjectFactory(organisation=world["org"]), "diagnostic")
    url = reverse("journeys:diagnostic_form", kwargs={"public_id": project.public_id})
    client = client_as(world["member"])
    assert client.post(url, {"version": "0", "strategie-1": "3", "donnees-2": "2"}).status_code == 302

    response = client.post(url, {"version": "1", "strategie-1": "7", "strategie-2": "1", "donnees-1": "0"})

    html = response.content.decode()
    assert response.status_code == 400
    assert "<title>Erreur&nbsp;: " in html
    _assert_error_on(html, "strategie-1", f"Réponse non prévue{NB}: choisissez une des réponses proposées.")
    assert 'name="strategie-2" value="1" checked' in html
    assert 'name="donnees-1" value="0" checked' in html
    assert 'name="donnees-2" value="2" checked' in html  # saved before, not posted again: still shown
    assert 'name="version" value="1"' in html
    saved = DiagnosticResponse.objects.get(project=project)
    assert (saved.answers, saved.version) == ({"strategie-1": 3, "donnees-2": 2}, 1)


def test_a_bad_ethics_answer_is_shown_on_its_question_with_every_typed_answer(client_as, world, sample_ethics):
    sample_template()
    project = move_to(ProjectFactory(organisation=world["org"]), "cadrage")
    url = reverse("journeys:ethics_form", kwargs={"public_id": project.public_id})
    client = client_as(world["member"])
    assert client.post(url, {"version": "0", "env_mesure": "oui"}).status_code == 302

    posted = {"version": "1", "dp_traitement": "oui", "dp_categories": ["aucune", "sante"], "ia_utilisee": "non"}
    response = client.post(url, posted)

    html = response.content.decode()
    assert response.status_code == 400
    _assert_error_on(html, "dp_categories", f"«{NB}Aucune{NB}» ne peut pas être coché avec une autre réponse.")
    assert 'id="dp_categories-aucune" name="dp_categories" value="aucune" checked' in html
    assert 'id="dp_categories-sante" name="dp_categories" value="sante" checked' in html
    assert 'name="dp_traitement" value="oui" checked' in html
    assert 'name="ia_utilisee" value="non" checked' in html
    saved = EthicsCheck.objects.get(project=project)
    assert (saved.answers, saved.version) == ({"env_mesure": "oui"}, 1)


def test_a_refusal_of_the_service_is_in_the_error_summary(client_as, world):
    sample_template()
    sample_diagnostic()
    project = ProjectFactory(organisation=world["org"])  # the diagnostic's stage is not reached
    url = reverse("journeys:diagnostic_form", kwargs={"public_id": project.public_id})
    response = client_as(world["member"]).post(url, {"strategie-1": "2"})
    assert response.status_code == 400
    assert "L’étape Diagnostic n’est pas encore ouverte" in _summary(response.content.decode())
    assert not DiagnosticResponse.objects.exists()


def test_an_answer_to_no_question_is_ignored_and_the_others_saved(client_as, world):
    sample_template()
    sample_diagnostic()
    project = move_to(ProjectFactory(organisation=world["org"]), "diagnostic")
    url = reverse("journeys:diagnostic_form", kwargs={"public_id": project.public_id})
    response = client_as(world["member"]).post(url, {"version": "0", "strategie-1": "2", "inconnue": "9"})
    assert response.status_code == 302
    assert DiagnosticResponse.objects.get().answers == {"strategie-1": 2}
