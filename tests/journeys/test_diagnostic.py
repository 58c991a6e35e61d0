import pytest
from django.urls import reverse

from journeys import services
from journeys.models import DiagnosticResponse, StepAnswer
from journeys.selectors import diagnostic_with_questions
from tests.journeys import sample_content
from tests.journeys.factories import ProjectFactory, move_to, sample_diagnostic, sample_template

ALL_KEYS = [q["key"] for q in sample_content.DIAGNOSTIC["questions"]]


def _project(world):
    sample_template()
    sample_diagnostic()
    return move_to(ProjectFactory(organisation=world["org"]), "diagnostic")


def test_scores_are_weighted_per_dimension_and_overall_is_their_mean():
    diagnostic = diagnostic_with_questions(sample_diagnostic())
    # strategie-1 (weight 1) = 3, strategie-2 (weight 2) = 0 → 100 * 3 / 9 = 33
    scores, overall = services.compute_scores(diagnostic, {"strategie-1": 3, "strategie-2": 0, "donnees-1": 3})
    assert scores["strategie"] == 33
    assert scores["donnees"] == 100
    assert scores["usagers"] is None
    assert overall == round((33 + 100) / 2)


def test_member_completes_the_diagnostic_and_sees_radar_table_and_recommendations(client_as, world):
    project = _project(world)
    client = client_as(world["member"])
    answers = dict.fromkeys(ALL_KEYS, "3")
    answers.update({"strategie-1": "0", "strategie-2": "0", "donnees-1": "1", "donnees-2": "2"})
    response = client.post(reverse("journeys:diagnostic_form", kwargs={"public_id": project.public_id}), answers)
    assert response.status_code == 302
    assert response["Location"].endswith("/diagnostic/resultats/")
    result = DiagnosticResponse.objects.get()
    assert result.completed_at is not None
    assert result.scores["strategie"] == 0
    assert result.scores["ethique"] == 100
    assert StepAnswer.objects.get(step__key="questionnaire").done

    page = client.get(response["Location"]).content.decode()
    assert 'role="img"' in page
    assert "<svg" in page
    assert "Scores par dimension (sur 100)" in page
    assert "Poser les bases : Stratégie et gouvernance" in page
    assert "Consolider : Données" in page
    assert "Poser les bases : Éthique" not in page
    assert 'href="/catalogue/?theme=donnees"' in page


def test_partial_answers_are_kept_and_the_diagnostic_is_not_complete(client_as, world):
    project = _project(world)
    url = reverse("journeys:diagnostic_form", kwargs={"public_id": project.public_id})
    response = client_as(world["member"]).post(url, {"strategie-1": "2"}, follow=True)
    assert "Il reste 11 question(s) sans réponse" in response.content.decode()
    result = DiagnosticResponse.objects.get()
    assert result.answers == {"strategie-1": 2}
    assert result.completed_at is None
    assert not StepAnswer.objects.filter(step__key="questionnaire", done=True).exists()


def test_answer_outside_the_scale_is_refused_and_nothing_is_saved(client_as, world):
    project = _project(world)
    url = reverse("journeys:diagnostic_form", kwargs={"public_id": project.public_id})
    response = client_as(world["member"]).post(url, {"strategie-1": "7"})
    assert response.status_code == 400
    assert "Réponse non prévue" in response.content.decode()
    assert not DiagnosticResponse.objects.exists()


def test_diagnostic_cannot_be_answered_before_its_stage(client_as, world):
    sample_template()
    sample_diagnostic()
    project = ProjectFactory(organisation=world["org"])
    url = reverse("journeys:diagnostic_form", kwargs={"public_id": project.public_id})
    response = client_as(world["member"]).post(url, {"strategie-1": "2"})
    assert response.status_code == 400
    assert not DiagnosticResponse.objects.exists()


def test_staff_in_scope_reads_the_diagnostic_but_cannot_answer(client_as, world):
    project = _project(world)
    url = reverse("journeys:diagnostic_form", kwargs={"public_id": project.public_id})
    assert client_as(world["staff_in"]).get(url).status_code == 200
    assert client_as(world["staff_in"]).post(url, {"strategie-1": "2"}).status_code == 403


@pytest.mark.parametrize(("score", "expected"), [(10, "Poser les bases"), (50, "Consolider"), (90, None)])
def test_recommendations_use_the_tightest_threshold(score, expected):
    diagnostic = diagnostic_with_questions(sample_diagnostic())
    groups = services.recommendations_for(diagnostic, {"strategie": score})
    titles = [item.title for group in groups for item in group["items"]]
    if expected is None:
        assert titles == []
    else:
        assert len(titles) == 1
        assert titles[0].startswith(expected)
