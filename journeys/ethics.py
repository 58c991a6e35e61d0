"""Rules of the cadrage ethics & legal check: answers (keyed on the content's question/choice keys) → result.

Sources of the rules:
- AIPD: RGPD art. 35; EDPB guidelines WP248 rev.01 and CNIL: an AIPD is required in principle when a processing
  meets at least 2 of the 9 criteria, and always when it is on the CNIL list of processing requiring one
  (délibération n° 2018-327).
- AI Act (règlement (UE) 2024/1689): prohibited practices (art. 5), high-risk systems (art. 6 and annex III),
  transparency duties for limited risk (art. 50), minimal risk otherwise.
- CRPA art. L311-3-1 and R311-3-1-1/-2: an individual decision taken on the basis of algorithmic processing carries
  an explicit mention, and its rules are communicated on request. Art. L312-1-3: administrations publish the rules
  of the main algorithmic processing used for individual decisions, except those with fewer than 50 agents (ETP).
"""

from dataclasses import dataclass

YES = "oui"
NO = "non"
NONE_KEYS = {"aucun", "aucune"}
LEVEL_LABELS = {
    "none": "Pas de système d’intelligence artificielle",
    "minimal": "Risque minimal",
    "limited": "Risque limité",
    "high": "Haut risque",
    "prohibited": "Pratique interdite",
}
SENSITIVE_CATEGORIES = {"numero_securite_sociale", "sante", "autres_sensibles", "infractions"}
WEAK_OVERSIGHT = {"validation_formelle", "automatique"}
HEAVY_FOOTPRINT = {"ia_generative_hebergee", "entrainement_modele"}

# Used when the content module does not provide a text (keys of ETHICS_CHECK["guidance"]).
DEFAULT_GUIDANCE = {
    "dp_non": "Le projet ne traite pas de données personnelles d’après vos réponses : vérifiez-le à chaque évolution.",
    "dp_oui": "Définissez une finalité précise et limitez les données au strict nécessaire.",
    "aipd_non_applicable": "Sans données personnelles, aucune analyse d’impact (AIPD) n’est requise.",
    "aipd_obligatoire": "Le traitement figure sur la liste de la CNIL : une AIPD est obligatoire "
    "avant la mise en œuvre.",
    "aipd_requise": "Au moins deux des neuf critères sont remplis : une AIPD est en principe nécessaire.",
    "aipd_a_examiner": "Un seul critère est rempli : l’AIPD n’est pas exigée en principe, documentez ce choix.",
    "aipd_non_requise": "Aucun critère n’est rempli : une AIPD n’est pas requise.",
    "ai_act_non_concerne": "Le projet n’utilise pas de système d’IA : le règlement européen sur l’IA "
    "ne s’applique pas.",
    "transparence_mention": "Article L311-3-1 du CRPA : toute décision individuelle prise sur le fondement d’un "
    "traitement algorithmique comporte une mention explicite ; ses règles sont communiquées à la demande.",
    "transparence_publication": "Article L312-1-3 du CRPA : publiez en ligne les règles des principaux traitements "
    "algorithmiques fondant des décisions individuelles.",
    "transparence_publication_exemptee": "Article L312-1-3 du CRPA : avec moins de 50 agents, la collectivité est "
    "dispensée de la publication en ligne ; la mention explicite (L311-3-1) reste due.",
    "transparence_generale": "Le traitement ne fonde pas de décisions individuelles : informez tout de même "
    "les usagers.",
    "controle_humain_alerte": "Donnez aux agents le temps et la liberté de s’écarter du résultat du système.",
    "controle_humain_ok": "Un contrôle humain réel est prévu : documentez qui vérifie, quand et comment.",
    "environnement_sobriete": "Choisissez l’outil le plus simple qui répond au besoin et réutilisez l’existant.",
}


@dataclass(frozen=True)
class _Question:
    key: str
    kind: str
    choices: tuple[str, ...]


def _questions(content: dict) -> list[_Question]:
    questions = []
    for item in content.get("questions", []):
        kind = item.get("kind", "yes_no")
        choices = tuple(choice["key"] for choice in item.get("choices", [])) or ((YES, NO) if kind == "yes_no" else ())
        questions.append(_Question(key=item["key"], kind=kind, choices=choices))
    return questions


