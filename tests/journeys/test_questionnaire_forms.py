"""The questionnaires' forms, made from the content: what they accept, what they refuse and with which message."""

import pytest
from django.http import QueryDict

from journeys.questionnaire_forms import NOT_OFFERED, DiagnosticForm, EthicsForm, VersionField
from journeys.selectors import page_diagnostic
from tests.journeys import sample_content
from tests.journeys.factories import sample_diagnostic

NB = "\u00a0"


@pytest.fixture
def diagnostic(db):
    return page_diagnostic(sample_diagnostic())


def _diagnostic_form(diagnostic, data: dict, *, answers=None) -> DiagnosticForm:
    return DiagnosticForm(diagnostic, data, answers=answers or {}, version=0, editable=True)


def _ethics_form(data: QueryDict | dict, *, answers=None) -> EthicsForm:
    return EthicsForm(sample_content.ETHICS_CHECK, data, answers=answers or {}, version=0, editable=True)


def test_a_diagnostic_field_per_question_offering_its_scale(diagnostic):
    form = _diagnostic_form(diagnostic, None)
    keys = [q["key"] for q in sample_content.DIAGNOSTIC["questions"]]
    assert [name for name in form.fields if name != "version"] == keys
    assert list(form.fields["strategie-1"].choices) == [
        ("0", "Pas du tout"),
        ("1", "Un peu"),
        ("2", "Largement"),
        ("3", "Complètement"),
    ]


def test_valid_diagnostic_answers_are_cleaned_for_the_service_blank_ones_included(diagnostic):
    form = _diagnostic_form(diagnostic, {"version": "4", "strategie-1": "3", "donnees-1": "0"})
    assert form.is_valid(), form.errors
    answers = form.answers()
    assert answers["strategie-1"] == "3"
    assert answers["donnees-1"] == "0"
    assert answers["strategie-2"] == ""  # blank: the service keeps the saved answer
    assert form.cleaned_data["version"] == 4


def test_an_answer_outside_the_scale_is_refused_on_its_question(diagnostic):
    form = _diagnostic_form(diagnostic, {"strategie-1": "7", "strategie-2": "1"})
    assert not form.is_valid()
    assert form.errors == {"strategie-1": [f"Réponse non prévue{NB}: choisissez une des réponses proposées."]}


def test_a_key_naming_no_question_is_ignored(diagnostic):
    """Ignored, not refused: the services always ignored them, and a page opened before the content changed keeps
    its other answers."""
    form = _diagnostic_form(diagnostic, {"strategie-1": "2", "question-disparue": "3"})
    assert form.is_valid()
    assert "question-disparue" not in form.answers()


def test_a_blank_diagnostic_answer_shows_the_saved_one(diagnostic):
    form = _diagnostic_form(diagnostic, {"strategie-1": "", "strategie-2": "1"}, answers={"strategie-1": "3"})
    assert form["strategie-1"].value() == "3"
    assert form["strategie-2"].value() == "1"


@pytest.mark.parametrize(
    ("posted", "version"),
    [(None, 0), ("", 0), ("3", 3), ("abc", -1), ("-2", -1), (str(10**30), -1), ("a\x00b", -1)],
)
def test_the_version_is_never_an_error_a_tampered_one_never_matches(posted, version):
    assert VersionField().clean(posted) == version


def test_ethics_fields_follow_the_question_kinds():
    form = _ethics_form({})
    assert form.fields["dp_traitement"].widget.input_type == "radio"
    assert form.fields["aipd_realisee"].widget.input_type == "radio"
    assert form.fields["dp_categories"].widget.input_type == "checkbox"
    assert [key for key, _label in form.fields["dp_traitement"].choices] == ["oui", "non"]


def test_valid_ethics_answers_are_cleaned_for_the_service():
    data = QueryDict(mutable=True)
    data.update({"version": "0", "dp_traitement": "oui", "aipd_realisee": "en_cours"})
    data.setlist("dp_categories", ["identite_contact", "sante"])
    form = _ethics_form(data)
    assert form.is_valid(), form.errors
    answers = form.answers()
    assert answers["dp_traitement"] == "oui"
    assert answers["dp_categories"] == ["identite_contact", "sante"]
    assert answers["ia_utilisee"] == ""
    assert answers["aipd_criteres"] == []


def test_unknown_ethics_choices_are_refused_on_their_question():
    data = QueryDict(mutable=True)
    data.update({"dp_traitement": "peut-etre", "ia_utilisee": "non"})
    data.setlist("dp_categories", ["sante", "inventee"])
    form = _ethics_form(data)
    assert not form.is_valid()
    assert form.errors == {"dp_traitement": [NOT_OFFERED], "dp_categories": [NOT_OFFERED]}


def test_none_ticked_with_another_answer_is_refused_naming_the_none_choice():
    data = QueryDict(mutable=True)
    data.setlist("dp_categories", ["aucune", "sante"])
    form = _ethics_form(data)
    assert not form.is_valid()
    assert form.errors["dp_categories"] == [f"«{NB}Aucune{NB}» ne peut pas être coché avec une autre réponse."]


def test_after_a_stale_edit_the_form_keeps_my_answers_on_their_version(diagnostic):
    form = _diagnostic_form(diagnostic, {"version": "0", "strategie-1": "0"})
    assert form.is_valid()
    again = form.after_stale_edit({"strategie-1": 3, "strategie-2": 1}, 1)
    assert again["version"].value() == "1"
    assert again["strategie-1"].value() == "0"  # mine
    assert again["strategie-2"].value() == "1"  # theirs, left blank by me
