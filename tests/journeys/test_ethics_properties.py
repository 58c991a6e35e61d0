"""Invariants of the ethics check that hold for any answers, checked on the shipped rules (hypothesis)."""

import json
import os

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from journeys import ethics
from journeys.content.loader import ethics_rules
from tests.journeys.ethics_cases import shipped

CONTENT = shipped()
GUIDANCE = CONTENT["guidance"]
QUESTIONS = CONTENT["questions"]
NONE_KEYS = {"aucun", "aucune"}
# `make mutation-ethics` lowers the number of examples: the per-rule cases kill most mutants first.
SETTINGS = settings(max_examples=int(os.environ.get("ETHICS_PROPERTY_EXAMPLES", "100")), deadline=None, database=None)


def _choices(question: dict) -> list[str]:
    return [choice["key"] for choice in question.get("choices", [])] or ["oui", "non"]


def _answer(question: dict):
    choices = _choices(question)
    if question["kind"] == "multiple_choice":
        real = [key for key in choices if key not in NONE_KEYS]
        nothing = [key for key in choices if key in NONE_KEYS]
        return st.one_of(st.just(nothing), st.lists(st.sampled_from(real), min_size=1, unique=True))
    return st.sampled_from(choices)


@st.composite
def answer_sets(draw, complete: bool = False) -> dict:
    answers = {}
    for question in QUESTIONS:
        if complete or draw(st.booleans()):
            answers[question["key"]] = draw(_answer(question))
    return answers


def _articles(result: dict) -> list[str]:
    return [item["article"] for item in result["transparency"]]


@SETTINGS
@given(answer_sets())
def test_an_aipd_on_the_cnil_list_or_required_is_always_needed(answers):
    aipd = ethics.evaluate(CONTENT, answers)["aipd"]
    assert aipd["needed"] is (aipd["status"] in {"obligatoire", "requise"})
    if aipd["status"] == "obligatoire":
        assert aipd["needed"] is True
        assert aipd["on_cnil_list"] is True
    assert aipd["text"] == GUIDANCE[f"aipd_{aipd['status']}"]


@SETTINGS
@given(answer_sets())
def test_the_aipd_alert_shows_exactly_when_an_aipd_is_needed_and_not_done(answers):
    result = ethics.evaluate(CONTENT, answers)
    not_done = answers.get("aipd_realisee") != "oui"
    assert (GUIDANCE["alerte_aipd"] in result["alerts"]) is (result["aipd"]["needed"] and not_done)
    if result["aipd"]["needed"]:
        expected = GUIDANCE["aipd_a_faire"] if not_done else GUIDANCE["aipd_realisee"]
        assert result["aipd"]["notes"] == [expected]
    else:
        assert result["aipd"]["notes"] == []


@SETTINGS
@given(answer_sets())
def test_the_oversight_alert_shows_exactly_for_high_risk_with_weak_oversight(answers):
    result = ethics.evaluate(CONTENT, answers)
    weak = answers.get("ch_niveau_automatisation") in {"validation_formelle", "automatique"}
    high = result["ai_act"]["level"] == "high"
    assert (GUIDANCE["alerte_controle_humain"] in result["alerts"]) is (high and weak)
    assert (GUIDANCE["controle_humain_alerte"] in result["human_oversight"]["notes"]) is weak
    if result["human_oversight"]["sufficient"]:
        assert result["human_oversight"]["notes"] == [GUIDANCE["controle_humain_ok"]]


@SETTINGS
@given(answer_sets())
def test_an_individual_decision_even_uncertain_carries_the_crpa_duties(answers):
    result = ethics.evaluate(CONTENT, answers)
    decision = answers.get("tr_decision_individuelle")
    articles = _articles(result)
    if decision in {"oui", "ne_sait_pas"}:
        assert articles[:2] == ["L311-3-1", "L312-1-3"]
        exempted = answers.get("tr_effectif") == "moins_50"
        publication = "transparence_publication_exemptee" if exempted else "transparence_publication"
        assert result["transparency"][1]["text"] == GUIDANCE[publication]
    else:
        assert "L311-3-1" not in articles
        assert "L312-1-3" not in articles
    automatic = answers.get("ch_niveau_automatisation") == "automatique"
    alert = GUIDANCE["alerte_decision_automatisee"] in result["alerts"]
    assert alert is (decision in {"oui", "ne_sait_pas"} and automatic)


@SETTINGS
@given(answer_sets())
def test_open_data_is_an_obligation_only_with_both_thresholds(answers):
    result = ethics.evaluate(CONTENT, answers)
    texts = [item["text"] for item in result["transparency"]]
    big = answers.get("tr_population") == "3500_et_plus"
    staff = answers.get("tr_effectif")
    assert (GUIDANCE["open_data_obligation"] in texts) is (big and staff == "50_et_plus")
    assert (GUIDANCE["open_data_a_verifier"] in texts) is (big and staff not in {"50_et_plus", "moins_50"})
    small = answers.get("tr_population") == "moins_3500" or (big and staff == "moins_50")
    assert (GUIDANCE["open_data_bonne_pratique"] in texts) is small


