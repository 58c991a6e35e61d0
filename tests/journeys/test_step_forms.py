"""A step's answer form is made from the step: the fields of its kind, its offered choices, the length; a refused
answer is shown again with the message next to its field and in the error summary, and nothing is saved."""

import pytest
from django.urls import reverse
from django.utils.datastructures import MultiValueDict

from journeys.models import StepAnswer
from journeys.step_forms import NOT_OFFERED, TOO_LONG, step_form
from tests.journeys.factories import ProjectFactory, move_to, sample_template, step


@pytest.fixture
def project(world):
    sample_template()
    return move_to(ProjectFactory(organisation=world["org"]), "cadrage")


def _form(project, key, data):
    return step_form(step(project, key), project.organisation.kind, value={}, version=0, data=MultiValueDict(data))


@pytest.mark.parametrize(
    ("key", "data", "answer"),
    [
        ("besoin", {"text": ["  Un besoin  "], "version": ["0"]}, {"text": "Un besoin"}),
        ("porteur", {"choice": ["Le maire"]}, {"choice": "Le maire"}),
        ("publics", {"choices": ["Agents", "Habitants"]}, {"choices": ["Agents", "Habitants"]}),
        ("portage-politique", {"checked": ["on"], "note": ["Vu"]}, {"checked": True, "note": "Vu"}),
        ("guide", {"checked": ["on"]}, {"checked": True}),
        (
            "note-cadrage",
            {"note": ["Le livrable"], "remove_file": ["on"]},
            {"note": "Le livrable", "remove_file": True},
        ),
    ],
)
def test_a_valid_answer_of_each_kind_is_cleaned_for_the_service(project, key, data, answer):
    form = _form(project, key, data)
    assert form.is_valid(), form.errors
    cleaned = form.answer()
    assert {name: cleaned[name] for name in answer} == answer
    assert form.expected_version() == 0


@pytest.mark.parametrize(
    ("key", "data", "field", "message"),
    [
        ("besoin", {"text": ["x" * 10_001]}, "text", TOO_LONG),
        ("portage-politique", {"note": ["x" * 10_001]}, "note", TOO_LONG),
        ("note-cadrage", {"note": ["x" * 10_001]}, "note", TOO_LONG),
        ("porteur", {"choice": ["Le préfet"]}, "choice", NOT_OFFERED),
        ("publics", {"choices": ["Agents", "Touristes"]}, "choices", NOT_OFFERED),
        ("porteur", {"choice": ["a\x00b"]}, "choice", "Le caractère nul n’est pas autorisé."),
        ("besoin", {"text": ["ok"], "version": ["²"]}, "version", "Saisissez un nombre entier."),
        ("besoin", {"text": ["ok"], "version": ["-1"]}, "version", None),
    ],
)
def test_each_bad_input_is_refused_on_its_field(project, key, data, field, message):
    form = _form(project, key, data)
    assert not form.is_valid()
    assert list(form.errors) == [field]
    if message:
        assert form.errors[field] == [message]


def test_a_field_of_another_kind_is_not_part_of_the_form(project):
    form = _form(project, "besoin", {"text": ["ok"], "choice": ["Le préfet"]})
    assert form.is_valid()
    assert form.answer()["choice"] == ""


def _post(client, project, key, data):
    url = reverse("journeys:step_save", kwargs={"public_id": project.public_id, "step_id": step(project, key).pk})
    return client.post(url, data)


def test_a_refused_text_keeps_what_was_typed_says_why_next_to_it_and_in_the_summary(client_as, world, project):
    typed = "Mon <besoin> " + "x" * 10_000
    response = _post(client_as(world["member"]), project, "besoin", {"version": "0", "text": typed})
    assert response.status_code == 400
    html = response.text
    pk = step(project, "besoin").pk
    assert f'aria-describedby="texte-{pk}-desc-error"' in html
    assert f'<div id="texte-{pk}-desc-error"><p class="fr-error-text">{TOO_LONG}</p></div>' in html
    assert 'id="resume-erreurs"' in html
    assert f'href="#texte-{pk}"' in html
    assert "Mon &lt;besoin&gt; xxx" in html
    assert not StepAnswer.objects.exists()


def test_a_refused_choice_links_the_summary_to_the_first_choice(client_as, world, project):
    response = _post(
        client_as(world["member"]), project, "publics", {"version": "0", "choices": ["Agents", "Touristes"]}
    )
    assert response.status_code == 400
    pk = step(project, "publics").pk
    html = response.text
    assert f'aria-labelledby="legende-{pk} choix-{pk}-desc-error"' in html
    assert f'href="#choix-{pk}-1"' in html
    assert f'id="choix-{pk}-2" name="choices" value="Agents" checked' in html  # what was ticked stays ticked
    assert not StepAnswer.objects.exists()


def test_a_saved_answer_is_shown_in_its_fields(client_as, world, project):
    client = client_as(world["member"])
    assert _post(client, project, "porteur", {"version": "0", "choice": "Un adjoint"}).status_code == 302
    html = client.get(project.get_absolute_url() + "?etape=agenda").text
    pk = step(project, "porteur").pk
    assert f'<input type="radio" id="choix-{pk}-2" name="choice" value="Un adjoint" checked>' in html
    assert '<input type="hidden" name="version" value="1">' in html
