"""The shipped rules table, rule by rule: each case asserts the whole result (level, AIPD, alerts, every note)."""

import pytest

from journeys.content.loader import ethics_rules
from tests.journeys.ethics_cases import CASES, evaluate, expected, shipped, summary

RULE_KEYS = [rule["key"] for rule in ethics_rules()["rules"]]


def test_every_rule_of_the_table_has_its_case_and_every_case_its_rule():
    assert sorted(CASES) == sorted(RULE_KEYS)
    assert len(set(RULE_KEYS)) == len(RULE_KEYS)


@pytest.mark.parametrize("rule_key", RULE_KEYS)
def test_rule_shows_exactly_its_case_result(rule_key):
    content = shipped()
    case = CASES[rule_key]
    result = evaluate(case.answers)
    assert rule_key in result["rules"]
    assert summary(result, content) == expected(case, content)


@pytest.mark.parametrize("rule_key", RULE_KEYS)
def test_rule_result_carries_the_level_and_aipd_texts_and_the_rules_sources(rule_key):
    content = shipped()
    result = evaluate(CASES[rule_key].answers)
    level = result["ai_act"]["level"]
    levels = content["ai_act_levels"]
    assert result["aipd"]["text"] == content["guidance"][f"aipd_{result['aipd']['status']}"]
    assert result["aipd"]["on_cnil_list"] is bool(CASES[rule_key].answers.get("aipd_liste_cnil"))
    if level in levels:
        assert (result["ai_act"]["label"], result["ai_act"]["guidance"]) == (
            levels[level]["label"],
            levels[level]["guidance"],
        )
    rules = {rule["key"]: rule for rule in ethics_rules()["rules"]}
    assert result["sources"] == list(dict.fromkeys(rules[key]["source"] for key in result["rules"]))


def test_undetermined_and_no_ai_levels_have_their_own_labels():
    unanswered = evaluate({})["ai_act"]
    assert (unanswered["level"], unanswered["label"]) == ("", "Non déterminé")
    assert unanswered["guidance"] == "Répondez aux questions sur l’IA pour connaître le niveau de risque."
    no_ai = evaluate({"ia_utilisee": "non"})["ai_act"]
    assert (no_ai["label"], no_ai["guidance"]) == ("Pas de système d’intelligence artificielle", "")
