"""A small journey, diagnostic and ethics check in the shared content format (see docs/journeys.md).

Tests build against this sample so they do not depend on the wording of the shipped content.
"""

from journeys.content.loader import ethics_rules, shipped_ethics_check

TEMPLATE = {
    "slug": "parcours-test",
    "name": "Parcours de test",
    "version_note": "Première version",
    "description": "Un parcours court pour les tests.",
    "stages": [
        {
            "key": "agenda",
            "name": "Mise à l’agenda",
            "summary": "Formuler le besoin.",
            "requires_validation": False,
            "steps": [
                {
                    "key": "besoin",
                    "kind": "text",
                    "title": "Quel est le besoin ?",
                    "help": "Décrivez **le besoin**.",
                    "required": True,
                },
                {
                    "key": "porteur",
                    "kind": "single_choice",
                    "title": "Qui porte le projet ?",
                    "help": "",
                    "required": True,
                    "choices": ["Le maire", "Un adjoint", "La direction générale des services"],
                },
                {
                    "key": "publics",
                    "kind": "multiple_choice",
                    "title": "Quels publics sont concernés ?",
                    "help": "",
                    "required": False,
                    "choices": ["Habitants", "Agents", "Entreprises"],
                },
                {
                    "key": "portage-politique",
                    "kind": "checklist",
                    "title": "Le portage politique est acquis",
                    "help": "",
                    "required": True,
                },
            ],
        },
        {
            "key": "diagnostic",
            "name": "Diagnostic",
            "summary": "Mesurer la maturité.",
            "requires_validation": False,
            "steps": [
                {
                    "key": "questionnaire",
                    "kind": "diagnostic",
                    "title": "Répondre au diagnostic de maturité",
                    "help": "",
                    "required": True,
                },
                {
                    "key": "guide",
                    "kind": "link",
                    "title": "Lire le guide",
                    "help": "",
                    "required": False,
                    "link": {"label": "Ressources", "url": "/ressources/"},
                },
            ],
        },
        {
            "key": "cadrage",
            "name": "Cadrage",
            "summary": "Objectifs, données, cadre éthique.",
            "requires_validation": True,
            "steps": [
                {
                    "key": "objectifs",
                    "kind": "text",
                    "title": "Objectifs et indicateurs",
                    "help": "",
                    "required": True,
                },
                {
                    "key": "ethique",
                    "kind": "ethics_check",
                    "title": "Cadrage éthique et juridique",
                    "help": "",
                    "required": True,
                },
                {
                    "key": "note-cadrage",
                    "kind": "deliverable",
                    "title": "Note de cadrage",
                    "help": "",
                    "required": False,
                    "deliverable_hint": "PDF ou document texte",
                },
            ],
        },
        {
            "key": "solution",
            "name": "Choix de la solution",
            "summary": "Construire, acheter, réutiliser.",
            "requires_validation": False,
            "steps": [{"key": "option", "kind": "text", "title": "Option retenue", "help": "", "required": True}],
        },
        {
            "key": "financement",
            "name": "Financement",
            "summary": "Budget et aides.",
            "requires_validation": False,
            "steps": [{"key": "budget", "kind": "text", "title": "Budget", "help": "", "required": True}],
        },
        {
            "key": "realisation",
            "name": "Réalisation",
            "summary": "Déployer et évaluer.",
            "requires_validation": False,
            "steps": [{"key": "bilan", "kind": "text", "title": "Bilan", "help": "", "required": True}],
        },
    ],
}

_DIMENSIONS = [
    ("strategie", "Stratégie et gouvernance"),
    ("donnees", "Données"),
    ("competences", "Compétences et organisation"),
    ("infrastructures", "Infrastructures et outils"),
    ("ethique", "Éthique et cadre juridique"),
    ("usagers", "Relation aux usagers et lien humain"),
]


def _choices():
    return [
        {"label": "Pas du tout", "score": 0},
        {"label": "Un peu", "score": 1},
        {"label": "Largement", "score": 2},
        {"label": "Complètement", "score": 3},
    ]


DIAGNOSTIC = {
    "slug": "maturite-test",
    "name": "Diagnostic de test",
    "description": "Deux questions par dimension.",
    "dimensions": [
        {
            "key": key,
            "name": name,
            "description": f"Dimension {name}.",
            "recommendations": [
                {
                    "below": 40,
                    "title": f"Poser les bases : {name}",
                    "text": "Commencez par un état des lieux.",
                    "links": [{"label": "Le catalogue", "url": "/catalogue/?theme=donnees"}],
                },
                {"below": 70, "title": f"Consolider : {name}", "text": "Structurez la démarche.", "links": []},
            ],
        }
        for key, name in _DIMENSIONS
    ],
    "questions": [
        {
            "key": f"{key}-{n}",
            "dimension": key,
            "text": f"Question {n} sur {name} ?",
            "help": "",
            "weight": n,
            "choices": _choices(),
        }
        for key, name in _DIMENSIONS
        for n in (1, 2)
    ],
}


