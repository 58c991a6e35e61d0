"""« Non concerné » answers of the maturity diagnostic: recorded, shown, and never lowering a score.

A choice without a score (`"score": None`) is stored as "nc" and left out of the dimension's score, so a
commune that takes no algorithmic decision is not marked down for having no inventory of them.
"""

from copy import deepcopy

from django.urls import reverse

from journeys import services
from journeys.content.loader import load_diagnostic, shipped_diagnostic
from journeys.models import DiagnosticResponse
from journeys.selectors import diagnostic_with_questions
from tests.journeys import sample_content
from tests.journeys.factories import ProjectFactory, move_to, sample_template

DIAGNOSTIC = shipped_diagnostic()

NBSP = "\u00a0"


def _with_not_concerned():
    data = deepcopy(sample_content.DIAGNOSTIC)
    question = next(q for q in data["questions"] if q["key"] == "strategie-2")
    question["choices"].append({"label": "Non concerné", "score": None})
    diagnostic, _created = load_diagnostic(data)
    return diagnostic_with_questions(diagnostic), data


def test_a_not_concerned_answer_leaves_the_question_out_of_the_score(db):
    diagnostic, _data = _with_not_concerned()
    with_nc, _ = services.compute_scores(diagnostic, {"strategie-1": 3, "strategie-2": services.NOT_CONCERNED})
    without, _ = services.compute_scores(diagnostic, {"strategie-1": 3})
    assert with_nc["strategie"] == without["strategie"] == 100
    only_nc, overall = services.compute_scores(diagnostic, {"strategie-2": services.NOT_CONCERNED})
    assert only_nc["strategie"] is None
    assert overall is None


def test_the_form_offers_saves_and_shows_the_not_concerned_answer(client_as, world):
    sample_template()
    _with_not_concerned()
    project = move_to(ProjectFactory(organisation=world["org"]), "diagnostic")
    client = client_as(world["member"])
    url = reverse("journeys:diagnostic_form", kwargs={"public_id": project.public_id})
    page = client.get(url).content.decode()
    assert 'name="strategie-2" value="nc"' in page
    response = client.post(url, {"version": "0", "strategie-1": "3", "strategie-2": "nc"})
    assert response.status_code == 302
    saved = DiagnosticResponse.objects.get()
    assert saved.answers == {"strategie-1": 3, "strategie-2": "nc"}
    assert saved.scores["strategie"] == 100
    again = client.get(url).content.decode()
    assert 'name="strategie-2" value="nc" checked' in again


def test_a_question_without_a_not_concerned_choice_refuses_nc(client_as, world):
    sample_template()
    _with_not_concerned()
    project = move_to(ProjectFactory(organisation=world["org"]), "diagnostic")
    url = reverse("journeys:diagnostic_form", kwargs={"public_id": project.public_id})
    response = client_as(world["member"]).post(url, {"version": "0", "strategie-1": "nc"})
    assert response.status_code == 400
    assert not DiagnosticResponse.objects.exists()


def _question(key: str) -> dict:
    return next(q for q in DIAGNOSTIC["questions"] if q["key"] == key)


def test_the_shipped_diagnostic_has_not_concerned_answers_where_a_collectivite_may_not_be():
    for key in ("eth-2", "usa-4"):
        labels = [c["label"] for c in _question(key)["choices"] if c["score"] is None]
        assert labels, key
        assert labels[0].startswith("Non concerné"), key


def test_the_generative_ai_question_accepts_a_checked_nobody_uses_it():
    choices = _question("comp-5")["choices"]
    verified = [
        c for c in choices if c["label"].replace(NBSP, " ").startswith("Personne ne les utilise, c’est vérifié")
    ]
    assert verified
    assert verified[0]["score"] is None


def test_the_first_question_asks_what_the_collectivite_already_uses():
    first = DIAGNOSTIC["questions"][0]
    assert "utilise-t-elle déjà" in first["text"]
    assert first["dimension"] == DIAGNOSTIC["dimensions"][0]["key"]