@SETTINGS
@given(answer_sets())
@example(
    answers={
        "ia_domaines_annexe_iii": ["infrastructures_critiques"],
        "ia_transparence_art50": ["emotions_categorisation"],
    }
)
def test_levels_alerts_and_notes_agree(answers):
    result = ethics.evaluate(CONTENT, answers)
    level = result["ai_act"]["level"]
    assert (GUIDANCE["alerte_pratique_interdite"] in result["alerts"]) is (level == "prohibited")
    if answers.get("ia_utilisee") == "non":
        assert level == "none"
        assert result["ai_act"]["notes"] == [GUIDANCE["ai_act_non_concerne"]]
    if level == "high" and result["personal_data"]:
        assert result["aipd"]["needed"] is True
    if GUIDANCE["ai_act_fria"] in result["ai_act"]["notes"]:
        assert level == "high"
        # Annex III point 1 (biometrics, emotions) may come from the transparency question instead.
        ticked = set(answers.get("ia_transparence_art50", []))
        biometric = {"emotions_categorisation", "categorisation_biometrique"} & ticked
        assert biometric or set(answers.get("ia_domaines_annexe_iii", [])) != {"infrastructures_critiques"}
    provider = GUIDANCE["ai_act_fournisseur"] in result["ai_act"]["notes"]
    assert provider is (level == "high" and answers.get("ia_role") == "fournisseur")
    assert (GUIDANCE["ai_act_art50"] in result["ai_act"]["notes"]) <= (level == "high")


@SETTINGS
@given(answer_sets())
def test_without_personal_data_there_is_no_aipd_and_no_rgpd_note(answers):
    result = ethics.evaluate(CONTENT, answers)
    if not result["personal_data"]:
        assert result["aipd"]["status"] == "non_applicable"
        assert result["personal_data_notes"] == [GUIDANCE["dp_non"]]
        assert GUIDANCE["alerte_consentement"] not in result["alerts"]
    else:
        assert result["personal_data_notes"][0] == GUIDANCE["dp_oui"]


@SETTINGS
@given(answer_sets())
def test_a_criterion_counts_once_and_the_verdict_follows_the_count(answers):
    result = ethics.evaluate(CONTENT, answers)
    aipd = result["aipd"]
    assert len(set(aipd["criteria"])) == len(aipd["criteria"])
    if not result["personal_data"] or aipd["on_cnil_list"] or result["ai_act"]["level"] == "high":
        return
    expected = {0: "non_requise", 1: "a_examiner"}.get(len(aipd["criteria"]), "requise")
    assert aipd["status"] == expected


@SETTINGS
@given(answer_sets())
def test_the_result_is_stored_as_json_and_names_its_rules_and_sources(answers):
    result = ethics.evaluate(CONTENT, answers)
    assert json.loads(json.dumps(result)) == result
    rules = {rule["key"]: rule for rule in ethics_rules()["rules"]}
    shown = result["alerts"] + result["personal_data_notes"] + result["aipd"]["notes"] + result["ai_act"]["notes"]
    shown += [item["text"] for item in result["transparency"]]
    shown += result["human_oversight"]["notes"] + result["environment"]["notes"]
    assert sorted(shown) == sorted(GUIDANCE[rules[key]["text"]] for key in result["rules"])
    assert result["sources"] == list(dict.fromkeys(rules[key]["source"] for key in result["rules"]))
    assert result["environment"]["notes"][-1] == GUIDANCE["environnement_sobriete"]


@SETTINGS
@given(answer_sets(complete=True), st.data())
def test_the_check_is_complete_only_when_no_relevant_answer_is_missing(answers, data):
    content = CONTENT
    assert ethics.is_complete(content, answers) is True
    conditional = ethics_rules()["conditional_questions"]
    always = [question["key"] for question in QUESTIONS if question["key"] not in conditional]
    missing = data.draw(st.sampled_from(always))
    assert ethics.is_complete(content, {k: v for k, v in answers.items() if k != missing}) is False


def test_conditional_questions_may_stay_unanswered_when_irrelevant():
    table = ethics_rules()
    answers = {
        question["key"]: _choices(question)[0]
        for question in QUESTIONS
        if question["key"] not in table["conditional_questions"]
    }
    answers.update({"dp_traitement": "non", "ia_utilisee": "non", "tr_decision_individuelle": "non"})
    assert ethics.is_complete(CONTENT, answers) is True
    assert ethics.is_complete(CONTENT, {**answers, "dp_traitement": "oui"}) is False
    assert ethics.is_complete(CONTENT, {**answers, "ia_utilisee": "oui"}) is False
    assert ethics.is_complete(CONTENT, {**answers, "tr_decision_individuelle": "ne_sait_pas"}) is False


def test_an_empty_multiple_choice_is_not_an_answer():
    answers = {question["key"]: _choices(question)[0] for question in QUESTIONS}
    assert ethics.is_complete(CONTENT, answers) is True
    assert ethics.is_complete(CONTENT, {**answers, "ia_pratiques_interdites": []}) is False


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"facts": {}, "rules": [{"when": {"fact": "inconnu"}, "text": "dp_oui"}]}, "fait inconnu : inconnu"),
        ({"facts": {}, "rules": [{"when": {"peut_etre": 1}, "text": "dp_oui"}]}, "condition inconnue"),
        ({"facts": {}, "rules": [{"when": {"answer": "dp_traitement"}, "text": "dp_oui"}]}, "condition inconnue"),
        ({"rules": [{"when": {"fact": "personal_data"}, "text": "dp_inconnu"}]}, "texte inconnu : dp_inconnu"),
    ],
)
def test_a_broken_table_fails_loudly(table, message):
    content = {**CONTENT, "rules": {**ethics_rules(), **table}}
    with pytest.raises(ethics.RulesError, match=message):
        ethics.evaluate(content, {"dp_traitement": "oui"})