def _yes_no(key, section, text):
    return {
        "key": key,
        "section": section,
        "text": text,
        "help": "",
        "kind": "yes_no",
        "choices": [{"key": "oui", "label": "Oui"}, {"key": "non", "label": "Non"}],
    }


def _choice(key, section, kind, text, keys):
    return {
        "key": key,
        "section": section,
        "text": text,
        "help": "",
        "kind": kind,
        "choices": [{"key": k, "label": k.replace("_", " ").capitalize()} for k in keys],
    }


# Same question and choice keys as journeys/content/cadrage_ethique.yaml (a subset), shorter texts, and the shipped
# rules table (journeys/content/cadrage_ethique_regles.yaml) with the guidance texts its rules show.
ETHICS_CHECK = {
    "questions": [
        _yes_no("dp_traitement", "donnees_personnelles", "Le projet utilise-t-il des données personnelles ?"),
        _choice(
            "dp_categories",
            "donnees_personnelles",
            "multiple_choice",
            "Quelles données ?",
            ["identite_contact", "sante", "infractions", "aucune"],
        ),
        _choice(
            "aipd_criteres",
            "aipd",
            "multiple_choice",
            "Quels critères ?",
            ["evaluation_notation", "decision_automatisee", "surveillance_systematique", "donnees_sensibles", "aucun"],
        ),
        _choice("aipd_liste_cnil", "aipd", "multiple_choice", "Liste CNIL ?", ["accompagnement_social", "aucun"]),
        _choice("aipd_realisee", "aipd", "single_choice", "AIPD réalisée ?", ["oui", "en_cours", "non"]),
        _yes_no("ia_utilisee", "ai_act", "Le projet utilise-t-il un système d’IA ?"),
        _choice(
            "ia_pratiques_interdites",
            "ai_act",
            "multiple_choice",
            "Pratiques interdites ?",
            ["notation_sociale", "aucune"],
        ),
        _choice(
            "ia_domaines_annexe_iii",
            "ai_act",
            "multiple_choice",
            "Domaines sensibles ?",
            ["prestations_sociales", "aucun"],
        ),
        _choice(
            "ia_transparence_art50",
            "ai_act",
            "multiple_choice",
            "Interaction avec le public ?",
            ["agent_conversationnel", "aucun"],
        ),
        _choice(
            "tr_decision_individuelle",
            "transparence",
            "single_choice",
            "Décisions individuelles ?",
            ["oui", "non", "ne_sait_pas"],
        ),
        _choice(
            "tr_effectif", "transparence", "single_choice", "Effectif ?", ["moins_50", "50_et_plus", "ne_sait_pas"]
        ),
        _choice(
            "ch_niveau_automatisation",
            "controle_humain",
            "single_choice",
            "Place de l’agent ?",
            ["sans_decision", "aide_decision", "validation_formelle", "automatique"],
        ),
        _yes_no("ch_contestation", "controle_humain", "Contestation possible ?"),
        _yes_no("env_mesure", "environnement", "Empreinte suivie ?"),
    ],
    "aipd_criteria": [
        {"key": "evaluation_notation", "label": "Évaluation ou notation"},
        {"key": "decision_automatisee", "label": "Décision automatisée"},
        {"key": "surveillance_systematique", "label": "Surveillance systématique"},
        {"key": "donnees_sensibles", "label": "Données sensibles"},
        {"key": "grande_echelle", "label": "Grande échelle"},
        {"key": "croisement_donnees", "label": "Croisement de données"},
        {"key": "personnes_vulnerables", "label": "Personnes vulnérables"},
        {"key": "usage_innovant", "label": "Usage innovant"},
        {"key": "exclusion_droit", "label": "Exclusion du bénéfice d’un droit"},
    ],
    "ai_act_levels": {
        "minimal": {"label": "Risque minimal", "guidance": "Pas d’obligation particulière."},
        "limited": {
            "label": "Risque limité",
            "guidance": "Informez les personnes qu’elles interagissent avec une IA.",
        },
        "high": {"label": "Haut risque", "guidance": "Obligations renforcées."},
        "prohibited": {"label": "Pratique interdite", "guidance": "Ce système ne peut pas être déployé."},
    },
    "guidance": shipped_ethics_check()["guidance"],
    "rules": ethics_rules(),
}
