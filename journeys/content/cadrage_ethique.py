"""Ethics and legal check « Cadrage éthique et juridique » (content only, loaded by the journeys app).

`ETHICS_CHECK` holds the questions, the 9 DPIA criteria, the AI Act levels and the guidance texts. The rules that
decide which text is shown live in one table, cadrage_ethique_regles.yaml beside this module (evaluated by
journeys/ethics.py, one test case per rule in tests/journeys/test_ethics_rules.py): each rule names the key of the
guidance text it shows. Every value of `guidance` is a French text; every AI Act level is {"label", "guidance"}.
The texts are French, plain, cite their articles, and never replace the opinion of the DPO.
"""

from common import ai_act

YES_NO = [{"key": "oui", "label": "Oui"}, {"key": "non", "label": "Non"}]

AIPD_CRITERIA = [
    {
        "key": "evaluation_notation",
        "label": (
            "Évaluation ou notation de personnes, y compris le profilage et la prédiction (par exemple, classer "
            "des demandes selon un score)"
        ),
    },
    {
        "key": "decision_automatisee",
        "label": (
            "Décision automatisée produisant des effets juridiques ou des effets importants sur les personnes "
            "(attribution ou refus d’une aide)"
        ),
    },
    {
        "key": "surveillance_systematique",
        "label": (
            "Surveillance systématique de personnes, notamment dans l’espace public (caméras, capteurs, suivi "
            "d’activité)"
        ),
    },
    {
        "key": "donnees_sensibles",
        "label": (
            "Données sensibles ou à caractère hautement personnel (santé, opinions, infractions, situation "
            "sociale, numéro de sécurité sociale)"
        ),
    },
    {
        "key": "grande_echelle",
        "label": (
            "Données traitées à grande échelle (nombre de personnes, volume, durée ou étendue géographique importants)"
        ),
    },
    {
        "key": "croisement_donnees",
        "label": "Croisement ou combinaison de fichiers créés pour des finalités différentes",
    },
    {
        "key": "personnes_vulnerables",
        "label": (
            "Personnes vulnérables : enfants, personnes âgées, malades, personnes en difficulté sociale, mais "
            "aussi agents vis-à-vis de leur employeur"
        ),
    },
    {
        "key": "usage_innovant",
        "label": "Usage innovant ou nouvelle solution technologique, comme l’intelligence artificielle",
    },
    {
        "key": "exclusion_droit",
        "label": (
            "Traitement pouvant empêcher une personne d’exercer un droit ou de bénéficier d’un service ou d’un contrat"
        ),
    },
]

