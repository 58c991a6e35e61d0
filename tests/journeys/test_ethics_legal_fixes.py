"""Each legal fix of the ethics check (issue 11), as the shipped content and rules must answer it."""

import pytest

from journeys import ethics
from journeys.content.loader import ethics_content

AI = {"ia_utilisee": "oui", "ia_role": "deployeur"}


def evaluate(answers: dict) -> dict:
    return ethics.evaluate(ethics_content(), answers)


def _all_notes(result: dict) -> str:
    notes = result["alerts"] + result["personal_data_notes"] + result["aipd"]["notes"] + result["ai_act"]["notes"]
    notes += [item["text"] for item in result["transparency"]]
    notes += result["human_oversight"]["notes"] + result["environment"]["notes"]
    return "\n".join(notes)


def test_emotion_recognition_outside_work_and_school_is_a_high_risk_use():
    result = evaluate({**AI, "ia_transparence_art50": ["emotions_categorisation"]})
    assert result["ai_act"]["level"] == "high"
    assert "annexe III, point 1" in _all_notes(result)


def test_biometric_categorisation_is_a_high_risk_use():
    assert evaluate({**AI, "ia_transparence_art50": ["categorisation_biometrique"]})["ai_act"]["level"] == "high"


@pytest.mark.parametrize("domain", ["emploi_agents", "education"])
def test_emotion_recognition_of_agents_or_pupils_is_prohibited(domain):
    result = evaluate({**AI, "ia_transparence_art50": ["emotions_categorisation"], "ia_domaines_annexe_iii": [domain]})
    assert result["ai_act"]["level"] == "prohibited"
    assert any("pratique interdite" in alert for alert in result["alerts"])


def test_critical_infrastructure_alone_needs_no_fundamental_rights_assessment():
    alone = evaluate({**AI, "ia_domaines_annexe_iii": ["infrastructures_critiques"]})
    assert alone["ai_act"]["level"] == "high"
    assert "droits fondamentaux" not in _all_notes(alone)
    with_benefits = evaluate({**AI, "ia_domaines_annexe_iii": ["infrastructures_critiques", "prestations_sociales"]})
    assert "droits fondamentaux" in _all_notes(with_benefits)


def test_limited_risk_never_says_its_duties_add_to_the_high_risk_ones():
    result = evaluate({**AI, "ia_transparence_art50": ["agent_conversationnel", "contenu_genere"]})
    assert result["ai_act"]["level"] == "limited"
    assert "s’ajoutent à celles du haut risque" not in _all_notes(result)


def test_provider_duties_of_a_high_risk_system_are_not_shown_below_high_risk():
    limited = evaluate({**AI, "ia_role": "fournisseur", "ia_transparence_art50": ["contenu_genere"]})
    minimal = evaluate({**AI, "ia_role": "fournisseur"})
    for result in (limited, minimal):
        assert "gestion des risques" not in _all_notes(result)
        assert "évaluation de la conformité" not in _all_notes(result)
    high = evaluate({**AI, "ia_role": "fournisseur", "ia_domaines_annexe_iii": ["prestations_sociales"]})
    assert "évaluation de la conformité" in _all_notes(high)


def test_consent_as_legal_basis_shows_a_warning():
    result = evaluate({"dp_traitement": "oui", "dp_base_legale": "consentement"})
    assert any("considérant 43" in alert for alert in result["alerts"])
    assert any("considérant 43" in note for note in result["personal_data_notes"])


def test_the_high_risk_oversight_alert_cites_the_deployer_duty():
    result = evaluate(
        {**AI, "ia_domaines_annexe_iii": ["prestations_sociales"], "ch_niveau_automatisation": "automatique"}
    )
    (alert,) = [alert for alert in result["alerts"] if "contrôle" in alert]
    assert "article 26, paragraphe 2" in alert


@pytest.mark.parametrize("decision", ["oui", "ne_sait_pas"])
def test_a_fully_automated_individual_decision_raises_the_article_22_alert(decision):
    result = evaluate({"tr_decision_individuelle": decision, "ch_niveau_automatisation": "automatique"})
    assert any("article 22 du RGPD" in alert and "article 47" in alert for alert in result["alerts"])


