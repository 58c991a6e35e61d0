"""One case per rule of journeys/content/cadrage_ethique_regles.yaml: answers and the whole expected result.

A case lists, by guidance key, everything the shipped rules must show for its answers, section by section, and the
AI Act level, the AIPD status and need; whatever a case does not override is the result of empty answers.
"""

from dataclasses import dataclass

from journeys import ethics
from journeys.content.loader import ethics_content

YES_FOR_OVERSIGHT = {
    "ch_contestation": "oui",
    "ch_formation": "oui",
    "ch_canal_humain": "oui",
    "ch_suivi_qualite": "oui",
}
HIGH_RISK_AI = ["ai_act_maitrise", "ai_act_fria", "ai_act_information_agents", "ai_act_calendrier"]


@dataclass(frozen=True)
class Case:
    answers: dict
    level: str = ""
    aipd: tuple[str, bool] = ("non_applicable", False)
    criteria: tuple[str, ...] = ()
    alerts: tuple[str, ...] = ()
    personal_data: tuple[str, ...] = ("dp_non",)
    aipd_notes: tuple[str, ...] = ()
    ai_act: tuple[str, ...] = ()
    transparency: tuple[tuple[str, str], ...] = ()
    human_oversight: tuple[str, ...] = ()
    sufficient: bool = False
    environment: tuple[str, ...] = ("environnement_sobriete",)


def shipped() -> dict:
    return ethics_content()


def summary(result: dict, content: dict) -> dict:
    """The result with each text replaced by its guidance key (a text no rule owns shows as itself)."""
    keys = {text: key for key, text in content["guidance"].items()}

    def named(texts):
        return tuple(keys.get(text, text) for text in texts)

    return {
        "level": result["ai_act"]["level"],
        "aipd": (result["aipd"]["status"], result["aipd"]["needed"]),
        "criteria": tuple(result["aipd"]["criteria"]),
        "alerts": named(result["alerts"]),
        "personal_data": named(result["personal_data_notes"]),
        "aipd_notes": named(result["aipd"]["notes"]),
        "ai_act": named(result["ai_act"]["notes"]),
        "transparency": tuple(
            (item["article"], keys.get(item["text"], item["text"])) for item in result["transparency"]
        ),
        "human_oversight": named(result["human_oversight"]["notes"]),
        "sufficient": result["human_oversight"]["sufficient"],
        "environment": named(result["environment"]["notes"]),
    }


def expected(case: Case, content: dict) -> dict:
    labels = {item["key"]: item["label"] for item in content["aipd_criteria"]}
    return {
        "level": case.level,
        "aipd": case.aipd,
        "criteria": tuple(labels[key] for key in case.criteria),
        "alerts": case.alerts,
        "personal_data": case.personal_data,
        "aipd_notes": case.aipd_notes,
        "ai_act": case.ai_act,
        "transparency": case.transparency,
        "human_oversight": case.human_oversight,
        "sufficient": case.sufficient,
        "environment": case.environment,
    }


def evaluate(answers: dict) -> dict:
    return ethics.evaluate(shipped(), answers)


MENTION = ("L311-3-1", "transparence_mention")
PUBLICATION = ("L312-1-3", "transparence_publication")
EXEMPTION = ("L312-1-3", "transparence_publication_exemptee")

