"""A module's self-check works without JavaScript: the answers are posted, each comes back with its explanation."""

from awareness.content import modules_by_slug

URL = "/se-former/ce-qu-est-l-ia/"


def test_visitor_reads_a_module_and_its_questions(client):
    response = client.get(URL)

    assert response.status_code == 200
    page = response.content.decode()
    module = modules_by_slug()["ce-qu-est-l-ia"]
    assert module.title in page
    assert module.questions[0].question in page
    assert module.questions[0].explanation not in page  # explanations come after answering


def test_answers_come_back_with_the_right_one_and_its_explanation(client):
    module = modules_by_slug()["ce-qu-est-l-ia"]
    first, second = module.questions
    wrong = next(index for index in range(len(second.choices)) if index != second.answer)

    response = client.post(URL, {"q1": str(first.answer), "q2": str(wrong)})

    assert response.status_code == 200
    page = response.content.decode()
    assert "1 bonne réponse sur 2" in page
    assert page.count("Bonne réponse</p>") == 1
    assert page.count("Ce n’est pas la bonne réponse</p>") == 1
    assert first.explanation in page
    assert second.explanation in page
    assert f'value="{wrong}" checked' in page  # the visitor's answer stays selected


def test_unanswered_question_is_flagged_in_french_and_nothing_is_explained(client):
    response = client.post(URL, {"q1": "0"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Choisissez une réponse." in page
    assert "Répondez à chaque question pour voir les explications." in page
    assert modules_by_slug()["ce-qu-est-l-ia"].questions[0].explanation not in page


def test_unknown_module_is_a_404(client):
    assert client.get("/se-former/inconnu/").status_code == 404
    assert client.post("/se-former/inconnu/", {"q1": "0"}).status_code == 404
