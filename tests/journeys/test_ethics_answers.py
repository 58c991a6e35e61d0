"""Cleaning the posted answers of the ethics check: known choices only, each refusal with a clear French message."""

from journeys import ethics

NB = "\u00a0"
CONTENT = {
    "questions": [
        {"key": "oui_non", "text": "Oui ou non ?", "kind": "yes_no"},
        {"key": "sans_type", "text": "Sans type ?"},
        {"key": "sans_texte", "kind": "yes_no"},
        {
            "key": "un_choix",
            "text": "Un choix ?",
            "kind": "single_choice",
            "choices": [{"key": "a", "label": "A"}, {"key": "b", "label": "B"}],
        },
        {"key": "sans_choix", "text": "Sans choix ?", "kind": "single_choice"},
        {
            "key": "plusieurs",
            "text": "Plusieurs ?",
            "kind": "multiple_choice",
            "choices": [{"key": "xx", "label": "X"}, {"key": "yy", "label": "Y"}, {"key": "aucun", "label": "Aucun"}],
        },
    ]
}


def refused(label: str) -> str:
    return f"Réponse non prévue à la question «{NB}{label}{NB}»."


def test_yes_no_questions_accept_oui_and_non_even_without_listed_choices():
    answers, errors = ethics.clean_answers(CONTENT, {"oui_non": "non", "sans_type": "oui", "sans_texte": "oui"})
    assert (answers, errors) == ({"oui_non": "non", "sans_type": "oui", "sans_texte": "oui"}, [])


def test_an_unknown_answer_is_refused_with_the_question_text_or_its_key():
    answers, errors = ethics.clean_answers(CONTENT, {"oui_non": "peut-etre", "sans_texte": "bof", "un_choix": "c"})
    assert answers == {}
    assert errors == [refused("Oui ou non ?"), refused("sans_texte"), refused("Un choix ?")]


def test_a_single_choice_keeps_a_known_key_and_refuses_a_list():
    assert ethics.clean_answers(CONTENT, {"un_choix": "b"}) == ({"un_choix": "b"}, [])
    answers, errors = ethics.clean_answers(CONTENT, {"un_choix": ["a"]})
    assert (answers, errors) == ({}, [refused("Un choix ?")])


def test_a_single_choice_without_choices_accepts_nothing():
    assert ethics.clean_answers(CONTENT, {"sans_choix": "oui"}) == ({}, [refused("Sans choix ?")])


def test_a_multiple_choice_keeps_a_list_of_known_keys():
    assert ethics.clean_answers(CONTENT, {"plusieurs": ["xx", "", "yy"]}) == ({"plusieurs": ["xx", "yy"]}, [])
    assert ethics.clean_answers(CONTENT, {"plusieurs": "yy"}) == ({"plusieurs": ["yy"]}, [])
    assert ethics.clean_answers(CONTENT, {"plusieurs": ["aucun"]}) == ({"plusieurs": ["aucun"]}, [])


def test_a_multiple_choice_refuses_an_unknown_key_and_none_with_another_answer():
    assert ethics.clean_answers(CONTENT, {"plusieurs": ["xx", "zz"]}) == ({}, [refused("Plusieurs ?")])
    answers, errors = ethics.clean_answers(CONTENT, {"plusieurs": ["aucun", "xx"]})
    assert answers == {}
    assert errors == [
        f"«{NB}Aucun{NB}» ne peut pas être coché avec une autre réponse à la question «{NB}Plusieurs ?{NB}»."
    ]


def test_empty_answers_are_skipped_and_valid_ones_kept_next_to_refused_ones():
    raw = {"oui_non": "", "sans_type": None, "plusieurs": [], "un_choix": "a", "sans_texte": "jamais"}
    assert ethics.clean_answers(CONTENT, raw) == ({"un_choix": "a"}, [refused("sans_texte")])
