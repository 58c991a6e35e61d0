"""The literacy modules: five to eight short modules on the topics the issue names, each with self-check questions."""

import pytest

from awareness import content
from awareness.content import ContentError, modules

TOPICS = {
    "ce-qu-est-l-ia",
    "les-donnees",
    "risques-et-biais",
    "cadre-juridique",
    "choisir-et-acheter",
    "dialoguer-avec-les-habitants",
}


def test_five_to_eight_short_modules_cover_the_issue_topics():
    loaded = modules()
    assert 5 <= len(loaded) <= 8
    assert {module.slug for module in loaded} >= TOPICS
    assert all(module.minutes <= 10 for module in loaded)
    assert all(len(module.questions) >= 2 for module in loaded)


def test_legal_module_states_article_4_as_in_force():
    legal = content.modules_by_slug()["cadre-juridique"]
    assert "article 4" in legal.body
    assert "2 février 2025" in legal.body
    assert "fournisseurs et aux déployeurs" in legal.body


def test_a_question_whose_answer_is_not_a_choice_stops_the_loading(monkeypatch):
    broken = [
        {
            "slug": "module",
            "title": "Module",
            "minutes": 5,
            "summary": "Résumé",
            "body": "Texte",
            "questions": [{"question": "Q ?", "choices": ["a", "b"], "answer": 2, "explanation": "Parce que."}] * 2,
        }
    ]
    monkeypatch.setattr(content, "_read", lambda name: broken)
    content.modules.cache_clear()
    try:
        with pytest.raises(ContentError, match="réponse"):
            content.modules()
    finally:
        content.modules.cache_clear()