def clean_answers(content: dict, raw: dict) -> tuple[dict, list[str]]:
    """Keep only well-formed answers (known choice keys). Returns (answers, French error messages)."""
    answers: dict = {}
    errors = []
    labels = {item["key"]: item.get("text", item["key"]) for item in content.get("questions", [])}
    for question in _questions(content):
        value = raw.get(question.key)
        if value in (None, "", []):
            continue
        if question.kind == "multiple_choice":
            values = [value] if isinstance(value, str) else [item for item in value if item]
            if any(item not in question.choices for item in values):
                errors.append(f"Réponse non prévue à la question « {labels[question.key]} ».")
                continue
            answers[question.key] = values
        else:
            if not isinstance(value, str) or value not in question.choices:
                errors.append(f"Réponse non prévue à la question « {labels[question.key]} ».")
                continue
            answers[question.key] = value
    return answers, errors


def _one(answers: dict, key: str) -> str:
    value = answers.get(key)
    return value if isinstance(value, str) else ""


def _many(answers: dict, key: str) -> list[str]:
    value = answers.get(key)
    if value is None:
        return []
    values = [value] if isinstance(value, str) else list(value)
    return [item for item in values if item not in NONE_KEYS]


def evaluate(content: dict, answers: dict) -> dict:
    """Turn the ethics check answers (keys of journeys/content/cadrage_ethique.py) into the result (pure function)."""
    guidance = {**DEFAULT_GUIDANCE, **(content.get("guidance") or {})}

    def text(key: str) -> str:
        return guidance.get(key, "")

    alerts: list[str] = []

    # 1. Personal data (RGPD).
    categories = _many(answers, "dp_categories")
    personal = _one(answers, "dp_traitement") == YES or bool(categories)
    sensitive = bool(SENSITIVE_CATEGORIES.intersection(categories))
    data_notes = []
    if personal:
        data_notes.append(text("dp_oui"))
        if sensitive:
            data_notes.append(text("dp_donnees_sensibles"))
        if _one(answers, "dp_base_legale") == "ne_sait_pas":
            data_notes.append(text("dp_base_legale"))
        if _one(answers, "dp_hebergement") in {"prestataire_hors_ue", "ne_sait_pas"}:
            data_notes.append(text("dp_hebergement"))
        if _one(answers, "dp_dpo_consulte") == NO:
            data_notes.append(text("dp_dpo"))
        if _one(answers, "dp_registre") == NO:
            data_notes.append(text("dp_registre"))
    else:
        data_notes.append(text("dp_non"))

    # 2. AI Act level: prohibited practice > annex III (high) > article 50 (limited) > minimal.
    uses_ai = _one(answers, "ia_utilisee")
    if uses_ai == NO:
        level = "none"
    elif _many(answers, "ia_pratiques_interdites"):
        level = "prohibited"
    elif _many(answers, "ia_domaines_annexe_iii"):
        level = "high"
    elif _many(answers, "ia_transparence_art50"):
        level = "limited"
    elif uses_ai == YES:
        level = "minimal"
    else:
        level = ""
    level_data = (content.get("ai_act_levels") or {}).get(level, {})
    ai_notes = []
    if level == "none":
        ai_notes.append(text("ai_act_non_concerne"))
    elif level:
        ai_notes.append(text("ai_act_maitrise"))
        if level == "high":
            ai_notes.append(text("ai_act_fria"))
        if level in {"limited", "high"} and _many(answers, "ia_transparence_art50"):
            ai_notes.append(text("ai_act_art50"))
        if _one(answers, "ia_role") == "fournisseur":
            ai_notes.append(text("ai_act_fournisseur"))
        ai_notes.append(text("ai_act_calendrier"))
    if level == "prohibited":
        alerts.append(
            "Ce projet relève d’une pratique interdite par le règlement européen sur l’IA (article 5) : "
            "il ne peut pas être mis en œuvre en l’état."
        )

    # 3. AIPD: CNIL list → mandatory; ≥ 2 of the 9 criteria (or high-risk AI) → required in principle.
    criteria_labels = {item["key"]: item["label"] for item in content.get("aipd_criteria", [])}
    criteria = [key for key in _many(answers, "aipd_criteres") if key in criteria_labels]
    if sensitive and "donnees_sensibles" in criteria_labels and "donnees_sensibles" not in criteria:
        criteria.append("donnees_sensibles")  # the answers on categories already meet this criterion
    on_cnil_list = bool(_many(answers, "aipd_liste_cnil"))
    if not personal:
        status = "non_applicable"
    elif on_cnil_list:
        status = "obligatoire"
    elif len(criteria) >= 2 or level == "high":
        status = "requise"
    elif len(criteria) == 1:
        status = "a_examiner"
    else:
        status = "non_requise"
    aipd_needed = status in {"obligatoire", "requise"}
    aipd_notes = []
    if aipd_needed:
        done = _one(answers, "aipd_realisee") == YES
        aipd_notes.append(text("aipd_realisee" if done else "aipd_a_faire"))
        if not done:
            alerts.append("Une analyse d’impact (AIPD) est à mener avant la mise en œuvre.")

    # 4. Transparency (CRPA L311-3-1, L312-1-3) and openness.
    decision = _one(answers, "tr_decision_individuelle")
    automation = _one(answers, "ch_niveau_automatisation")
    transparency = []
    if decision in {YES, "ne_sait_pas"}:
        transparency.append({"article": "L311-3-1", "text": text("transparence_mention")})
        small = _one(answers, "tr_effectif") == "moins_50"
        key = "transparence_publication_exemptee" if small else "transparence_publication"
        transparency.append({"article": "L312-1-3", "text": text(key)})
        if automation == "automatique":
            transparency.append({"article": "L311-3-1", "text": text("transparence_decision_automatisee")})
    elif decision == NO:
        transparency.append({"article": "", "text": text("transparence_generale")})
    if _one(answers, "tr_inventaire") == NO:
        transparency.append({"article": "", "text": text("transparence_inventaire")})
    if _one(answers, "tr_population") == "3500_et_plus" and _one(answers, "tr_effectif") == "50_et_plus":
        transparency.append({"article": "L312-1-1", "text": text("open_data_obligation")})
    elif _one(answers, "tr_population"):
        transparency.append({"article": "", "text": text("open_data_bonne_pratique")})
    code_source = _one(answers, "tr_code_source")
    if code_source in {"interne", "libre"}:
        transparency.append({"article": "", "text": text("code_source")})
    elif code_source == "editeur":
        transparency.append({"article": "", "text": text("code_source_editeur")})

    # 5. Human oversight.
    oversight_notes = []
    weak = automation in WEAK_OVERSIGHT
    if weak:
        oversight_notes.append(text("controle_humain_alerte"))
    for key, note in (
        ("ch_contestation", "controle_humain_contestation"),
        ("ch_formation", "controle_humain_formation"),
        ("ch_canal_humain", "controle_humain_canal"),
        ("ch_suivi_qualite", "controle_humain_suivi"),
    ):
        if _one(answers, key) == NO:
            oversight_notes.append(text(note))
    sufficient = bool(automation) and not oversight_notes
    if sufficient:
        oversight_notes.append(text("controle_humain_ok"))
    if level == "high" and weak:
        alerts.append("Un système d’IA à haut risque exige un contrôle humain effectif (AI Act, article 14).")

    # 6. Environmental footprint.
    environment_notes = []
    if _one(answers, "env_type_traitement") in HEAVY_FOOTPRINT or _one(answers, "env_volume") == "massif":
        environment_notes.append(text("environnement_ia_lourde"))
    if _one(answers, "env_alternative_simple") == NO:
        environment_notes.append(text("environnement_alternative"))
    if _one(answers, "env_reutilisation") == NO:
        environment_notes.append(text("environnement_reutilisation"))
    if _one(answers, "env_mesure") == NO:
        environment_notes.append(text("environnement_mesure"))
    environment_notes.append(text("environnement_sobriete"))

    return {
        "personal_data": personal,
        "personal_data_notes": [note for note in data_notes if note],
        "aipd": {
            "needed": aipd_needed,
            "status": status,
            "criteria": [criteria_labels[key] for key in criteria],
            "on_cnil_list": on_cnil_list,
            "text": text(f"aipd_{status}"),
            "notes": [note for note in aipd_notes if note],
        },
        "ai_act": {
            "level": level,
            "label": level_data.get("label") or LEVEL_LABELS.get(level, "Non déterminé"),
            "guidance": level_data.get("guidance", "")
            if level and level != "none"
            else ("" if level else "Répondez aux questions sur l’IA pour connaître le niveau de risque."),
            "notes": [note for note in ai_notes if note],
        },
        "transparency": [item for item in transparency if item["text"]],
        "human_oversight": {"sufficient": sufficient, "notes": [note for note in oversight_notes if note]},
        "environment": {"notes": [note for note in environment_notes if note]},
        "alerts": alerts,
    }


def is_complete(content: dict, answers: dict) -> bool:
    """Every yes/no and single-choice question has an answer (a multiple choice may rightly be left empty)."""
    return all(q.key in answers for q in _questions(content) if q.kind != "multiple_choice")
