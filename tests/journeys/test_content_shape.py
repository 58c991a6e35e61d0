"""Shape of the shipped journey content (journeys/content/*.yaml) against the shared format.

These tests need no database: they check the content files the journeys app loads, beyond
what their JSON Schemas say (cross references, counts, links).
"""

import re
from collections import Counter

import pytest

from journeys.content.loader import shipped_diagnostic, shipped_ethics_check, shipped_template
from resources.content import RESOURCES

TEMPLATE = shipped_template()
DIAGNOSTIC = shipped_diagnostic()
ETHICS_CHECK = shipped_ethics_check()

RESOURCE_SLUGS = {entry["slug"] for entry in RESOURCES}

THEMES = {
    "donnees",
    "intelligence-artificielle",
    "relation-usagers",
    "participation-citoyenne",
    "urbanisme-amenagement",
    "environnement-energie",
    "mobilite",
    "administration",
    "finances-achats",
    "social-solidarites",
    "education-jeunesse",
    "cartographie",
    "securite-numerique",
    "inclusion-numerique",
    "culture-tourisme",
}
STAGE_KEYS = ["agenda", "diagnostic", "cadrage", "solution", "financement", "realisation"]
DIMENSIONS = {
    "strategie": "Stratégie et gouvernance",
    "donnees": "Données",
    "competences": "Compétences et organisation",
    "infrastructures": "Infrastructures et outils",
    "ethique": "Éthique et cadre juridique",
    "usagers": "Relation aux usagers et lien humain",
}
STEP_KINDS = {
    "text",
    "single_choice",
    "multiple_choice",
    "checklist",
    "deliverable",
    "link",
    "diagnostic",
    "ethics_check",
}
CHOICE_KINDS = {"single_choice", "multiple_choice"}
SECTIONS = {"donnees_personnelles", "aipd", "ai_act", "transparence", "controle_humain", "environnement"}
SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
NBSP = "\u00a0"
# Keys whose values are identifiers or addresses, not French prose.
CODE_KEYS = {"key", "slug", "url", "kind", "dimension", "section"}


def _strings(node, path="", key=None):
    """Yield (path, key, value) for every string leaf of a content structure."""
    if isinstance(node, dict):
        for child_key, value in node.items():
            yield from _strings(value, f"{path}.{child_key}", child_key)
    elif isinstance(node, list | tuple):
        for index, value in enumerate(node):
            yield from _strings(value, f"{path}[{index}]", key)
    elif isinstance(node, str):
        yield path, key, node


def _prose(structure):
    return [(path, value) for path, key, value in _strings(structure) if key not in CODE_KEYS]


def _internal_url_ok(url: str) -> bool:
    if url.startswith("/catalogue/?theme="):
        theme = url.removeprefix("/catalogue/?theme=").removesuffix("&ia=oui")
        return theme in THEMES
    if url.startswith("/ressources/?"):
        return True  # each filter is checked against the data by tests/common/test_content_links.py
    if url.startswith("/ressources/") and url.count("/") == 3:
        return url.split("/")[2] in RESOURCE_SLUGS
    return url in {"/catalogue/", "/ressources/"}


ALL_CONTENT = pytest.mark.parametrize(
    "structure", [TEMPLATE, DIAGNOSTIC, ETHICS_CHECK], ids=["parcours", "diagnostic", "cadrage"]
)


# --- Typography and text quality, on the three structures ---------------------------------------------


@ALL_CONTENT
def test_content_has_no_empty_text(structure):
    empty = [path for path, _key, value in _strings(structure) if not value.strip()]
    assert empty == []


@ALL_CONTENT
def test_content_uses_the_typographic_apostrophe(structure):
    straight = [path for path, value in _prose(structure) if "'" in value]
    assert straight == []


@ALL_CONTENT
def test_content_puts_a_non_breaking_space_before_high_punctuation(structure):
    wrong = [
        (path, value)
        for path, value in _prose(structure)
        if re.search(r"[^\u00a0\u202f][?:;!]", value) or re.search(r"[?:;!]", value[:1])
    ]
    assert wrong == []


@ALL_CONTENT
def test_content_uses_french_guillemets_with_non_breaking_spaces(structure):
    wrong = [
        (path, value)
        for path, value in _prose(structure)
        if '"' in value or re.search(r"«[^\u00a0]|[^\u00a0]»", value) or value.count("«") != value.count("»")
    ]
    assert wrong == []


# --- Parcours IA & données --------------------------------------------------------------------------


