import pytest
from django.urls import reverse

from journeys import ethics
from journeys.content.loader import ethics_content
from journeys.models import EthicsCheck, StepAnswer
from tests.journeys import sample_content
from tests.journeys.factories import ProjectFactory, move_to, sample_template

CONTENT = sample_content.ETHICS_CHECK


@pytest.fixture
def sample_ethics(monkeypatch):
    monkeypatch.setattr("journeys.services.ethics_check.ethics_content", lambda: CONTENT)
    monkeypatch.setattr("journeys.views.ethics_content", lambda: CONTENT)


def test_two_criteria_make_an_aipd_necessary():
    answers = {"dp_traitement": "oui", "aipd_criteres": ["evaluation_notation", "surveillance_systematique"]}
    result = ethics.evaluate(CONTENT, answers)
    assert result["aipd"]["needed"] is True
    assert result["aipd"]["criteria"] == ["Évaluation ou notation", "Surveillance systématique"]


def test_one_criterion_alone_does_not_require_an_aipd_but_asks_to_examine_it():
    result = ethics.evaluate(CONTENT, {"dp_traitement": "oui", "aipd_criteres": ["evaluation_notation"]})
    assert result["aipd"]["needed"] is False
    assert result["aipd"]["status"] == "a_examiner"


def test_sensitive_data_counts_as_a_criterion():
    answers = {"dp_traitement": "oui", "dp_categories": ["sante"], "aipd_criteres": ["evaluation_notation"]}
    assert ethics.evaluate(CONTENT, answers)["aipd"]["needed"] is True


def test_cnil_mandatory_list_requires_an_aipd_even_with_no_criterion():
    result = ethics.evaluate(CONTENT, {"dp_traitement": "oui", "aipd_liste_cnil": ["accompagnement_social"]})
    assert result["aipd"]["status"] == "obligatoire"


def test_no_personal_data_means_no_aipd():
    result = ethics.evaluate(CONTENT, {"dp_traitement": "non", "aipd_criteres": ["aucun"]})
    assert result["personal_data"] is False
    assert result["aipd"]["needed"] is False


@pytest.mark.parametrize(
    ("answers", "level"),
    [
        ({"ia_utilisee": "non"}, "none"),
        ({"ia_utilisee": "oui"}, "minimal"),
        ({"ia_utilisee": "oui", "ia_transparence_art50": ["agent_conversationnel"]}, "limited"),
        ({"ia_utilisee": "oui", "ia_domaines_annexe_iii": ["prestations_sociales"]}, "high"),
        ({"ia_utilisee": "oui", "ia_pratiques_interdites": ["notation_sociale"]}, "prohibited"),
        (
            {"ia_utilisee": "oui", "ia_pratiques_interdites": ["aucune"], "ia_domaines_annexe_iii": ["aucun"]},
            "minimal",
        ),
    ],
)
def test_ai_act_level_follows_the_answers(answers, level):
    assert ethics.evaluate(CONTENT, answers)["ai_act"]["level"] == level


def test_prohibited_practice_raises_an_alert():
    answers = {"ia_utilisee": "oui", "ia_pratiques_interdites": ["notation_sociale"]}
    result = ethics.evaluate(ethics_content(), answers)
    assert result["alerts"] == [ethics_content()["guidance"]["alerte_pratique_interdite"]]
    assert "pratique interdite" in result["alerts"][0]


def test_high_risk_ai_requires_an_aipd_when_personal_data_are_processed():
    answers = {"dp_traitement": "oui", "ia_utilisee": "oui", "ia_domaines_annexe_iii": ["prestations_sociales"]}
    assert ethics.evaluate(CONTENT, answers)["aipd"]["needed"] is True


def test_individual_decisions_trigger_crpa_duties_with_the_small_staff_exemption():
    big = ethics.evaluate(ethics_content(), {"tr_decision_individuelle": "oui", "tr_effectif": "50_et_plus"})
    small = ethics.evaluate(ethics_content(), {"tr_decision_individuelle": "oui", "tr_effectif": "moins_50"})
    assert [d["article"] for d in big["transparency"]] == ["L311-3-1", "L312-1-3"]
    assert "doit publier en ligne" in big["transparency"][1]["text"]
    assert "moins de 50 agents en équivalents temps plein" in small["transparency"][1]["text"]
    assert "dispensée" in small["transparency"][1]["text"]


def test_rubber_stamp_validation_is_flagged_as_weak_human_oversight():
    result = ethics.evaluate(CONTENT, {"ch_niveau_automatisation": "validation_formelle", "ch_contestation": "oui"})
    assert result["human_oversight"]["sufficient"] is False


def test_shipped_ethics_content_is_understood_by_the_rules():
    content = ethics_content()
    answers = {
        "dp_traitement": "oui",
        "aipd_criteres": ["evaluation_notation", "personnes_vulnerables"],
        "ia_utilisee": "oui",
        "ia_domaines_annexe_iii": ["prestations_sociales"],
        "tr_decision_individuelle": "oui",
        "tr_effectif": "moins_50",
        "ch_niveau_automatisation": "automatique",
    }
    cleaned, errors = ethics.clean_answers(content, answers)
    assert errors == []
    result = ethics.evaluate(content, cleaned)
    assert result["aipd"]["needed"]
    assert result["ai_act"]["level"] == "high"
    assert result["ai_act"]["label"]
    assert result["aipd"]["text"]
    assert all(item["text"] for item in result["transparency"])
    guidance = content["guidance"]
    assert result["alerts"] == [
        guidance["alerte_aipd"],
        guidance["alerte_decision_automatisee"],
        guidance["alerte_controle_humain"],
    ]


def test_member_fills_the_ethics_check_and_sees_the_result_on_the_project_page(client_as, world, sample_ethics):
    sample_template()
    project = move_to(ProjectFactory(organisation=world["org"]), "cadrage")
    client = client_as(world["member"])
    answers = {
        "dp_traitement": "oui",
        "dp_categories": ["identite_contact"],
        "aipd_criteres": ["evaluation_notation", "decision_automatisee"],
        "aipd_liste_cnil": ["aucun"],
        "aipd_realisee": "non",
        "ia_utilisee": "oui",
        "ia_pratiques_interdites": ["aucune"],
        "ia_domaines_annexe_iii": ["aucun"],
        "ia_transparence_art50": ["agent_conversationnel"],
        "tr_decision_individuelle": "non",
        "tr_effectif": "moins_50",
        "ch_niveau_automatisation": "aide_decision",
        "ch_contestation": "oui",
        "env_mesure": "oui",
    }
    response = client.post(reverse("journeys:ethics_form", kwargs={"public_id": project.public_id}), answers)
    assert response.status_code == 302
    check = EthicsCheck.objects.get()
    assert check.completed_at is not None
    assert check.result["aipd"]["needed"] is True
    assert StepAnswer.objects.get(step__key="ethique").done
    page = client.get(project.get_absolute_url()).content.decode()
    assert "Analyse d’impact (AIPD)" in page
    assert "Nécessaire" in page
    assert "Risque limité" in page


def test_unknown_choice_in_the_ethics_check_is_refused(client_as, world, sample_ethics):
    sample_template()
    project = move_to(ProjectFactory(organisation=world["org"]), "cadrage")
    url = reverse("journeys:ethics_form", kwargs={"public_id": project.public_id})
    response = client_as(world["member"]).post(url, {"ia_utilisee": "peut-etre"})
    assert response.status_code == 400
    assert "Réponse non prévue" in response.content.decode()
    assert not EthicsCheck.objects.exists()
