"""The rules table has the documented shape and names only questions, choices, facts and texts that exist."""

import json
import re
from pathlib import Path

import jsonschema
import pytest

from journeys import ethics
from journeys.content.loader import ETHICS_RULES_FILE, ethics_rules, shipped_ethics_check

ETHICS_CHECK = shipped_ethics_check()

SCHEMA = json.loads(Path(ETHICS_RULES_FILE).with_suffix(".schema.json").read_text(encoding="utf-8"))
QUESTIONS = {question["key"]: question for question in ETHICS_CHECK["questions"]}
BUILT_IN_FACTS = {ethics.CRITERIA_COUNT}


def _conditions(table: dict):
    """Every condition of the table, nested ones included."""
    roots = [rule["when"] for rule in table["rules"]]
    roots += [item["when"] for item in table["aipd_implied_criteria"]]
    roots += list(table["conditional_questions"].values())
    for definition in table["facts"].values():
        roots += [case["when"] for case in definition["first"]] if "first" in definition else [definition]
    while roots:
        condition = roots.pop()
        yield condition
        roots += condition.get("all", []) + condition.get("any", [])
        if "not" in condition:
            roots.append(condition["not"])


def _choices(key: str) -> set[str]:
    return {choice["key"] for choice in QUESTIONS[key].get("choices", [])} or {"oui", "non"}


def test_rules_table_follows_its_json_schema():
    jsonschema.validate(ethics_rules(), SCHEMA)


@pytest.mark.parametrize(
    ("broken", "where"),
    [
        (
            {
                "rules": [
                    {"key": "x", "label": "Xyz", "source": "Art. 1", "when": {"answer": "a"}, "section": "alerts"}
                ]
            },
            "text",
        ),
        (
            {"rules": [{"key": "x", "label": "Xyz", "source": "Art. 1", "when": {}, "section": "aipd", "text": "x"}]},
            "when",
        ),
        ({"facts": {"level": {"first": [{"value": "high", "when": {"answer": "q", "maybe": 1}}]}}}, "otherwise"),
    ],
)
def test_json_schema_refuses_a_malformed_table(broken, where):
    table = {**ethics_rules(), **broken}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(table, SCHEMA)


def test_conditions_name_existing_questions_choices_and_facts():
    table = ethics_rules()
    facts = set(table["facts"]) | BUILT_IN_FACTS
    for condition in _conditions(table):
        if "answer" in condition:
            question = condition["answer"]
            assert question in QUESTIONS, question
            named = {condition[op] for op in ("is",) if op in condition}
            named |= set(condition.get("in", [])) | set(condition.get("has_any", []))
            assert named <= _choices(question), (question, named - _choices(question))
        if "fact" in condition:
            assert condition["fact"] in facts, condition


def test_rules_show_existing_texts_and_every_text_is_shown_by_a_rule():
    table = ethics_rules()
    guidance = set(ETHICS_CHECK["guidance"])
    shown = {rule["text"] for rule in table["rules"]}
    assert shown <= guidance, shown - guidance
    status_texts = {f"aipd_{case['value']}" for case in table["facts"]["aipd_status"]["first"]}
    status_texts.add(f"aipd_{table['facts']['aipd_status']['otherwise']}")
    assert status_texts <= guidance
    assert guidance - shown - status_texts == set(), "texte jamais affiché par une règle"


def test_guidance_texts_are_distinct_so_a_note_names_its_rule():
    texts = list(ETHICS_CHECK["guidance"].values())
    assert len(set(texts)) == len(texts)


def test_every_fact_and_conditional_question_is_used():
    table = ethics_rules()
    used = {condition["fact"] for condition in _conditions(table) if "fact" in condition}
    used |= {"level", "aipd_status", "aipd_needed", "personal_data", "on_cnil_list", "oversight_sufficient"}
    assert set(table["facts"]) <= used, set(table["facts"]) - used
    assert set(table["conditional_questions"]) <= set(QUESTIONS)
    assert {item["criterion"] for item in table["aipd_implied_criteria"]} <= {
        item["key"] for item in ETHICS_CHECK["aipd_criteria"]
    }


def test_rule_keys_are_unique_and_transparency_articles_only_on_transparency_rules():
    rules = ethics_rules()["rules"]
    assert len({rule["key"] for rule in rules}) == len(rules)
    assert all(rule["section"] == "transparency" for rule in rules if "article" in rule)


def test_labels_and_sources_shown_on_the_page_follow_french_typography():
    table = ethics_rules()
    texts = [rule["label"] for rule in table["rules"]] + [rule["source"] for rule in table["rules"]]
    texts += [item["source"] for item in table["aipd_implied_criteria"]]
    for text in texts:
        assert not re.search(r"[^\u00a0][;:?!]|«[^\u00a0]|[^\u00a0]»", text), text
        assert "'" not in text, text