def _steps():
    return [step for stage in TEMPLATE["stages"] for step in stage["steps"]]


def test_template_header_is_complete():
    assert TEMPLATE["slug"] == "parcours-ia-donnees"
    assert TEMPLATE["name"] == "Parcours IA & données"
    assert TEMPLATE["description"].strip()
    assert 0 < len(TEMPLATE["version_note"]) <= 300


def test_template_has_the_six_stages_in_order():
    assert [stage["key"] for stage in TEMPLATE["stages"]] == STAGE_KEYS
    names = {stage["key"]: stage["name"] for stage in TEMPLATE["stages"]}
    assert names["agenda"] == "Mise à l’agenda"
    assert names["solution"] == "Choix de la solution"
    assert names["realisation"] == "Réalisation"
    assert all(stage["summary"].strip() for stage in TEMPLATE["stages"])


def test_no_stage_of_the_default_journey_imposes_an_anct_validation():
    # ANCT's opinion on the cadrage is asked, not imposed: an « avis sur le cadrage » request (assistance).
    validation = {stage["key"]: stage["requires_validation"] for stage in TEMPLATE["stages"]}
    assert validation == dict.fromkeys(STAGE_KEYS, False)
    cadrage = next(stage for stage in TEMPLATE["stages"] if stage["key"] == "cadrage")
    texts = cadrage["summary"] + " ".join(step["help"] for step in cadrage["steps"])
    assert "validée par l’ANCT" not in texts
    assert "pour valider l’étape" not in texts
    assert "avis de l’ANCT" in texts


def test_every_stage_has_at_least_four_varied_steps_not_all_required():
    for stage in TEMPLATE["stages"]:
        steps = stage["steps"]
        assert len(steps) >= 4, stage["key"]
        assert len({step["kind"] for step in steps}) >= 3, stage["key"]
        assert any(step["required"] for step in steps), stage["key"]
        assert not all(step["required"] for step in steps), stage["key"]


def test_step_keys_are_unique_slugs():
    keys = [step["key"] for step in _steps()]
    assert [key for key, count in Counter(keys).items() if count > 1] == []
    assert all(SLUG.match(key) for key in keys)


def test_steps_follow_the_format_of_their_kind():
    for step in _steps():
        assert step["kind"] in STEP_KINDS, step["key"]
        assert step["title"].strip(), step["key"]
        assert step["help"].strip(), step["key"]
        assert isinstance(step["required"], bool), step["key"]
        if step["kind"] in CHOICE_KINDS:
            choices = step["choices"]
            assert len(choices) >= 2, step["key"]
            assert len(set(choices)) == len(choices), step["key"]
            assert all(isinstance(choice, str) and choice.strip() for choice in choices), step["key"]
        else:
            assert "choices" not in step, step["key"]
        if step["kind"] == "link":
            assert step["link"]["label"].strip(), step["key"]
            assert _internal_url_ok(step["link"]["url"]), step["link"]["url"]
        else:
            assert "link" not in step, step["key"]
        if step["kind"] == "deliverable":
            assert 0 < len(step["deliverable_hint"]) <= 200, step["key"]
        else:
            assert "deliverable_hint" not in step, step["key"]


def test_every_step_kind_is_used():
    assert {step["kind"] for step in _steps()} == STEP_KINDS


def test_diagnostic_and_ethics_steps_sit_in_their_stages():
    stages = {stage["key"]: stage["steps"] for stage in TEMPLATE["stages"]}
    for stage_key, kind in (("diagnostic", "diagnostic"), ("cadrage", "ethics_check")):
        kinds = [step["kind"] for step in stages[stage_key]]
        assert kinds.count(kind) == 1
        assert len(kinds) - 1 >= 3
    others = [step["kind"] for key, steps in stages.items() if key not in {"diagnostic", "cadrage"} for step in steps]
    assert "diagnostic" not in others
    assert "ethics_check" not in others


def test_solution_stage_links_to_the_catalogue_by_theme():
    stage = next(stage for stage in TEMPLATE["stages"] if stage["key"] == "solution")
    urls = [step["link"]["url"] for step in stage["steps"] if step["kind"] == "link"]
    assert len([url for url in urls if url.startswith("/catalogue/?theme=")]) >= 2


# --- Diagnostic de maturité -------------------------------------------------------------------------


def test_diagnostic_header_is_complete():
    assert DIAGNOSTIC["slug"] == "maturite-ia-donnees"
    assert DIAGNOSTIC["name"] == "Diagnostic de maturité données et IA"
    assert DIAGNOSTIC["description"].strip()