def test_a_high_risk_system_at_work_informs_the_workers_representatives():
    result = evaluate({**AI, "ia_domaines_annexe_iii": ["emploi_agents"]})
    assert "article 26, paragraphe 7" in _all_notes(result)


def test_an_online_generative_ai_service_gets_the_footprint_note():
    result = evaluate({"env_type_traitement": "ia_generative_service"})
    assert len(result["environment"]["notes"]) == 2
    assert "Les grands modèles d’IA" in result["environment"]["notes"][0]


def test_open_data_with_an_unknown_headcount_asks_to_check_it_in_etp():
    result = evaluate({"tr_population": "3500_et_plus", "tr_effectif": "ne_sait_pas"})
    text = _all_notes(result)
    assert "n’est pas soumise" not in text
    assert "Vérifiez l’effectif en ETP" in text


def test_open_data_needs_both_thresholds_counted_in_etp():
    obliged = evaluate({"tr_population": "3500_et_plus", "tr_effectif": "50_et_plus"})
    assert [item["article"] for item in obliged["transparency"]] == ["L312-1-1"]
    assert "3 500 habitants et 50 agents en équivalents temps plein" in obliged["transparency"][0]["text"]
    for answers in (
        {"tr_population": "3500_et_plus", "tr_effectif": "moins_50"},
        {"tr_population": "moins_3500", "tr_effectif": "50_et_plus"},
    ):
        (item,) = evaluate(answers)["transparency"]
        assert item["article"] == ""
        assert "n’est pas soumise" in item["text"]


def test_the_inventory_of_algorithms_is_asked_only_for_individual_decisions():
    result = evaluate({"tr_decision_individuelle": "non", "tr_inventaire": "non"})
    assert "Recenser les traitements algorithmiques" not in _all_notes(result)


def test_sensitive_data_ticked_twice_count_as_one_criterion():
    result = evaluate({"dp_traitement": "oui", "dp_categories": ["sante"], "aipd_criteres": ["donnees_sensibles"]})
    assert len(result["aipd"]["criteria"]) == 1
    assert result["aipd"]["status"] == "a_examiner"


def test_data_about_children_count_as_the_vulnerable_persons_criterion():
    result = evaluate(
        {"dp_traitement": "oui", "dp_categories": ["donnees_enfants"], "aipd_criteres": ["grande_echelle"]}
    )
    assert len(result["aipd"]["criteria"]) == 2
    assert result["aipd"]["needed"] is True


def test_the_check_is_not_done_while_a_relevant_multiple_choice_is_unanswered():
    content = ethics_content()
    answers = {
        question["key"]: (question.get("choices") or [{"key": "oui"}])[0]["key"] for question in content["questions"]
    }
    answers = {
        key: ([value] if key.startswith(("aipd_", "ia_pratiques", "ia_domaines", "ia_transp", "dp_cat")) else value)
        for key, value in answers.items()
    }
    assert ethics.is_complete(content, answers)
    answers.pop("ia_pratiques_interdites")
    assert not ethics.is_complete(content, answers)


def test_the_check_is_done_without_the_questions_a_no_makes_irrelevant():
    content = ethics_content()
    skipped = {"dp_categories", "dp_base_legale", "dp_hebergement", "dp_dpo_consulte", "dp_registre", "aipd_criteres"}
    skipped |= {"aipd_liste_cnil", "aipd_realisee", "ia_role", "ia_pratiques_interdites", "ia_domaines_annexe_iii"}
    skipped |= {"ia_transparence_art50", "tr_inventaire"}
    answers = {
        question["key"]: (question.get("choices") or [{"key": "non"}])[0]["key"]
        for question in content["questions"]
        if question["key"] not in skipped
    }
    answers.update({"dp_traitement": "non", "ia_utilisee": "non", "tr_decision_individuelle": "non"})
    assert ethics.is_complete(content, answers)


def test_none_ticked_with_another_answer_is_refused():
    answers, errors = ethics.clean_answers(
        ethics_content(), {"ia_pratiques_interdites": ["aucune", "notation_sociale"]}
    )
    assert answers == {}
    assert errors == [
        "« Aucun » ne peut pas être coché avec une autre réponse à la question « Le système pourrait-il "
        "servir à l’une de ces pratiques ? »."
    ]