CASES: dict[str, Case] = {
    # --- Alerts ---
    "alerte_pratique_interdite": Case(
        {"ia_utilisee": "oui", "ia_pratiques_interdites": ["notation_sociale"]},
        level="prohibited",
        alerts=("alerte_pratique_interdite",),
        ai_act=("ai_act_maitrise", "ai_act_calendrier"),
    ),
    "alerte_aipd": Case(
        {"dp_traitement": "oui", "aipd_criteres": ["evaluation_notation", "grande_echelle"], "aipd_realisee": "non"},
        aipd=("requise", True),
        criteria=("evaluation_notation", "grande_echelle"),
        alerts=("alerte_aipd",),
        personal_data=("dp_oui",),
        aipd_notes=("aipd_a_faire",),
    ),
    "alerte_consentement": Case(
        {"dp_traitement": "oui", "dp_base_legale": "consentement", "aipd_criteres": ["aucun"]},
        aipd=("non_requise", False),
        alerts=("alerte_consentement",),
        personal_data=("dp_oui", "dp_base_legale_consentement"),
    ),
    "alerte_decision_automatisee": Case(
        {"tr_decision_individuelle": "oui", "tr_effectif": "50_et_plus", "ch_niveau_automatisation": "automatique"},
        alerts=("alerte_decision_automatisee",),
        transparency=(MENTION, PUBLICATION, ("", "transparence_decision_automatisee")),
        human_oversight=("controle_humain_alerte",),
    ),
    "alerte_controle_humain": Case(
        {
            "ia_utilisee": "oui",
            "ia_role": "deployeur",
            "ia_domaines_annexe_iii": ["prestations_sociales"],
            "ch_niveau_automatisation": "validation_formelle",
        },
        level="high",
        alerts=("alerte_controle_humain",),
        ai_act=tuple(HIGH_RISK_AI),
        human_oversight=("controle_humain_alerte",),
    ),
    # --- Personal data ---
    "dp_non": Case({"dp_traitement": "non"}),
    "dp_oui": Case({"dp_traitement": "oui"}, aipd=("non_requise", False), personal_data=("dp_oui",)),
    "dp_donnees_sensibles": Case(
        {"dp_traitement": "oui", "dp_categories": ["sante"]},
        aipd=("a_examiner", False),
        criteria=("donnees_sensibles",),
        personal_data=("dp_oui", "dp_donnees_sensibles"),
    ),
    "dp_base_legale": Case(
        {"dp_traitement": "oui", "dp_base_legale": "ne_sait_pas"},
        aipd=("non_requise", False),
        personal_data=("dp_oui", "dp_base_legale"),
    ),
    "dp_base_legale_consentement": Case(
        {"dp_categories": ["identite_contact"], "dp_base_legale": "consentement"},
        aipd=("non_requise", False),
        alerts=("alerte_consentement",),
        personal_data=("dp_oui", "dp_base_legale_consentement"),
    ),
    "dp_hebergement": Case(
        {"dp_traitement": "oui", "dp_hebergement": "prestataire_hors_ue"},
        aipd=("non_requise", False),
        personal_data=("dp_oui", "dp_hebergement"),
    ),
    "dp_dpo": Case(
        {"dp_traitement": "oui", "dp_dpo_consulte": "non"},
        aipd=("non_requise", False),
        personal_data=("dp_oui", "dp_dpo"),
    ),
    "dp_registre": Case(
        {"dp_traitement": "oui", "dp_registre": "non"},
        aipd=("non_requise", False),
        personal_data=("dp_oui", "dp_registre"),
    ),
    # --- AIPD ---
    "aipd_realisee": Case(
        {"dp_traitement": "oui", "aipd_liste_cnil": ["logement_social"], "aipd_realisee": "oui"},
        aipd=("obligatoire", True),
        personal_data=("dp_oui",),
        aipd_notes=("aipd_realisee",),
    ),
    "aipd_a_faire": Case(
        {"dp_traitement": "oui", "aipd_liste_cnil": ["accompagnement_social"]},
        aipd=("obligatoire", True),
        alerts=("alerte_aipd",),
        personal_data=("dp_oui",),
        aipd_notes=("aipd_a_faire",),
    ),
    # --- AI Act ---
    "ai_act_non_concerne": Case(
        {"ia_utilisee": "non", "ia_pratiques_interdites": ["notation_sociale"]},
        level="none",
        ai_act=("ai_act_non_concerne",),
    ),
    "ai_act_maitrise": Case({"ia_utilisee": "oui"}, level="minimal", ai_act=("ai_act_maitrise", "ai_act_calendrier")),
    "ai_act_emotions": Case(
        {"ia_utilisee": "oui", "ia_role": "deployeur", "ia_transparence_art50": ["categorisation_biometrique"]},
        level="high",
        ai_act=(
            "ai_act_maitrise",
            "ai_act_emotions",
            "ai_act_fria",
            "ai_act_information_agents",
            "ai_act_art50",
            "ai_act_calendrier",
        ),
    ),
    "ai_act_fria": Case(
        {"ia_utilisee": "oui", "ia_role": "deployeur", "ia_domaines_annexe_iii": ["emploi_agents"]},
        level="high",
        ai_act=tuple(HIGH_RISK_AI),
    ),
    "ai_act_information_agents": Case(
        {"ia_utilisee": "oui", "ia_role": "deployeur", "ia_domaines_annexe_iii": ["infrastructures_critiques"]},
        level="high",
        ai_act=("ai_act_maitrise", "ai_act_information_agents", "ai_act_calendrier"),
    ),
    "ai_act_fournisseur": Case(
        {"ia_utilisee": "oui", "ia_role": "fournisseur", "ia_domaines_annexe_iii": ["appels_urgence"]},
        level="high",
        ai_act=(
            "ai_act_maitrise",
            "ai_act_fria",
            "ai_act_information_agents",
            "ai_act_fournisseur",
            "ai_act_calendrier",
        ),
    ),
    "ai_act_role_a_determiner": Case(
        {"ia_utilisee": "oui", "ia_role": "ne_sait_pas", "ia_domaines_annexe_iii": ["education"]},
        level="high",
        ai_act=(
            "ai_act_maitrise",
            "ai_act_fria",
            "ai_act_information_agents",
            "ai_act_role_a_determiner",
            "ai_act_calendrier",
        ),
    ),
    "ai_act_art50": Case(
        {
            "ia_utilisee": "oui",
            "ia_role": "deployeur",
            "ia_domaines_annexe_iii": ["prestations_sociales"],
            "ia_transparence_art50": ["agent_conversationnel"],
        },
        level="high",
        ai_act=(
            "ai_act_maitrise",
            "ai_act_fria",
            "ai_act_information_agents",
            "ai_act_art50",
            "ai_act_calendrier",
        ),
    ),
    "ai_act_fournisseur_transparence": Case(
        {"ia_utilisee": "oui", "ia_role": "fournisseur", "ia_transparence_art50": ["contenu_genere"]},
        level="limited",
        ai_act=("ai_act_maitrise", "ai_act_fournisseur_transparence", "ai_act_calendrier"),
    ),
    "ai_act_calendrier": Case(
        {"ia_utilisee": "oui", "ia_role": "deployeur", "ia_transparence_art50": ["agent_conversationnel"]},
        level="limited",
        ai_act=("ai_act_maitrise", "ai_act_calendrier"),
    ),
    # --- Transparency ---
    "transparence_mention": Case({"tr_decision_individuelle": "ne_sait_pas"}, transparency=(MENTION, PUBLICATION)),
    "transparence_publication": Case(
        {"tr_decision_individuelle": "oui", "tr_effectif": "50_et_plus", "tr_inventaire": "oui"},
        transparency=(MENTION, PUBLICATION),
    ),
    "transparence_publication_exemptee": Case(
        {"tr_decision_individuelle": "oui", "tr_effectif": "moins_50"}, transparency=(MENTION, EXEMPTION)
    ),
    "transparence_decision_automatisee": Case(
        {
            "tr_decision_individuelle": "ne_sait_pas",
            "tr_effectif": "moins_50",
            "ch_niveau_automatisation": "automatique",
        },
        alerts=("alerte_decision_automatisee",),
        transparency=(MENTION, EXEMPTION, ("", "transparence_decision_automatisee")),
        human_oversight=("controle_humain_alerte",),
    ),
    "transparence_inventaire": Case(
        {"tr_decision_individuelle": "oui", "tr_effectif": "moins_50", "tr_inventaire": "non"},
        transparency=(MENTION, EXEMPTION, ("", "transparence_inventaire")),
    ),
    "transparence_generale": Case(
        {"tr_decision_individuelle": "non", "tr_inventaire": "non"}, transparency=(("", "transparence_generale"),)
    ),
    "open_data_obligation": Case(
        {"tr_population": "3500_et_plus", "tr_effectif": "50_et_plus"},
        transparency=(("L312-1-1", "open_data_obligation"),),
    ),
    "open_data_a_verifier": Case(
        {"tr_population": "3500_et_plus", "tr_effectif": "ne_sait_pas"},
        transparency=(("L312-1-1", "open_data_a_verifier"),),
    ),
    "open_data_bonne_pratique": Case(
        {"tr_population": "3500_et_plus", "tr_effectif": "moins_50"},
        transparency=(("", "open_data_bonne_pratique"),),
    ),
    "code_source": Case({"tr_code_source": "libre"}, transparency=(("", "code_source"),)),
    "code_source_editeur": Case({"tr_code_source": "editeur"}, transparency=(("", "code_source_editeur"),)),
    # --- Human oversight ---
    "controle_humain_alerte": Case(
        {"ch_niveau_automatisation": "validation_formelle", **YES_FOR_OVERSIGHT},
        human_oversight=("controle_humain_alerte",),
    ),
    "controle_humain_contestation": Case(
        {"ch_niveau_automatisation": "aide_decision", **YES_FOR_OVERSIGHT, "ch_contestation": "non"},
        human_oversight=("controle_humain_contestation",),
    ),
    "controle_humain_formation": Case(
        {"ch_niveau_automatisation": "aide_decision", **YES_FOR_OVERSIGHT, "ch_formation": "non"},
        human_oversight=("controle_humain_formation",),
    ),
    "controle_humain_canal": Case(
        {"ch_niveau_automatisation": "aide_decision", **YES_FOR_OVERSIGHT, "ch_canal_humain": "non"},
        human_oversight=("controle_humain_canal",),
    ),
    "controle_humain_suivi": Case(
        {"ch_niveau_automatisation": "aide_decision", **YES_FOR_OVERSIGHT, "ch_suivi_qualite": "non"},
        human_oversight=("controle_humain_suivi",),
    ),
    "controle_humain_ok": Case(
        {"ch_niveau_automatisation": "aide_decision", **YES_FOR_OVERSIGHT},
        human_oversight=("controle_humain_ok",),
        sufficient=True,
    ),
    # --- Environment ---
    "environnement_ia_lourde": Case(
        {"env_type_traitement": "ia_generative_service"},
        environment=("environnement_ia_lourde", "environnement_sobriete"),
    ),
    "environnement_alternative": Case(
        {"env_alternative_simple": "non"}, environment=("environnement_alternative", "environnement_sobriete")
    ),
    "environnement_reutilisation": Case(
        {"env_reutilisation": "non"}, environment=("environnement_reutilisation", "environnement_sobriete")
    ),
    "environnement_mesure": Case(
        {"env_mesure": "non"}, environment=("environnement_mesure", "environnement_sobriete")
    ),
    "environnement_sobriete": Case({"env_type_traitement": "sans_ia", "env_volume": "ponctuel"}),
}