def test_diagnostic_has_exactly_the_six_dimensions():
    assert {dimension["key"]: dimension["name"] for dimension in DIAGNOSTIC["dimensions"]} == DIMENSIONS
    assert len(DIAGNOSTIC["dimensions"]) == 6
    assert all(dimension["description"].strip() for dimension in DIAGNOSTIC["dimensions"])


def test_each_dimension_has_two_or_three_recommendations_with_internal_links():
    for dimension in DIAGNOSTIC["dimensions"]:
        recommendations = dimension["recommendations"]
        assert 2 <= len(recommendations) <= 3, dimension["key"]
        thresholds = [item["below"] for item in recommendations]
        assert thresholds == sorted(set(thresholds)), dimension["key"]
        for item in recommendations:
            assert isinstance(item["below"], int)
            assert 0 < item["below"] <= 100
            assert item["title"].strip()
            assert item["text"].strip()
            assert item["links"], item["title"]
            for link in item["links"]:
                assert link["label"].strip()
                assert _internal_url_ok(link["url"]), link["url"]


def test_diagnostic_has_enough_questions_in_every_dimension():
    questions = DIAGNOSTIC["questions"]
    assert len(questions) >= 24
    per_dimension = Counter(question["dimension"] for question in questions)
    assert set(per_dimension) == set(DIMENSIONS)
    assert min(per_dimension.values()) >= 4


def test_diagnostic_questions_are_graded_from_zero_to_three_with_weights():
    keys = [question["key"] for question in DIAGNOSTIC["questions"]]
    assert len(set(keys)) == len(keys)
    for question in DIAGNOSTIC["questions"]:
        assert SLUG.match(question["key"]), question["key"]
        assert question["weight"] in {1, 2, 3}, question["key"]
        assert question["text"].endswith(NBSP + "?"), question["key"]
        assert question["help"].strip(), question["key"]
        # Four graded answers, then at most one « non concerné » answer without a score.
        scores = [choice["score"] for choice in question["choices"]]
        assert scores in ([0, 1, 2, 3], [0, 1, 2, 3, None]), question["key"]
        labels = [choice["label"] for choice in question["choices"]]
        assert len(set(labels)) == len(labels), question["key"]


# --- Cadrage éthique et juridique -------------------------------------------------------------------


def _ethics_questions():
    return {question["key"]: question for question in ETHICS_CHECK["questions"]}


def test_ethics_questions_cover_every_section_with_unique_keys():
    keys = [question["key"] for question in ETHICS_CHECK["questions"]]
    assert len(set(keys)) == len(keys)
    assert {question["section"] for question in ETHICS_CHECK["questions"]} == SECTIONS


def test_ethics_questions_follow_the_format():
    for question in ETHICS_CHECK["questions"]:
        assert SLUG.match(question["key"]), question["key"]
        assert question["kind"] in {"yes_no", "single_choice", "multiple_choice"}, question["key"]
        assert question["text"].endswith(NBSP + "?"), question["key"]
        assert question["help"].strip(), question["key"]
        choice_keys = [choice["key"] for choice in question["choices"]]
        assert len(choice_keys) >= 2, question["key"]
        assert len(set(choice_keys)) == len(choice_keys), question["key"]
        assert all(SLUG.match(key) for key in choice_keys), question["key"]
        assert all(choice["label"].strip() for choice in question["choices"]), question["key"]
        if question["kind"] == "yes_no":
            assert choice_keys == ["oui", "non"], question["key"]


def test_ethics_check_lists_the_nine_aipd_criteria():
    criteria = ETHICS_CHECK["aipd_criteria"]
    keys = [criterion["key"] for criterion in criteria]
    assert len(criteria) == 9
    assert len(set(keys)) == 9
    assert all(criterion["label"].strip() for criterion in criteria)
    question = _ethics_questions()["aipd_criteres"]
    assert [choice["key"] for choice in question["choices"]] == [*keys, "aucun"]


def test_ethics_check_defines_the_four_ai_act_levels():
    levels = ETHICS_CHECK["ai_act_levels"]
    assert set(levels) == {"minimal", "limited", "high", "prohibited"}
    for level in levels.values():
        assert set(level) == {"label", "guidance"}
        assert level["label"].strip()
        assert level["guidance"].strip()


def test_ethics_guidance_entries_are_french_texts():
    for key, text in ETHICS_CHECK["guidance"].items():
        assert SLUG.match(key), key
        assert isinstance(text, str), key
        assert text.strip(), key
