"""Every text the shipped rules can show reaches the page: the ethics form's result and the project page."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from journeys.content.loader import load_default_content
from journeys.models import EthicsCheck
from tests.journeys.ethics_cases import CASES, evaluate
from tests.journeys.factories import ProjectFactory, move_to


def _texts(result: dict) -> list[str]:
    texts = result["alerts"] + result["personal_data_notes"] + result["aipd"]["notes"] + result["ai_act"]["notes"]
    texts += [item["text"] for item in result["transparency"]]
    texts += result["human_oversight"]["notes"] + result["environment"]["notes"] + result["sources"]
    texts += [result["aipd"]["text"], result["ai_act"]["label"], result["ai_act"]["guidance"]]
    return [text for text in texts if text]


@pytest.fixture
def project(world):
    load_default_content()
    return move_to(ProjectFactory(organisation=world["org"]), "cadrage")


@pytest.mark.parametrize("rule_key", sorted(CASES))
def test_every_note_of_a_rule_renders_on_the_ethics_page(client_as, world, project, rule_key):
    result = evaluate(CASES[rule_key].answers)
    EthicsCheck.objects.create(project=project, answers=CASES[rule_key].answers, result=result, version=1)
    response = client_as(world["member"]).get(reverse("journeys:ethics_form", kwargs={"public_id": project.public_id}))
    body = response.content.decode()
    assert response.status_code == 200
    missing = [text for text in _texts(result) if escape(text) not in body]
    assert missing == []
    for item in result["transparency"]:
        if item["article"]:
            assert f"<strong>Article {item['article']}</strong>&nbsp;: {escape(item['text'])}" in body


@pytest.mark.parametrize(
    ("rule_key", "verdict"),
    [("aipd_a_faire", "Nécessaire"), ("alerte_aipd", "Nécessaire"), ("dp_donnees_sensibles", "À examiner")],
)
def test_the_aipd_verdict_is_shown_on_the_project_page(client_as, world, project, rule_key, verdict):
    move_to(project, "realisation")
    answers = CASES[rule_key].answers
    EthicsCheck.objects.create(project=project, answers=answers, result=evaluate(answers), version=1)
    body = client_as(world["member"]).get(project.get_absolute_url()).content.decode()
    assert f"<strong>{verdict}</strong>" in body
    assert "<strong>Pas obligatoire</strong>" not in body


def test_a_result_saved_before_the_rules_changed_is_re_evaluated_by_bootstrap(world, project):
    answers = {"ia_utilisee": "oui", "ia_transparence_art50": ["emotions_categorisation"]}
    stale = {
        **evaluate(answers),
        "ai_act": {"level": "limited", "label": "Risque limité", "guidance": "", "notes": []},
    }
    check = EthicsCheck.objects.create(project=project, answers=answers, result=stale, version=1)
    load_default_content()
    check.refresh_from_db()
    assert check.result == evaluate(answers)
    assert check.result["ai_act"]["level"] == "high"
