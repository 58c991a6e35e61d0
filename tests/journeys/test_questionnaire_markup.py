"""The questionnaires' fields keep the DSFR markup and the ids the pages always had (anchors, keyboard tests), and
their error pages are valid HTML."""

import shutil

import pytest
from django.urls import reverse

from tests.conftest import skip_or_fail
from tests.journeys import sample_content
from tests.journeys.factories import ProjectFactory, move_to, sample_diagnostic, sample_template
from tests.portal.test_html_validity import VALIDATOR, validate


@pytest.fixture
def sample_ethics(monkeypatch):
    monkeypatch.setattr("journeys.services.ethics_check.ethics_content", lambda: sample_content.ETHICS_CHECK)
    monkeypatch.setattr("journeys.views.ethics_content", lambda: sample_content.ETHICS_CHECK)


@pytest.fixture
def project(world, sample_ethics):
    sample_template()
    sample_diagnostic()
    return move_to(ProjectFactory(organisation=world["org"]), "cadrage")


def _urls(project) -> tuple[str, str]:
    kwargs = {"public_id": project.public_id}
    return reverse("journeys:diagnostic_form", kwargs=kwargs), reverse("journeys:ethics_form", kwargs=kwargs)


def test_each_choice_is_a_dsfr_radio_or_checkbox_with_the_pages_ids(client_as, world, project):
    diagnostic, ethics = _urls(project)
    client = client_as(world["member"])
    client.post(diagnostic, {"version": "0", "strategie-1": "2"})
    html = client.get(diagnostic).content.decode()
    assert (
        '<div class="fr-fieldset__element"><div class="fr-radio-group">'
        '<input type="radio" id="strategie-1-3" name="strategie-1" value="2" checked>'
        '<label class="fr-label" for="strategie-1-3">Largement</label></div></div>'
    ) in html
    assert '<input type="hidden" name="version" value="1">' in html
    html = client.get(ethics).content.decode()
    assert (
        '<div class="fr-fieldset__element"><div class="fr-checkbox-group">'
        '<input type="checkbox" id="dp_categories-sante" name="dp_categories" value="sante">'
        '<label class="fr-label" for="dp_categories-sante">Sante</label></div></div>'
    ) in html
    assert '<input type="radio" id="dp_traitement-oui" name="dp_traitement" value="oui">' in html


def test_a_reader_who_cannot_answer_sees_every_choice_disabled(client_as, world, project):
    for url in _urls(project):
        html = client_as(world["staff_in"]).get(url).content.decode()
        inputs = [part for part in html.split("<input ")[1:] if part.startswith(('type="radio"', 'type="checkbox"'))]
        assert inputs
        assert all(part.split(">", 1)[0].endswith(" disabled") for part in inputs)


def test_the_error_pages_are_valid_html(client_as, world, project, tmp_path):
    if not VALIDATOR.exists() or shutil.which("node") is None:
        skip_or_fail("html-validate is not installed: run `npm ci` (make test-system-deps does it).")
    diagnostic, ethics = _urls(project)
    client = client_as(world["member"])
    pages = {
        "diagnostic, réponse non prévue": client.post(diagnostic, {"strategie-1": "7", "strategie-2": "1"}),
        "cadrage, « aucune » avec une autre": client.post(ethics, {"dp_categories": ["aucune", "sante"]}),
    }
    assert {response.status_code for response in pages.values()} == {400}
    problems = validate({name: response.content.decode() for name, response in pages.items()}, tmp_path)
    assert not problems, "\n".join(problems)
