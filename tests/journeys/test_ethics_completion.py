"""The ethics step of the shipped journey is done only when every relevant question of the check is answered."""

import pytest

from journeys import services
from journeys.content.loader import ethics_content, load_default_content
from journeys.models import EthicsCheck, StepAnswer
from tests.journeys.factories import ProjectFactory, move_to


@pytest.fixture
def project(world):
    load_default_content()
    return move_to(ProjectFactory(organisation=world["org"]), "cadrage")


def _every_answer() -> dict:
    answers = {}
    for question in ethics_content()["questions"]:
        first = (question.get("choices") or [{"key": "oui"}])[0]["key"]
        answers[question["key"]] = [first] if question["kind"] == "multiple_choice" else first
    return answers


def test_the_ethics_step_stays_to_do_while_a_relevant_multiple_choice_is_unanswered(world, project):
    answers = _every_answer()
    del answers["ia_pratiques_interdites"]
    services.save_ethics_check(project=project, user=world["member"], raw_answers=answers, expected_version=0)
    assert EthicsCheck.objects.get(project=project).completed_at is None
    assert StepAnswer.objects.get(project=project, step__key="cadrage_ethique").done is False

    services.save_ethics_check(project=project, user=world["member"], raw_answers=_every_answer(), expected_version=1)
    assert EthicsCheck.objects.get(project=project).completed_at is not None
    step = StepAnswer.objects.get(project=project, step__key="cadrage_ethique")
    assert (step.done, step.value) == (True, {"level": "prohibited"})


def test_the_ethics_step_is_done_when_a_no_makes_the_other_questions_irrelevant(world, project):
    irrelevant = {"dp_categories", "dp_base_legale", "dp_hebergement", "dp_dpo_consulte", "dp_registre"}
    irrelevant |= {"aipd_criteres", "aipd_liste_cnil", "aipd_realisee", "ia_role", "ia_pratiques_interdites"}
    irrelevant |= {"ia_domaines_annexe_iii", "ia_transparence_art50", "tr_inventaire"}
    answers = {key: value for key, value in _every_answer().items() if key not in irrelevant}
    answers.update({"dp_traitement": "non", "ia_utilisee": "non", "tr_decision_individuelle": "non"})
    services.save_ethics_check(project=project, user=world["member"], raw_answers=answers, expected_version=0)
    assert StepAnswer.objects.get(project=project, step__key="cadrage_ethique").done is True