ETHICS_CHECK = {
    "questions": [
        # --- Données personnelles --------------------------------------------------------------------
        {
            "key": "dp_traitement",
            "section": "donnees_personnelles",
            "text": "Le projet utilise-t-il des données personnelles ?",
            "help": (
                "Une donnée personnelle permet d’identifier une personne, directement (nom, photo) ou "
                "indirectement (adresse, numéro de dossier, plaque d’immatriculation, voix). Des données "
                "pseudonymisées restent personnelles ; seules des données réellement anonymisées ne le sont plus."
            ),
            "kind": "yes_no",
            "choices": YES_NO,
        },
        {
            "key": "dp_categories",
            "section": "donnees_personnelles",
            "text": "Quelles catégories de données seront utilisées ?",
            "help": "Cochez toutes les catégories concernées, y compris celles qui ne servent qu’indirectement.",
            "kind": "multiple_choice",
            "choices": [
                {"key": "identite_contact", "label": "Identité et coordonnées"},
                {
                    "key": "situation_familiale_economique",
                    "label": ("Situation familiale, ressources, situation sociale"),
                },
                {"key": "numero_securite_sociale", "label": "Numéro de sécurité sociale (NIR)"},
                {"key": "sante", "label": "Données de santé, y compris le handicap"},
                {
                    "key": "autres_sensibles",
                    "label": (
                        "Origine, opinions politiques, convictions religieuses, appartenance syndicale, "
                        "orientation sexuelle, données biométriques ou génétiques"
                    ),
                },
                {"key": "infractions", "label": "Infractions, condamnations, mesures de sûreté"},
                {"key": "localisation", "label": "Données de localisation (géolocalisation, déplacements)"},
                {"key": "images_voix", "label": "Images, vidéos ou enregistrements de voix"},
                {"key": "donnees_enfants", "label": "Données concernant des enfants"},
                {"key": "aucune", "label": "Aucune de ces catégories"},
            ],
        },
        {
            "key": "dp_base_legale",
            "section": "donnees_personnelles",
            "text": "Sur quelle base légale le traitement repose-t-il ?",
            "help": (
                "Pour une collectivité, il s’agit le plus souvent de l’exécution d’une mission d’intérêt public "
                "ou du respect d’une obligation légale. Le consentement convient rarement, car l’usager n’est "
                "pas vraiment libre de refuser face à une administration."
            ),
            "kind": "single_choice",
            "choices": [
                {"key": "mission_interet_public", "label": "Mission d’intérêt public"},
                {"key": "obligation_legale", "label": "Obligation légale"},
                {"key": "contrat", "label": "Exécution d’un contrat avec la personne"},
                {"key": "consentement", "label": "Consentement de la personne"},
                {"key": "ne_sait_pas", "label": "Je ne sais pas"},
            ],
        },
        {
            "key": "dp_hebergement",
            "section": "donnees_personnelles",
            "text": "Où les données seront-elles hébergées et traitées ?",
            "help": (
                "Pensez aussi aux services d’IA en ligne : les textes ou documents qu’on leur soumet sont "
                "traités sur les serveurs du fournisseur."
            ),
            "kind": "single_choice",
            "choices": [
                {"key": "interne", "label": "Sur nos propres serveurs ou ceux d’un opérateur public"},
                {"key": "prestataire_ue", "label": "Chez un prestataire, dans l’Union européenne"},
                {
                    "key": "prestataire_hors_ue",
                    "label": ("Chez un prestataire, hors de l’Union européenne ou sans garantie"),
                },
                {"key": "ne_sait_pas", "label": "Je ne sais pas"},
            ],
        },
        {
            "key": "dp_dpo_consulte",
            "section": "donnees_personnelles",
            "text": "Le délégué à la protection des données (DPO) a-t-il été consulté ?",
            "help": (
                "Toute collectivité doit avoir un DPO, éventuellement mutualisé (centre de gestion, "
                "intercommunalité, syndicat)."
            ),
            "kind": "yes_no",
            "choices": YES_NO,
        },
        {
            "key": "dp_registre",
            "section": "donnees_personnelles",
            "text": "Le traitement est-il inscrit, ou sera-t-il inscrit, au registre des traitements ?",
            "help": (
                "Le registre décrit chaque traitement : finalité, données, destinataires, durée de conservation, "
                "sécurité."
            ),
            "kind": "yes_no",
            "choices": YES_NO,
        },
        # --- Analyse d’impact (AIPD) -----------------------------------------------------------------
        {
            "key": "aipd_criteres",
            "section": "aipd",
            "text": "Parmi ces critères, lesquels correspondent au projet ?",
            "help": (
                "Ce sont les neuf critères retenus par les autorités européennes de protection des données. "
                "Selon la CNIL, une analyse d’impact (AIPD, article 35 du RGPD) est en principe nécessaire dès "
                "que deux critères sont remplis."
            ),
            "kind": "multiple_choice",
            "choices": [*AIPD_CRITERIA, {"key": "aucun", "label": "Aucun de ces critères"}],
        },
        {
            "key": "aipd_liste_cnil",
            "section": "aipd",
            "text": "Le projet correspond-il à l’un des types de traitements pour lesquels la CNIL exige une AIPD ?",
            "help": (
                "La CNIL a publié une liste de quatorze types de traitements pour lesquels l’analyse d’impact est "
                "toujours obligatoire (délibération n° 2018-327 du 11 octobre 2018). Les plus fréquents en "
                "collectivité sont l’accompagnement social, le logement social et la surveillance des agents."
            ),
            "kind": "multiple_choice",
            "choices": [
                {"key": "accompagnement_social", "label": "Accompagnement social ou médico-social des personnes"},
                {"key": "logement_social", "label": "Instruction des demandes et gestion des logements sociaux"},
                {
                    "key": "sante_prise_en_charge",
                    "label": (
                        "Données de santé traitées par un établissement de santé ou médico-social pour la prise en "
                        "charge des personnes"
                    ),
                },
                {"key": "entrepot_sante", "label": "Entrepôt de données de santé ou registre"},
                {"key": "genetique_vulnerables", "label": "Données génétiques de personnes vulnérables"},
                {
                    "key": "biometrie_vulnerables",
                    "label": ("Biométrie pour reconnaître des personnes, parmi lesquelles des personnes vulnérables"),
                },
                {"key": "profilage_rh", "label": "Profilage des agents pour la gestion des ressources humaines"},
                {"key": "surveillance_agents", "label": "Surveillance constante de l’activité des agents"},
                {
                    "key": "alertes_sociales_sanitaires",
                    "label": ("Gestion des alertes et signalements en matière sociale et sanitaire"),
                },
                {"key": "alertes_professionnelles", "label": "Gestion des alertes et signalements professionnels"},
                {
                    "key": "profilage_exclusion_contrat",
                    "label": (
                        "Profilage pouvant conduire à exclure une personne d’un contrat, ou à le suspendre ou le "
                        "rompre"
                    ),
                },
                {
                    "key": "manquements_mutualises",
                    "label": ("Fichier mutualisé de manquements contractuels pouvant conduire à une exclusion"),
                },
                {
                    "key": "profilage_sources_externes",
                    "label": ("Profilage à partir de données provenant de sources externes"),
                },
                {"key": "localisation_grande_echelle", "label": "Données de localisation à grande échelle"},
                {"key": "aucun", "label": "Aucun de ces types"},
            ],
        },
        {
            "key": "aipd_realisee",
            "section": "aipd",
            "text": "Une analyse d’impact a-t-elle déjà été réalisée pour ce traitement ?",
            "help": "La CNIL met à disposition un logiciel libre et gratuit pour conduire une AIPD (outil PIA).",
            "kind": "single_choice",
            "choices": [
                {"key": "oui", "label": "Oui"},
                {"key": "en_cours", "label": "Elle est en cours"},
                {"key": "non", "label": "Non"},
            ],
        },
        # --- Règlement européen sur l’IA -------------------------------------------------------------
        {
            "key": "ia_utilisee",
            "section": "ai_act",
            "text": "Le projet utilise-t-il un système d’intelligence artificielle ?",
            "help": (
                "Un système d’IA produit des prédictions, des contenus, des recommandations ou des décisions à "
                "partir des données qu’il reçoit, avec une part d’autonomie : apprentissage automatique, IA "
                "générative, reconnaissance d’images ou de la parole. Un simple calcul selon des règles fixées "
                "à l’avance (barème dans un tableur) n’en est pas un, mais reste un traitement algorithmique."
            ),
            "kind": "yes_no",
            "choices": YES_NO,
        },
        {
            "key": "ia_role",
            "section": "ai_act",
            "text": "Quel est le rôle de la collectivité vis-à-vis de ce système d’IA ?",
            "help": (
                "Le « déployeur » utilise sous sa responsabilité un système fourni par d’autres. Le "
                "« fournisseur » développe le système, ou le fait développer, et le met en service sous son "
                "propre nom : ses obligations sont bien plus lourdes."
            ),
            "kind": "single_choice",
            "choices": [
                {"key": "deployeur", "label": "Nous utilisons un système acheté ou mis à disposition (déployeur)"},
                {
                    "key": "fournisseur",
                    "label": (
                        "Nous développons ou faisons développer le système et le mettons en service sous notre nom "
                        "(fournisseur)"
                    ),
                },
                {"key": "ne_sait_pas", "label": "Je ne sais pas"},
            ],
        },
        {
            "key": "ia_pratiques_interdites",
            "section": "ai_act",
            "text": "Le système pourrait-il servir à l’une de ces pratiques ?",
            "help": (
                "Ces pratiques sont interdites dans l’Union européenne depuis le 2 février 2025 (article 5 du "
                "règlement sur l’IA). Cochez au moindre doute : le résultat vous invitera à vérifier."
            ),
            "kind": "multiple_choice",
            "choices": [
                {
                    "key": "notation_sociale",
                    "label": (
                        "Noter ou classer des personnes d’après leur comportement social ou leur personnalité, avec "
                        "un traitement défavorable à la clé (notation sociale)"
                    ),
                },
                {
                    "key": "manipulation",
                    "label": (
                        "Influencer le comportement des personnes à leur insu ou en exploitant leur vulnérabilité "
                        "(âge, handicap, situation sociale ou économique)"
                    ),
                },
                {
                    "key": "emotions_travail_ecole",
                    "label": (
                        "Reconnaître les émotions des agents au travail ou des élèves à l’école (hors raisons "
                        "médicales ou de sécurité)"
                    ),
                },
                {
                    "key": "moissonnage_visages",
                    "label": (
                        "Constituer une base de reconnaissance faciale en collectant sans cible des images sur "
                        "internet ou de vidéosurveillance"
                    ),
                },
                {
                    "key": "categorisation_biometrique",
                    "label": (
                        "Déduire d’éléments biométriques l’origine, les opinions, les convictions religieuses, "
                        "l’appartenance syndicale ou l’orientation sexuelle"
                    ),
                },
                {
                    "key": "identification_temps_reel",
                    "label": (
                        "Identifier des personnes à distance et en temps réel par biométrie dans l’espace public à "
                        "des fins répressives"
                    ),
                },
                {
                    "key": "prediction_infractions",
                    "label": (
                        "Prédire qu’une personne commettra une infraction sur la seule base de son profil ou de sa "
                        "personnalité"
                    ),
                },
                {"key": "aucune", "label": "Aucune de ces pratiques"},
            ],
        },
        {
            "key": "ia_domaines_annexe_iii",
            "section": "ai_act",
            "text": "Le système est-il utilisé dans l’un de ces domaines ?",
            "help": (
                "Ces usages sont classés « à haut risque » par l’annexe III du règlement sur l’IA (article 6) : "
                "ils font l’objet d’obligations renforcées. Une exception existe pour les tâches purement "
                "préparatoires ou procédurales, mais elle doit être analysée et documentée au cas par cas."
            ),
            "kind": "multiple_choice",
            "choices": [
                {
                    "key": "prestations_sociales",
                    "label": (
                        "Évaluer le droit d’une personne à une aide ou à un service public essentiel, l’accorder, le "
                        "réduire, le retirer ou le récupérer (annexe III, point 5 a)"
                    ),
                },
                {
                    "key": "appels_urgence",
                    "label": (
                        "Évaluer et classer les appels d’urgence, ou répartir les moyens de secours (annexe III, "
                        "point 5 d)"
                    ),
                },
                {
                    "key": "education",
                    "label": (
                        "Décider de l’admission ou de l’affectation d’élèves, évaluer leurs acquis ou surveiller les "
                        "examens (annexe III, point 3)"
                    ),
                },
                {
                    "key": "emploi_agents",
                    "label": (
                        "Recruter, évaluer, promouvoir ou affecter des agents, ou surveiller leur travail (annexe "
                        "III, point 4)"
                    ),
                },
                {
                    "key": "infrastructures_critiques",
                    "label": (
                        "Composant de sécurité de la circulation routière ou de la distribution d’eau, de gaz, de "
                        "chauffage ou d’électricité (annexe III, point 2)"
                    ),
                },
                {
                    "key": "biometrie",
                    "label": (
                        "Identification biométrique à distance, catégorisation biométrique selon des caractéristiques "
                        "sensibles ou reconnaissance des émotions, hors pratiques interdites (annexe III, point 1)"
                    ),
                },
                {
                    "key": "autre_annexe_iii",
                    "label": ("Un autre domaine de l’annexe III : forces de l’ordre, migrations, justice, élections"),
                },
                {"key": "aucun", "label": "Aucun de ces domaines"},
            ],
        },
        {
            "key": "ia_transparence_art50",
            "section": "ai_act",
            "text": "Le système est-il dans l’une de ces situations ?",
            "help": (
                "Ces situations entraînent des obligations de transparence (article 50 du règlement sur l’IA) : "
                "les personnes doivent savoir qu’elles ont affaire à une IA ou à un contenu généré par une IA. La "
                "reconnaissance des émotions et la catégorisation biométrique sont en outre des usages à haut risque "
                "(annexe III, point 1), et la reconnaissance des émotions est interdite au travail et à l’école "
                "(article 5)."
            ),
            "kind": "multiple_choice",
            "choices": [
                {
                    "key": "agent_conversationnel",
                    "label": ("Il dialogue directement avec le public (agent conversationnel, robot vocal)"),
                },
                {"key": "contenu_genere", "label": "Il génère des textes, images, sons ou vidéos"},
                {
                    "key": "hypertrucage",
                    "label": (
                        "Il produit des images, sons ou vidéos réalistes de personnes ou de lieux (hypertrucage)"
                    ),
                },
                {
                    "key": "texte_information_public",
                    "label": (
                        "Il rédige des textes publiés pour informer le public, sans relecture éditoriale humaine"
                    ),
                },
                {
                    "key": "emotions_categorisation",
                    "label": "Il reconnaît les émotions des personnes (expression du visage, voix, gestes)",
                },
                {
                    "key": "categorisation_biometrique",
                    "label": (
                        "Il classe des personnes d’après leurs données biométriques (par exemple selon l’âge ou le "
                        "sexe déduits d’une image)"
                    ),
                },
                {"key": "aucun", "label": "Aucune de ces situations"},
            ],
        },
        # --- Transparence des algorithmes publics ----------------------------------------------------
        {
            "key": "tr_decision_individuelle",
            "section": "transparence",
            "text": "Le traitement contribue-t-il à des décisions individuelles ?",
            "help": (
                "Par exemple : attribution d’une aide, d’une place en crèche ou d’un logement, calcul d’un "
                "tarif, affectation d’un élève, priorisation de dossiers. Les obligations s’appliquent dès que "
                "l’algorithme contribue à la décision, même si un agent la signe."
            ),
            "kind": "single_choice",
            "choices": [
                {"key": "oui", "label": "Oui"},
                {"key": "non", "label": "Non"},
                {"key": "ne_sait_pas", "label": "Je ne sais pas"},
            ],
        },
        {
            "key": "tr_effectif",
            "section": "transparence",
            "text": "Combien d’agents la collectivité emploie-t-elle, en équivalents temps plein (ETP) ?",
            "help": (
                "Comptez les agents, titulaires et contractuels, en équivalents temps plein : le seuil de 50 ETP "
                "compte pour la publication des règles des algorithmes et pour l’ouverture des données."
            ),
            "kind": "single_choice",
            "choices": [
                {"key": "moins_50", "label": "Moins de 50 agents en ETP"},
                {"key": "50_et_plus", "label": "50 agents ou plus en ETP"},
                {"key": "ne_sait_pas", "label": "Je ne sais pas"},
            ],
        },
        {
            "key": "tr_population",
            "section": "transparence",
            "text": "Combien d’habitants compte le territoire de la collectivité ?",
            "help": (
                "L’ouverture des données par défaut s’impose aux collectivités qui atteignent à la fois 3 500 "
                "habitants et 50 agents en ETP."
            ),
            "kind": "single_choice",
            "choices": [
                {"key": "moins_3500", "label": "Moins de 3 500 habitants"},
                {"key": "3500_et_plus", "label": "3 500 habitants ou plus"},
            ],
        },
        {
            "key": "tr_inventaire",
            "section": "transparence",
            "text": "La collectivité tient-elle un inventaire de ses principaux traitements algorithmiques ?",
            "help": (
                "Un inventaire recense, pour chaque algorithme, sa finalité, les données utilisées, son degré "
                "d’automatisation et sa base légale."
            ),
            "kind": "yes_no",
            "choices": YES_NO,
        },
        {
            "key": "tr_code_source",
            "section": "transparence",
            "text": "Qui détient le code source du traitement ?",
            "help": "Le code source est le texte du programme ; pour un tableur, ce sont ses formules.",
            "kind": "single_choice",
            "choices": [
                {"key": "interne", "label": "La collectivité, qui l’a développé ou fait développer"},
                {"key": "libre", "label": "Il s’agit d’un logiciel libre"},
                {"key": "editeur", "label": "Un éditeur, sous licence propriétaire"},
                {"key": "ne_sait_pas", "label": "Je ne sais pas"},
            ],
        },
        # --- Contrôle humain -------------------------------------------------------------------------
        {
            "key": "ch_niveau_automatisation",
            "section": "controle_humain",
            "text": "Quelle est la place de l’agent face aux résultats du système ?",
            "help": (
                "Un contrôle humain n’est réel que si l’agent a le temps, les informations et la liberté de "
                "s’écarter du résultat proposé. Valider en série des propositions sans les examiner ne suffit pas."
            ),
            "kind": "single_choice",
            "choices": [
                {
                    "key": "sans_decision",
                    "label": ("Aucune décision ne concerne des personnes (statistiques, analyse globale)"),
                },
                {"key": "aide_decision", "label": "Le système propose, un agent examine chaque cas et décide"},
                {
                    "key": "validation_formelle",
                    "label": ("Un agent valide les résultats sans examiner chaque cas en détail"),
                },
                {"key": "automatique", "label": "Le système décide seul"},
            ],
        },
        {
            "key": "ch_contestation",
            "section": "controle_humain",
            "text": (
                "Une personne concernée peut-elle contester facilement le résultat et obtenir un réexamen par un "
                "agent ?"
            ),
            "help": "La voie de recours doit être indiquée clairement et accessible sans outil numérique.",
            "kind": "yes_no",
            "choices": YES_NO,
        },
        {
            "key": "ch_formation",
            "section": "controle_humain",
            "text": "Les agents qui utilisent le système connaissent-ils ses limites ?",
            "help": "Erreurs possibles, biais, situations que l’outil traite mal, réflexe de vérification.",
            "kind": "yes_no",
            "choices": YES_NO,
        },
        {
            "key": "ch_canal_humain",
            "section": "controle_humain",
            "text": "Les usagers peuvent-ils toujours s’adresser à un agent plutôt qu’à l’outil ?",
            "help": "Accueil, téléphone ou rendez-vous, en particulier pour les personnes éloignées du numérique.",
            "kind": "yes_no",
            "choices": YES_NO,
        },
        {
            "key": "ch_suivi_qualite",
            "section": "controle_humain",
            "text": "Des contrôles réguliers de la qualité des résultats sont-ils prévus ?",
            "help": "Taux d’erreur, écarts entre catégories de personnes, dégradation des résultats dans le temps.",
            "kind": "yes_no",
            "choices": YES_NO,
        },
        # --- Empreinte environnementale --------------------------------------------------------------
        {
            "key": "env_type_traitement",
            "section": "environnement",
            "text": "Quel type de traitement le projet met-il en œuvre ?",
            "help": (
                "Plus un modèle est grand, plus il consomme d’énergie et de matériel, à l’entraînement comme à "
                "l’usage."
            ),
            "kind": "single_choice",
            "choices": [
                {"key": "sans_ia", "label": "Un traitement sans IA (règles de calcul, tableau de bord)"},
                {"key": "ia_specialisee", "label": "Un modèle d’IA spécialisé et de taille modeste"},
                {"key": "ia_generative_service", "label": "Une IA générative utilisée via un service en ligne"},
                {
                    "key": "ia_generative_hebergee",
                    "label": ("Une IA générative hébergée par nos soins ou par un prestataire dédié"),
                },
                {"key": "entrainement_modele", "label": "L’entraînement d’un nouveau modèle d’IA"},
            ],
        },
        {
            "key": "env_volume",
            "section": "environnement",
            "text": "À quelle fréquence le système sera-t-il utilisé ?",
            "help": "Le nombre de requêtes pèse autant que la taille du modèle dans l’empreinte totale.",
            "kind": "single_choice",
            "choices": [
                {"key": "ponctuel", "label": "Ponctuellement (quelques fois par mois)"},
                {"key": "regulier", "label": "Régulièrement, par quelques agents"},
                {"key": "massif", "label": "En continu ou par un large public"},
            ],
        },
        {
            "key": "env_alternative_simple",
            "section": "environnement",
            "text": "Une solution plus simple, sans IA, a-t-elle été envisagée ?",
            "help": "Une règle de calcul, un formulaire mieux conçu ou un tableau de bord suffisent parfois.",
            "kind": "yes_no",
            "choices": YES_NO,
        },
        {
            "key": "env_reutilisation",
            "section": "environnement",
            "text": "Le projet réutilise-t-il un outil ou un modèle existant plutôt que d’en créer un nouveau ?",
            "help": (
                "Réutiliser un commun numérique ou un modèle déjà entraîné évite de refaire un travail coûteux "
                "en énergie."
            ),
            "kind": "yes_no",
            "choices": YES_NO,
        },
        {
            "key": "env_mesure",
            "section": "environnement",
            "text": "L’empreinte environnementale du service sera-t-elle estimée et suivie ?",
            "help": "Énergie consommée, matériel nécessaire et sa durée de vie, volume de données stockées.",
            "kind": "yes_no",
            "choices": YES_NO,
        },
    ],
    "aipd_criteria": AIPD_CRITERIA,
    "ai_act_levels": {
        "minimal": {
            "label": "Risque minimal",
            "guidance": (
                "Le règlement européen sur l’IA n’impose pas d’obligation particulière pour ce type d’usage, "
                f"hormis la maîtrise de l’IA : {ai_act.literacy_short()}. Les règles du RGPD et du code des "
                "relations entre le public et l’administration continuent de s’appliquer. Vous pouvez adopter "
                "volontairement de bonnes pratiques : information des usagers, contrôle de la qualité, sobriété."
            ),
        },
        "limited": {
            "label": "Risque limité : obligations de transparence",
            "guidance": (
                "L’article 50 du règlement sur l’IA s’applique depuis le 2 août 2026. Les usagers doivent "
                "savoir qu’ils échangent avec une IA (agent conversationnel, robot vocal), sauf si c’est "
                "évident ; les contenus réalistes générés ou modifiés par une IA (hypertrucages) doivent être "
                "signalés, tout comme les textes d’information du public rédigés par une IA sans relecture "
                "éditoriale humaine. Prévoyez dès maintenant ces mentions dans l’outil et sur vos supports."
            ),
        },
        "high": {
            "label": "Haut risque",
            "guidance": (
                "L’usage relève de l’annexe III du règlement sur l’IA (article 6). Le fournisseur doit garantir "
                "la conformité du système (gestion des risques, qualité des données, documentation, marquage "
                "CE) ; la collectivité, en tant que déployeur, doit l’utiliser conformément à sa notice, confier "
                "le contrôle humain à des agents compétents, surveiller son fonctionnement, conserver les "
                "journaux, informer les personnes concernées et, en tant qu’autorité publique, s’enregistrer et "
                "enregistrer son utilisation dans la base de données de l’Union européenne (article 49, paragraphe "
                "3), sauf pour les infrastructures critiques de l’annexe III, point 2. "
                + ai_act.high_risk_dates()
                + " Si le "
                "système n’accomplit qu’une tâche préparatoire ou procédurale limitée, une exception est "
                "possible (article 6, paragraphe 3) : elle doit être analysée et documentée, et elle ne "
                "s’applique jamais au profilage de personnes."
            ),
        },
        "prohibited": {
            "label": "Pratique interdite",
            "guidance": (
                "Au moins une réponse correspond à une pratique interdite par l’article 5 du règlement sur l’IA "
                "depuis le 2 février 2025. Ne déployez pas le système en l’état : vérifiez avec votre DPO et "
                "votre service juridique si la pratique est réellement visée, et revoyez le projet pour "
                "l’écarter. Les sanctions prévues pour ces pratiques sont les plus lourdes du règlement."
            ),
        },
    },
    "guidance": {
        # --- Alertes ---
        "alerte_pratique_interdite": (
            "Ce projet relève d’une pratique interdite par le règlement européen sur l’IA (article 5) : il ne "
            "peut pas être mis en œuvre en l’état."
        ),
        "alerte_aipd": "Une analyse d’impact (AIPD) est à mener avant la mise en œuvre.",
        "alerte_consentement": (
            "Le consentement est rarement une base légale valable pour une collectivité : face à une "
            "administration, la personne n’est en général pas libre de refuser (RGPD, considérant 43). Choisissez "
            "la base légale avec le DPO avant la mise en œuvre."
        ),
        "alerte_decision_automatisee": (
            "Une décision individuelle prise sans intervention humaine n’est permise qu’à des conditions strictes "
            "(article 22 du RGPD, article 47 de la loi Informatique et libertés) : vérifiez-les avec le DPO avant "
            "toute mise en service."
        ),
        "alerte_controle_humain": (
            "Un système d’IA à haut risque doit être placé sous le contrôle effectif d’agents compétents, formés et "
            "dotés de l’autorité nécessaire (règlement sur l’IA, article 26, paragraphe 2 ; le fournisseur conçoit "
            "le système pour permettre ce contrôle, article 14). Une validation sans examen réel ne suffit pas."
        ),
        # --- Données personnelles ---
        "dp_non": (
            "Le RGPD ne s’applique pas si aucune donnée ne permet d’identifier une personne, même "
            "indirectement. Vérifiez-le avec soin : une adresse, un numéro de dossier ou des données "
            "croisées suffisent souvent à identifier quelqu’un."
        ),
        "dp_oui": (
            "Définissez une finalité précise, limitez les données au strict nécessaire, fixez une durée de "
            "conservation, informez les personnes de leurs droits et sécurisez l’accès. Le traitement doit "
            "figurer au registre de la collectivité."
        ),
        "dp_donnees_sensibles": (
            "Les données de santé, les opinions, les infractions ou le numéro de sécurité sociale font "
            "l’objet de règles particulières (articles 9 et 10 du RGPD, encadrement spécifique du NIR). "
            "Leur usage doit être expressément permis par un texte ou une exception prévue par le RGPD : "
            "vérifiez-le avec le DPO avant d’aller plus loin."
        ),
        "dp_base_legale": (
            "Pour une collectivité, la base légale est le plus souvent la mission d’intérêt public ou une "
            "obligation légale. Le consentement n’est valable que si la personne peut réellement refuser "
            "sans conséquence, ce qui est rare face à une administration. Faites valider ce point par le DPO."
        ),
        "dp_base_legale_consentement": (
            "Le consentement n’est valable que s’il est libre : il ne peut pas fonder un traitement lorsque la "
            "personne se trouve en position de déséquilibre face au responsable, en particulier une autorité "
            "publique (RGPD, considérant 43). Pour une collectivité, la base légale est le plus souvent l’exécution "
            "d’une mission d’intérêt public ou une obligation légale (article 6, paragraphe 1, points e et c). Le "
            "consentement ne reste envisageable que pour un service réellement facultatif, que la personne peut "
            "refuser ou abandonner sans aucune conséquence."
        ),
        "dp_hebergement": (
            "Un transfert de données personnelles hors de l’Union européenne doit être encadré par des "
            "garanties prévues par le RGPD. Identifiez où les données sont stockées et traitées, y compris "
            "par les services d’IA en ligne, et préférez un hébergement dans l’Union européenne."
        ),
        "dp_dpo": (
            "Le délégué à la protection des données doit être associé dès la conception du projet. Si vous "
            "ne savez pas qui il est, le centre de gestion, l’intercommunalité ou le syndicat informatique "
            "peuvent vous renseigner : la désignation d’un DPO est obligatoire pour toute collectivité."
        ),
        "dp_registre": (
            "Chaque traitement de données personnelles doit être décrit dans le registre de la collectivité "
            "(finalité, données, destinataires, durée de conservation, mesures de sécurité), avant sa mise "
            "en œuvre."
        ),
        # --- AIPD ---
        "aipd_non_applicable": (
            "Sans données personnelles, aucune analyse d’impact relative à la protection des données n’est requise."
        ),
        "aipd_obligatoire": (
            "Le traitement figure sur la liste de la CNIL des types de traitements pour lesquels une analyse "
            "d’impact relative à la protection des données (AIPD, article 35 du RGPD) est obligatoire. Elle "
            "doit être menée avant la mise en œuvre, avec le DPO."
        ),
        "aipd_requise": (
            "Le projet remplit au moins deux des neuf critères européens, ou utilise une IA à haut risque : "
            "une analyse d’impact (AIPD, article 35 du RGPD) est en principe nécessaire avant la mise en "
            "œuvre. Elle décrit le traitement, évalue sa nécessité et les risques pour les personnes, et "
            "fixe les mesures pour les réduire."
        ),
        "aipd_a_examiner": (
            "Un seul critère est rempli : l’AIPD n’est pas exigée en principe, mais le risque doit être "
            "apprécié au cas par cas avec le DPO. Gardez une trace écrite de cette appréciation."
        ),
        "aipd_non_requise": (
            "Aucun critère n’est rempli : une AIPD n’est pas requise. Réexaminez ce point si le projet "
            "évolue (nouvelles données, nouveaux usages, plus grand nombre de personnes)."
        ),
        "aipd_a_faire": (
            "Prévoyez l’AIPD dans le calendrier du projet, avant toute mise en service. La CNIL propose un "
            "logiciel libre et gratuit (outil PIA) et des guides pour la conduire."
        ),
        "aipd_realisee": (
            "Joignez l’analyse d’impact au dossier du projet et mettez-la à jour si le traitement évolue."
        ),
        # --- AI Act ---
        "ai_act_non_concerne": (
            "Le projet n’utilise pas de système d’IA : le règlement européen sur l’IA ne s’applique pas. "
            "Les règles sur les données personnelles et la transparence des algorithmes publics restent "
            "applicables."
        ),
        "ai_act_maitrise": ai_act.literacy(),
        "ai_act_calendrier": ai_act.calendar_text(),
        "ai_act_emotions": (
            "La reconnaissance des émotions est interdite sur le lieu de travail et dans les établissements "
            "d’enseignement, sauf pour des raisons médicales ou de sécurité (article 5, paragraphe 1, point f, du "
            "règlement sur l’IA). Ailleurs, elle relève du haut risque, comme la catégorisation biométrique selon "
            "des caractéristiques sensibles (annexe III, point 1) ; déduire de données biométriques l’origine, les "
            "opinions, les convictions, l’appartenance syndicale ou l’orientation sexuelle est interdit (article 5, "
            "paragraphe 1, point g). Les personnes exposées doivent être informées du fonctionnement du système "
            "(article 50, paragraphe 3), et les données biométriques sont des données sensibles (article 9 du RGPD)."
        ),
        "ai_act_fria": (
            "Avant de déployer un système d’IA à haut risque, un organisme de droit public doit évaluer son "
            "impact sur les droits fondamentaux (article 27) : processus concerné, fréquence d’utilisation, "
            "personnes touchées, risques, mesures de contrôle humain, mesures en cas de problème et voies "
            "de réclamation. Le résultat est notifié à l’autorité de surveillance du marché. Cette analyse "
            "peut compléter l’AIPD."
        ),
        "ai_act_information_agents": (
            "Avant de mettre en service ou d’utiliser un système d’IA à haut risque sur le lieu de travail, la "
            "collectivité employeur informe les représentants du personnel et les agents concernés qu’ils y seront "
            "soumis (article 26, paragraphe 7, du règlement sur l’IA). Le droit de la fonction publique peut "
            "imposer en plus une consultation du comité social territorial (en principe celui du centre de gestion "
            "pour les collectivités de moins de 50 agents) : vérifiez-le avec le service des ressources humaines."
        ),
        "ai_act_fournisseur": (
            "En développant ou en faisant développer un système à haut risque pour le mettre en service sous son "
            "nom, la collectivité en devient le fournisseur et en assume les obligations : système de gestion des "
            "risques (article 9), gouvernance des données (article 10), documentation technique (article 11), "
            "journalisation (article 12), notice d’utilisation (article 13), conception permettant le contrôle "
            "humain (article 14), système de gestion de la qualité (article 17), évaluation de la conformité "
            "(article 43) et enregistrement dans la base de données de l’Union européenne (article 49). "
            "Faites-vous accompagner juridiquement."
        ),
        "ai_act_role_a_determiner": (
            "Déterminez si la collectivité est déployeur (elle utilise sous sa responsabilité un système fourni par "
            "d’autres) ou fournisseur (elle le développe ou le fait développer et le met en service sous son nom) : "
            "les obligations d’un système à haut risque en dépendent. Un déployeur qui appose son nom sur un tel "
            "système ou le modifie substantiellement en devient le fournisseur (article 25 du règlement sur l’IA)."
        ),
        "ai_act_art50": (
            "Les obligations de transparence de l’article 50 s’ajoutent à celles du haut risque : informer les "
            "personnes qu’elles échangent avec une IA, signaler les contenus générés ou manipulés, informer les "
            "personnes exposées à une reconnaissance des émotions ou à une catégorisation biométrique."
        ),
        "ai_act_fournisseur_transparence": (
            "Comme fournisseur, la collectivité conçoit le système pour que les personnes sachent qu’elles "
            "échangent avec une IA, sauf si c’est évident (article 50, paragraphe 1, du règlement sur l’IA) ; si "
            "le système génère des contenus, ceux-ci doivent être marqués, dans un format lisible par machine, "
            "comme générés ou manipulés par une IA (article 50, paragraphe 2)."
        ),
        # --- Transparence ---
        "transparence_mention": (
            "Toute décision individuelle prise sur le fondement d’un traitement algorithmique doit comporter "
            "une mention explicite (article L311-3-1 du CRPA), quelle que soit la taille de la collectivité. "
            "Cette mention indique la finalité du traitement, le droit d’obtenir la communication de ses "
            "règles et de ses principales caractéristiques, et comment l’exercer, y compris la saisine de "
            "la CADA (article R311-3-1-1). Sur demande, la collectivité communique sous une forme "
            "intelligible : le degré et le mode de contribution du traitement à la décision, les données "
            "traitées et leurs sources, les paramètres et leur pondération appliqués à la situation de la "
            "personne, et les opérations effectuées (article R311-3-1-2)."
        ),
        "transparence_publication": (
            "La collectivité doit publier en ligne les règles définissant les principaux traitements "
            "algorithmiques utilisés pour prendre des décisions individuelles (article L312-1-3 du CRPA). "
            "Sont « principaux » les traitements qui concernent beaucoup de personnes ou ont des effets "
            "importants. Seules les administrations de moins de 50 agents en équivalents temps plein en "
            "sont dispensées (article D312-1-4)."
        ),
        "transparence_publication_exemptee": (
            "Avec moins de 50 agents en équivalents temps plein, la collectivité est dispensée de publier "
            "en ligne les règles de ses principaux algorithmes (article L312-1-3 et article D312-1-4 du "
            "CRPA). La mention explicite sur les décisions et la communication des règles sur demande "
            "restent obligatoires. Publier reste une bonne pratique, par exemple avec l’intercommunalité."
        ),
        "transparence_decision_automatisee": (
            "Une décision administrative individuelle prise sans intervention humaine n’est permise que sous "
            "conditions (article 22 du RGPD, article 47 de la loi Informatique et libertés) : mention "
            "explicite, pas de données sensibles, maîtrise du traitement et capacité d’expliquer en détail "
            "comment la décision a été prise. Elle est exclue pour statuer sur un recours administratif. "
            "Sans mention explicite, une telle décision est nulle."
        ),
        "transparence_inventaire": (
            "Recenser les traitements algorithmiques (finalité, degré d’automatisation, base légale, "
            "nombre de décisions par an, publics concernés, données et sources) est la première étape pour "
            "respecter les obligations de transparence. Un tableur suffit ; les guides d’Etalab proposent "
            "une méthode."
        ),
        "transparence_generale": (
            "Le traitement ne fonde pas de décisions individuelles : les obligations du CRPA sur les "
            "algorithmes ne s’appliquent pas. Expliquer simplement aux habitants ce que fait l’outil et "
            "pourquoi renforce toutefois la confiance."
        ),
        "open_data_obligation": (
            "La collectivité atteint les deux seuils, 3 500 habitants et 50 agents en équivalents temps plein "
            "(ETP) : elle doit publier en ligne les documents qu’elle communique sur demande, ceux de son "
            "répertoire des informations publiques, ses bases de données mises à jour régulièrement et les "
            "données dont la publication présente un intérêt économique, social, sanitaire ou environnemental "
            "(article L312-1-1 du CRPA ; seuil de 50 ETP fixé par l’article D312-1-1-1). Les données personnelles "
            "en sont retirées ou anonymisées, sauf texte contraire."
        ),
        "open_data_a_verifier": (
            "Avec au moins 3 500 habitants, la collectivité doit ouvrir ses données par défaut si elle emploie "
            "aussi au moins 50 agents en équivalents temps plein (article L312-1-1 du CRPA et article D312-1-1-1). "
            "Vérifiez l’effectif en ETP auprès du service des ressources humaines : en dessous de 50 ETP, la "
            "publication reste une bonne pratique."
        ),
        "open_data_bonne_pratique": (
            "La collectivité n’est pas soumise à l’ouverture des données par défaut, qui ne s’impose qu’à partir "
            "de 3 500 habitants et de 50 agents en équivalents temps plein (article L312-1-1 du CRPA). Publier les "
            "données non personnelles produites par le projet (sur data.gouv.fr, par exemple) permet toutefois à "
            "d’autres de les réutiliser."
        ),
        "code_source": (
            "Les codes sources détenus par une administration sont des documents administratifs "
            "en principe communicables. Publiez-le sous une licence libre de la liste officielle "
            "(article D323-2-1 du CRPA) : d’autres collectivités pourront le réutiliser."
        ),
        "code_source_editeur": (
            "Même avec un logiciel d’éditeur, la collectivité reste responsable de ses décisions et doit "
            "pouvoir expliquer le traitement sur demande. Prévoyez dans le contrat la documentation des "
            "règles, des paramètres et des données utilisés."
        ),
        # --- Contrôle humain ---
        "controle_humain_alerte": (
            "Lorsque les résultats sont validés sans examen réel, ou que le système décide seul, les erreurs "
            "et les biais passent inaperçus et les personnes perdent la possibilité d’être entendues. Donnez "
            "aux agents le temps, les informations et la liberté de s’écarter du résultat, et vérifiez "
            "régulièrement qu’ils le font."
        ),
        "controle_humain_contestation": (
            "Chaque personne concernée doit pouvoir contester le résultat et obtenir un réexamen par un "
            "agent. Indiquez clairement comment faire, par un moyen accessible sans outil numérique."
        ),
        "controle_humain_formation": (
            "Un agent qui ne connaît pas les erreurs possibles de l’outil tend à lui faire trop confiance. "
            "Expliquez ce que fait l’outil, ses cas d’échec et le réflexe de vérification attendu."
        ),
        "controle_humain_canal": (
            "Un service public doit rester accessible aux personnes qui ne peuvent ou ne veulent pas "
            "utiliser un outil numérique. Maintenez un accueil, un numéro de téléphone ou un rendez-vous, "
            "et orientez vers France services ou un conseiller numérique."
        ),
        "controle_humain_suivi": (
            "Prévoyez des vérifications régulières : taux d’erreur, écarts de traitement entre catégories "
            "de personnes, dégradation des résultats quand les données changent. Désignez qui s’en charge "
            "et à quel rythme."
        ),
        "controle_humain_ok": (
            "Les réponses montrent un contrôle humain réel et des voies de recours. Vérifiez dans la durée "
            "que les agents gardent le temps et la liberté de s’écarter des résultats."
        ),
        # --- Environnement ---
        "environnement_sobriete": (
            "Choisissez l’outil le plus simple qui répond au besoin, réutilisez l’existant, limitez les "
            "données collectées et conservées, et allongez la durée de vie du matériel. Le référentiel "
            "général d’écoconception de services numériques (RGESN) propose des critères concrets à "
            "intégrer dans les cahiers des charges."
        ),
        "environnement_ia_lourde": (
            "Les grands modèles d’IA consomment beaucoup d’énergie, d’eau et de matériel, surtout à "
            "l’entraînement et en usage intensif, y compris quand on les utilise par un service en ligne : chaque "
            "requête mobilise des serveurs distants. Préférez un modèle plus petit adapté à la tâche, "
            "limitez les usages aux cas utiles et demandez aux fournisseurs des informations sur la "
            "consommation de leur service."
        ),
        "environnement_alternative": (
            "Avant de recourir à l’IA, comparez avec une solution sans IA : règle de calcul, formulaire "
            "mieux conçu, tableau de bord. Elle est souvent plus sobre, moins chère et plus facile à "
            "expliquer aux usagers."
        ),
        "environnement_reutilisation": (
            "Réutiliser un commun numérique ou un modèle déjà entraîné évite des dépenses d’énergie et "
            "d’argent. Consultez le catalogue pour trouver des services déjà utilisés par d’autres "
            "collectivités."
        ),
        "environnement_mesure": (
            "Estimez l’énergie consommée, le matériel nécessaire et le volume de données stockées, puis "
            "suivez ces indicateurs. Le RGESN et les outils publics d’évaluation de l’empreinte "
            "numérique aident à démarrer."
        ),
    },
}
