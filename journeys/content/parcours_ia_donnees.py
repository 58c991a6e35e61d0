"""Journey template « Parcours IA & données » (content only, loaded by the journeys app).

Format: see the shared vocabulary (`TEMPLATE` dict, six stages in a fixed order, steps with unique keys).
"""

from common import ai_act

TEMPLATE = {
    "slug": "parcours-ia-donnees",
    "name": "Parcours IA & données",
    "version_note": (
        "Version 1 — novembre 2026. Cadre juridique à jour de l’AI Act (règlement (UE) 2024/1689), du RGPD et du "
        "code des relations entre le public et l’administration (CRPA)."
    ),
    "description": (
        "Un parcours en six étapes pour mener un projet de données ou d’intelligence artificielle, "
        "de l’idée à la mise en service : partir d’un vrai besoin, faire le point sur vos moyens, "
        "cadrer le projet (y compris ses aspects éthiques et juridiques), choisir la solution la plus "
        "sobre, trouver les financements, puis déployer, évaluer et partager. Il convient à une commune "
        "de quelques centaines d’habitants comme à une région : chaque action se remplit à votre rythme, "
        "et seules les actions marquées obligatoires conditionnent le passage à l’étape suivante."
    ),
    "stages": [
        {
            "key": "agenda",
            "name": "Mise à l’agenda",
            "summary": (
                "Formuler le besoin en termes de service rendu, identifier les personnes concernées, "
                "désigner qui porte le projet et s’assurer d’un soutien des élus."
            ),
            "requires_validation": False,
            "steps": [
                {
                    "key": "besoin",
                    "kind": "text",
                    "title": "Quel besoin voulez-vous résoudre ?",
                    "help": (
                        "Décrivez le problème tel que le vivent les habitants ou les agents, sans parler "
                        "encore de technologie. Par exemple : « les familles attendent trois semaines une "
                        "réponse pour une place en crèche » ou « deux agents passent une journée par mois à "
                        "ressaisir des factures ». Un besoin bien décrit est la meilleure protection contre "
                        "un outil inutile."
                    ),
                    "required": True,
                },
                {
                    "key": "personnes_concernees",
                    "kind": "multiple_choice",
                    "title": "Qui est concerné par ce besoin ?",
                    "help": (
                        "Cochez toutes les personnes dont le quotidien changera avec le projet. Pensez aussi "
                        "à celles qui sont éloignées du numérique : elles devront garder un accès au service."
                    ),
                    "required": True,
                    "choices": [
                        "Les habitants dans leur ensemble",
                        "Les usagers d’un service précis (familles, personnes âgées, demandeurs d’aide…)",
                        "Les agents de la collectivité",
                        "Les élus",
                        "Les entreprises, commerces et associations du territoire",
                        "D’autres collectivités ou partenaires (intercommunalité, syndicat, État…)",
                    ],
                },
                {
                    "key": "porteur",
                    "kind": "text",
                    "title": "Qui porte le projet au quotidien ?",
                    "help": (
                        "Indiquez le nom et la fonction de l’agent (ou de l’élu, dans une petite commune) qui "
                        "coordonnera le projet, et le temps qu’il pourra y consacrer. Dans une commune sans "
                        "service informatique, ce peut être la secrétaire de mairie appuyée par "
                        "l’intercommunalité ou un syndicat informatique."
                    ),
                    "required": True,
                },
                {
                    "key": "portage_politique",
                    "kind": "single_choice",
                    "title": "Quel est le soutien politique du projet ?",
                    "help": (
                        "Un projet de données ou d’IA touche à l’organisation du travail et à la relation avec "
                        "les habitants : il a besoin d’un élu qui le défende et qui en rende compte. Choisissez "
                        "la situation la plus proche de la vôtre."
                    ),
                    "required": True,
                    "choices": [
                        (
                            "Un élu référent est désigné et le projet figure dans une délibération ou une "
                            "feuille de route"
                        ),
                        "Un élu référent est désigné, sans décision formelle à ce stade",
                        "Le projet est porté par les services ; les élus n’ont pas encore été sollicités",
                        "Aucun soutien politique identifié pour l’instant",
                    ],
                },
                {
                    "key": "idee_solution",
                    "kind": "single_choice",
                    "title": "Avez-vous déjà une idée de solution ?",
                    "help": (
                        "Il est tout à fait normal de ne pas en avoir. L’intelligence artificielle n’est pas "
                        "une fin en soi : parfois, un formulaire mieux conçu, un tableur partagé ou un outil "
                        "déjà utilisé par une commune voisine répond mieux au besoin, pour moins cher."
                    ),
                    "required": False,
                    "choices": [
                        "Non, nous partons du besoin",
                        "Oui, un outil qui utilise de l’intelligence artificielle",
                        "Oui, un outil sans intelligence artificielle (données, tableau de bord, formulaire…)",
                        "Oui, un outil déjà utilisé par une autre collectivité",
                    ],
                },
                {
                    "key": "agents_associes",
                    "kind": "checklist",
                    "title": "Les agents qui rendront le service ont été associés dès le départ",
                    "help": (
                        "Présentez l’idée aux agents concernés avant d’aller plus loin : ce sont eux qui "
                        "connaissent les cas particuliers et qui utiliseront l’outil. Leur adhésion compte "
                        "autant que la technique."
                    ),
                    "required": False,
                },
                {
                    "key": "note_opportunite",
                    "kind": "deliverable",
                    "title": "Note d’opportunité",
                    "help": (
                        "Une ou deux pages suffisent : le besoin, les personnes concernées, les bénéfices "
                        "attendus, les premiers risques repérés et le soutien politique. Cette note sert à "
                        "convaincre et à garder une trace de l’intention de départ."
                    ),
                    "required": False,
                    "deliverable_hint": "Document PDF ou traitement de texte, 1 à 2 pages",
                },
            ],
        },
        {
            "key": "diagnostic",
            "name": "Diagnostic",
            "summary": (
                "Faire le point sur la maturité de la collectivité, les données disponibles, les compétences "
                "et les outils déjà en place, pour partir de l’existant."
            ),
            "requires_validation": False,
            "steps": [
                {
                    "key": "diagnostic_maturite",
                    "kind": "diagnostic",
                    "title": "Diagnostic de maturité données et IA",
                    "help": (
                        "Une trentaine de questions, environ vingt minutes, réparties en six dimensions : "
                        "stratégie, données, compétences, infrastructures, éthique et relation aux usagers. "
                        "Il n’y a pas de mauvaise réponse : le résultat sert à cibler les efforts et propose "
                        "des recommandations adaptées."
                    ),
                    "required": True,
                },
                {
                    "key": "inventaire_donnees",
                    "kind": "text",
                    "title": "Quelles données existent déjà pour ce besoin ?",
                    "help": (
                        "Pour chaque source, notez : ce qu’elle contient, qui la tient à jour, sous quelle "
                        "forme (logiciel, tableur, papier), depuis quand, et si elle contient des données "
                        "personnelles (nom, adresse, situation familiale…). Une liste simple suffit."
                    ),
                    "required": True,
                },
                {
                    "key": "sources_donnees",
                    "kind": "multiple_choice",
                    "title": "Où se trouvent ces données ?",
                    "help": (
                        "Les données sont souvent dispersées. Savoir où elles se trouvent permet d’anticiper "
                        "les difficultés d’accès, par exemple auprès d’un délégataire ou d’un éditeur de logiciel."
                    ),
                    "required": False,
                    "choices": [
                        "Dans nos logiciels métier (état civil, finances, ressources humaines, urbanisme…)",
                        "Dans des tableurs et des fichiers partagés",
                        "Sur papier ou dans des documents numérisés",
                        "Chez un prestataire ou un délégataire (eau, déchets, transport, énergie…)",
                        "Dans des données publiques ouvertes (data.gouv.fr, Insee, IGN…)",
                        "Dans des capteurs ou des objets connectés",
                        "Nous ne savons pas encore",
                    ],
                },
                {
                    "key": "competences_disponibles",
                    "kind": "multiple_choice",
                    "title": "Sur quelles compétences pouvez-vous compter ?",
                    "help": (
                        "Recensez les compétences internes et celles que vous pouvez mobiliser autour de vous. "
                        "Toute collectivité doit désigner un délégué à la protection des données (DPO), qui "
                        "peut être mutualisé, par exemple avec le centre de gestion ou l’intercommunalité."
                    ),
                    "required": False,
                    "choices": [
                        "Un agent à l’aise avec les données (tableur, requêtes, cartographie)",
                        "Un service informatique interne",
                        "Un délégué à la protection des données (DPO), éventuellement mutualisé",
                        "Un appui de l’intercommunalité, d’un syndicat informatique ou du centre de gestion",
                        "Un prestataire habituel",
                        "Aucune de ces compétences pour l’instant",
                    ],
                },
                {
                    "key": "outils_existants",
                    "kind": "text",
                    "title": "Quels outils utilisez-vous déjà pour ce besoin ?",
                    "help": (
                        "Citez les logiciels, services en ligne ou fichiers utilisés aujourd’hui, avec leur "
                        "éditeur et la date de fin du contrat si vous la connaissez. Un outil existant peut "
                        "parfois être mieux utilisé plutôt que remplacé."
                    ),
                    "required": False,
                },
                {
                    "key": "reversibilite_contrats",
                    "kind": "checklist",
                    "title": "Nos contrats permettent de récupérer nos données",
                    "help": (
                        "Vérifiez dans les contrats avec vos éditeurs et délégataires que les données vous "
                        "appartiennent et qu’elles peuvent être exportées dans un format ouvert (CSV, par "
                        "exemple) à tout moment et en fin de contrat. C’est ce qu’on appelle la réversibilité."
                    ),
                    "required": False,
                },
                {
                    "key": "synthese_diagnostic",
                    "kind": "deliverable",
                    "title": "Synthèse du diagnostic",
                    "help": (
                        "Rassemblez le résultat du diagnostic de maturité et l’inventaire des données : ce "
                        "document servira de base au cadrage et, le cas échéant, à une demande d’appui."
                    ),
                    "required": False,
                    "deliverable_hint": "PDF ou tableur : résultats du diagnostic et inventaire des données",
                },
            ],
        },
        {
            "key": "cadrage",
            "name": "Cadrage",
            "summary": (
                "Fixer des objectifs mesurables, délimiter les données utilisées, vérifier le cadre éthique "
                "et juridique avec le DPO, organiser la gouvernance. Vous pouvez demander l’avis de l’ANCT sur "
                "votre cadrage : il éclaire vos choix sans conditionner la suite du parcours."
            ),
            "requires_validation": False,
            "steps": [
                {
                    "key": "objectifs",
                    "kind": "text",
                    "title": "Quels sont les objectifs du projet ?",
                    "help": (
                        "Formulez deux à quatre objectifs concrets et vérifiables, par exemple : « répondre "
                        "aux demandes de place en crèche en moins de dix jours » plutôt que « moderniser le "
                        "service petite enfance »."
                    ),
                    "required": True,
                },
                {
                    "key": "indicateurs",
                    "kind": "text",
                    "title": "Comment saurez-vous que le projet réussit ?",
                    "help": (
                        "Pour chaque objectif, choisissez un indicateur simple et notez sa valeur actuelle "
                        "(délai, nombre de demandes, temps passé, satisfaction des usagers, erreurs…). Sans "
                        "point de départ mesuré, il sera impossible d’évaluer le projet."
                    ),
                    "required": True,
                },
                {
                    "key": "perimetre_donnees",
                    "kind": "text",
                    "title": "Quelles données le projet utilisera-t-il, et pourquoi ?",
                    "help": (
                        "Ne retenez que les données vraiment nécessaires à l’objectif : c’est le principe de "
                        "minimisation du RGPD. Précisez pour chacune sa source, sa durée de conservation et "
                        "qui pourra y accéder."
                    ),
                    "required": True,
                },
                {
                    "key": "cadrage_ethique",
                    "kind": "ethics_check",
                    "title": "Cadrage éthique et juridique",
                    "help": (
                        "Un questionnaire guidé sur les données personnelles, l’analyse d’impact (AIPD), le "
                        "règlement européen sur l’IA, la transparence des algorithmes, le contrôle humain et "
                        "l’empreinte environnementale. Il indique vos obligations et les points de vigilance, "
                        "sans remplacer l’avis de votre DPO."
                    ),
                    "required": True,
                },
                {
                    "key": "consultation_dpo",
                    "kind": "checklist",
                    "title": "Le délégué à la protection des données (DPO) a été consulté",
                    "help": (
                        "Transmettez au DPO la description du projet et le résultat du cadrage éthique. Il "
                        "vous dira si une analyse d’impact est nécessaire et comment inscrire le traitement "
                        "au registre. Si vous ne savez pas qui est votre DPO, demandez au centre de gestion "
                        "ou à l’intercommunalité."
                    ),
                    "required": True,
                },
                {
                    "key": "gouvernance",
                    "kind": "single_choice",
                    "title": "Comment le projet sera-t-il piloté ?",
                    "help": (
                        "Même pour un petit projet, décidez qui tranche, à quel rythme on fait le point et "
                        "comment les élus sont informés. Un pilotage partagé avec d’autres collectivités "
                        "facilite la mutualisation des coûts."
                    ),
                    "required": True,
                    "choices": [
                        "Un comité de pilotage réunissant élus, services et représentants des usagers",
                        "Un binôme élu et chef de projet, avec des points réguliers",
                        "Un pilotage partagé avec d’autres collectivités (intercommunalité, syndicat, groupement)",
                        "Pas encore défini",
                    ],
                },
                {
                    "key": "association_parties_prenantes",
                    "kind": "multiple_choice",
                    "title": "Comment associerez-vous les usagers et les agents ?",
                    "help": (
                        "Associer tôt les personnes concernées évite les mauvaises surprises. Lorsque le "
                        "projet modifie l’organisation ou les conditions de travail, pensez à informer ou "
                        "consulter le comité social territorial (CST) : celui de la collectivité à partir de 50 "
                        "agents, celui du centre de gestion en dessous."
                    ),
                    "required": False,
                    "choices": [
                        "Ateliers avec des usagers, y compris des personnes éloignées du numérique",
                        "Tests de l’outil avec des usagers avant sa généralisation",
                        "Questionnaire ou consultation en ligne",
                        "Groupe de travail avec les agents concernés",
                        "Information ou consultation du comité social territorial (CST)",
                        "Présentation en conseil municipal, communautaire, départemental ou régional",
                    ],
                },
                {
                    "key": "note_cadrage",
                    "kind": "deliverable",
                    "title": "Note de cadrage",
                    "help": (
                        "Elle reprend le besoin, les objectifs et indicateurs, les données utilisées, le résultat "
                        "du cadrage éthique, l’avis du DPO, la gouvernance et un calendrier prévisionnel. C’est "
                        "aussi la base de l’avis de l’ANCT si vous le demandez (bloc « Ingénierie sur mesure » de "
                        "cette étape)."
                    ),
                    "required": True,
                    "deliverable_hint": "PDF, 3 à 6 pages",
                },
            ],
        },
        {
            "key": "solution",
            "name": "Choix de la solution",
            "summary": (
                "Comparer les options (réutiliser un commun numérique, mutualiser, acheter, faire développer) "
                "et retenir la plus adaptée, la plus sobre et la plus réversible."
            ),
            "requires_validation": False,
            "steps": [
                {
                    "key": "options_envisagees",
                    "kind": "multiple_choice",
                    "title": "Quelles options envisagez-vous ?",
                    "help": (
                        "Commencez par regarder ce qui existe : un commun numérique (une ressource, souvent un "
                        "logiciel libre, produite et gouvernée par sa communauté, qu’elle soit publique ou non, "
                        "comme QGIS ou Nextcloud) déjà utilisé ailleurs coûte souvent moins cher et profite des "
                        "améliorations des autres. Acheter ou faire développer vient ensuite."
                    ),
                    "required": True,
                    "choices": [
                        "Réutiliser un commun numérique existant",
                        "Mutualiser avec d’autres collectivités (intercommunalité, syndicat, groupement de commandes)",
                        "Acheter une solution du marché",
                        "Faire développer une solution sur mesure",
                        "Développer en interne",
                        "Améliorer l’organisation sans nouvel outil",
                    ],
                },
                {
                    "key": "catalogue_ia",
                    "kind": "link",
                    "title": "Explorer les services utilisant l’intelligence artificielle",
                    "help": (
                        "Le catalogue recense des services numériques publics et les collectivités qui les "
                        "utilisent. Vous pouvez contacter ces collectivités pour connaître leur retour "
                        "d’expérience."
                    ),
                    "required": False,
                    "link": {
                        "label": "Voir les services d’intelligence artificielle du catalogue",
                        "url": "/catalogue/?theme=intelligence-artificielle",
                    },
                },
                {
                    "key": "catalogue_donnees",
                    "kind": "link",
                    "title": "Explorer les services de données et d’open data",
                    "help": (
                        "Tableaux de bord, catalogues de données, outils de publication en open data : "
                        "beaucoup de besoins se règlent avec de bons outils de données, sans IA."
                    ),
                    "required": False,
                    "link": {
                        "label": "Voir les services de données du catalogue",
                        "url": "/catalogue/?theme=donnees",
                    },
                },
                {
                    "key": "catalogue_administration",
                    "kind": "link",
                    "title": "Explorer les services de gestion interne",
                    "help": (
                        "Gestion du courrier, des délibérations, des ressources humaines ou des finances : "
                        "des outils mutualisés existent souvent à l’échelle d’un département ou d’une région."
                    ),
                    "required": False,
                    "link": {
                        "label": "Voir les services d’administration et de gestion interne",
                        "url": "/catalogue/?theme=administration",
                    },
                },
                {
                    "key": "echange_pairs",
                    "kind": "checklist",
                    "title": "Nous avons échangé avec une collectivité qui utilise une solution comparable",
                    "help": (
                        "Un appel d’une demi-heure avec une collectivité utilisatrice en dit souvent plus "
                        "qu’une démonstration commerciale : coûts réels, temps d’installation, difficultés "
                        "rencontrées, satisfaction des agents."
                    ),
                    "required": False,
                },
                {
                    "key": "criteres_choix",
                    "kind": "multiple_choice",
                    "title": "Quels critères ont pesé dans votre choix ?",
                    "help": (
                        "Comparez les options sur plusieurs années, pas seulement sur le prix d’achat : "
                        "abonnements, maintenance, formation et sortie éventuelle comptent autant."
                    ),
                    "required": False,
                    "choices": [
                        "Coût total sur plusieurs années",
                        "Réversibilité et récupération des données",
                        "Hébergement dans l’Union européenne et sécurité",
                        "Accessibilité aux personnes en situation de handicap (RGAA)",
                        "Sobriété et empreinte environnementale",
                        "Communauté d’utilisateurs et maintenance dans la durée",
                        "Interopérabilité avec nos outils",
                        "Facilité d’usage pour les agents et les usagers",
                    ],
                },
                {
                    "key": "mode_achat",
                    "kind": "single_choice",
                    "title": "Comment la solution sera-t-elle acquise ?",
                    "help": (
                        "Les règles de la commande publique dépendent du montant et de la nature de l’achat. "
                        "Votre service des marchés, le centre de gestion ou l’intercommunalité peuvent vous "
                        "aider ; une centrale d’achat public ou un groupement de commandes simplifie souvent "
                        "la démarche."
                    ),
                    "required": False,
                    "choices": [
                        "Sans achat (réutilisation gratuite ou développement interne)",
                        "Achat sans publicité ni mise en concurrence préalables, sous les seuils réglementaires",
                        "Marché en procédure adaptée ou formalisée",
                        "Centrale d’achat public ou groupement de commandes",
                        "À déterminer",
                    ],
                },
                {
                    "key": "choix_retenu",
                    "kind": "text",
                    "title": "Quelle solution retenez-vous, et pourquoi ?",
                    "help": (
                        "Nommez la solution retenue et expliquez en quelques phrases pourquoi elle a été "
                        "préférée aux autres options. Cette trace sera utile pour l’évaluation et pour les "
                        "collectivités qui vous solliciteront."
                    ),
                    "required": True,
                },
                {
                    "key": "decision_choix",
                    "kind": "deliverable",
                    "title": "Décision de choix",
                    "help": (
                        "Joignez le document qui acte le choix : délibération, décision du maire ou du "
                        "président, ou note de comparaison validée par l’élu référent."
                    ),
                    "required": False,
                    "deliverable_hint": "PDF : comparaison des options et décision",
                },
            ],
        },
        {
            "key": "financement",
            "name": "Financement",
            "summary": (
                "Estimer le coût complet du projet et mobiliser les aides de l’État, des partenaires et des "
                "programmes nationaux, ainsi que l’ingénierie disponible."
            ),
            "requires_validation": False,
            "steps": [
                {
                    "key": "budget_estime",
                    "kind": "text",
                    "title": "Quel est le coût complet du projet ?",
                    "help": (
                        "Additionnez les dépenses de départ (achat, développement, installation, formation) "
                        "et les dépenses récurrentes sur trois ans (abonnements, hébergement, maintenance). "
                        "N’oubliez pas le temps des agents : c’est souvent le premier coût d’un projet."
                    ),
                    "required": True,
                },
                {
                    "key": "financements_envisages",
                    "kind": "multiple_choice",
                    "title": "Quels financements envisagez-vous ?",
                    "help": (
                        "Les dotations d’investissement de l’État sont réservées à certaines collectivités : "
                        "la DETR aux communes et EPCI qui remplissent ses critères (article L2334-33 du code "
                        "général des collectivités territoriales), la DSIL aux communes et EPCI (article "
                        "L2334-42), la DSID aux départements (article L3334-10) ; les régions n’en ont aucune. "
                        "Seuls les choix ouverts à votre collectivité sont proposés. Toutes trois financent des "
                        "dépenses d’investissement, instruites par la préfecture selon des priorités fixées "
                        "chaque année : un abonnement à un logiciel ou à un service en ligne est une dépense de "
                        "fonctionnement, qu’elles ne financent pas. Le projet de loi de finances pour 2026 "
                        "proposait de fusionner DETR et DSIL avec la DPV dans un fonds unique ; le Sénat a "
                        "supprimé cette fusion en décembre 2025 : nous n’avons pas vérifié le texte définitif, "
                        "demandez à la préfecture le nom et les règles de la dotation en vigueur. France 2030 "
                        "finance des projets par appels à projets ; la Banque des Territoires propose des prêts "
                        "et cofinance des études et de l’ingénierie ; Aides-territoires recense les aides "
                        "publiques ouvertes à votre collectivité."
                    ),
                    "required": False,
                    "choices": [
                        "Budget propre de la collectivité",
                        "Dotation d’équipement des territoires ruraux (DETR)",
                        "Dotation de soutien à l’investissement local (DSIL)",
                        "Dotation de soutien à l’investissement des départements (DSID)",
                        "Appel à projets France 2030",
                        "Banque des Territoires (prêt, cofinancement d’études ou d’ingénierie)",
                        "Fonds européens (par exemple le FEDER, géré par la région)",
                        "Aide de la région ou du département",
                        "Partage des coûts avec d’autres collectivités",
                    ],
                    # Grants reserved by law to some kinds of collectivité (CGCT L2334-33, L2334-42, L3334-10).
                    "choices_for": {
                        "Dotation d’équipement des territoires ruraux (DETR)": ["commune", "epci"],
                        "Dotation de soutien à l’investissement local (DSIL)": ["commune", "epci"],
                        "Dotation de soutien à l’investissement des départements (DSID)": ["departement"],
                    },
                },
                {
                    "key": "programme_national",
                    "kind": "single_choice",
                    "title": "Votre collectivité bénéficie-t-elle d’un programme national de l’ANCT ?",
                    "help": (
                        "Action Cœur de Ville, Petites Villes de Demain et Villages d’Avenir donnent accès à "
                        "un accompagnement et aux offres des partenaires des programmes. Si vous en "
                        "bénéficiez, parlez du projet à votre chef de projet ou à votre interlocuteur en "
                        "préfecture."
                    ),
                    "required": False,
                    "choices": [
                        "Action Cœur de Ville",
                        "Petites Villes de Demain",
                        "Villages d’Avenir",
                        "Aucun de ces programmes",
                        "Je ne sais pas",
                    ],
                },
                {
                    "key": "besoin_ingenierie",
                    "kind": "checklist",
                    "title": "Nous avons évalué notre besoin d’appui en ingénierie",
                    "help": (
                        "L’ANCT peut apporter une ingénierie sur mesure (expertise, étude, accompagnement) "
                        "aux collectivités qui en manquent ; le préfet de département est son délégué "
                        "territorial. Vous pouvez formuler une demande d’appui depuis le bloc « Ingénierie sur "
                        "mesure » de cette étape. "
                        "Pensez aussi aux agences techniques départementales et à votre intercommunalité."
                    ),
                    "required": False,
                },
                {
                    "key": "ressources_financement",
                    "kind": "link",
                    "title": "Consulter le guide des financements",
                    "help": (
                        "Qui peut demander quelle aide, ce qu’elle finance, où chercher les appels ouverts et "
                        "comment bâtir le plan de financement. Pour l’achat lui-même : [le guide de la "
                        "commande publique](/ressources/commande-publique-ia-donnees/)."
                    ),
                    "required": False,
                    "link": {
                        "label": "Lire le guide des financements",
                        "url": "/ressources/financer-un-projet-donnees-ia/",
                    },
                },
                {
                    "key": "plan_financement",
                    "kind": "deliverable",
                    "title": "Plan de financement",
                    "help": (
                        "Un tableau simple : dépenses d’un côté, recettes et aides de l’autre, avec l’état de "
                        "chaque demande (envisagée, déposée, accordée). La plupart des financeurs le demandent."
                    ),
                    "required": False,
                    "deliverable_hint": "Tableur ou PDF : dépenses, recettes, état des demandes d’aide",
                },
            ],
        },
        {
            "key": "realisation",
            "name": "Réalisation",
            "summary": (
                "Déployer progressivement, former les agents, informer les usagers, suivre les indicateurs, "
                "évaluer, puis partager le code, la documentation et l’expérience."
            ),
            "requires_validation": False,
            "steps": [
                {
                    "key": "plan_deploiement",
                    "kind": "text",
                    "title": "Comment allez-vous déployer la solution ?",
                    "help": (
                        "Décrivez les grandes étapes et le calendrier. Commencez si possible par un périmètre "
                        "restreint (un service, un quartier, quelques semaines) pour corriger les défauts "
                        "avant de généraliser."
                    ),
                    "required": True,
                },
                {
                    "key": "formation_agents",
                    "kind": "checklist",
                    "title": "Les agents utilisateurs sont formés, y compris aux limites de l’outil",
                    "help": (
                        f"Depuis le 2 février 2025, {ai_act.literacy_short()}. Concrètement : savoir ce que "
                        "fait l’outil, quand il se trompe et quand ne pas le suivre."
                    ),
                    "required": True,
                },
                {
                    "key": "information_usagers",
                    "kind": "checklist",
                    "title": "Les usagers sont informés de l’usage de l’outil",
                    "help": (
                        "Expliquez simplement ce que fait l’outil et comment joindre un agent. Si des "
                        "décisions individuelles sont prises sur le fondement d’un algorithme, la décision "
                        "doit comporter une mention explicite (article L311-3-1 du CRPA). Si un agent "
                        "conversationnel répond aux usagers, ils doivent savoir qu’ils échangent avec une IA."
                    ),
                    "required": True,
                },
                {
                    "key": "suivi_indicateurs",
                    "kind": "text",
                    "title": "Où en sont les indicateurs après quelques mois ?",
                    "help": (
                        "Reprenez les indicateurs du cadrage et comparez-les à leur valeur de départ. Notez "
                        "aussi les effets inattendus, positifs ou négatifs, signalés par les agents et les "
                        "usagers."
                    ),
                    "required": False,
                },
                {
                    "key": "bilan_evaluation",
                    "kind": "deliverable",
                    "title": "Bilan d’évaluation",
                    "help": (
                        "Ce qui a marché, ce qui a coûté plus que prévu, l’avis des agents et des usagers, "
                        "les erreurs constatées et la décision prise : poursuivre, ajuster ou arrêter. "
                        "Arrêter un outil qui ne rend pas le service attendu est aussi un bon résultat."
                    ),
                    "required": False,
                    "deliverable_hint": "PDF, 2 à 5 pages",
                },
                {
                    "key": "partage",
                    "kind": "multiple_choice",
                    "title": "Comment partagez-vous le projet avec les autres collectivités ?",
                    "help": (
                        "Ce que vous avez financé peut servir à d’autres. Un code source publié sous une "
                        "licence libre de la liste officielle (article D323-2-1 du CRPA) et bien documenté "
                        "permet à d’autres de le réutiliser et de l’améliorer."
                    ),
                    "required": False,
                    "choices": [
                        "Publication du code source sous licence libre",
                        "Documentation (installation, utilisation, retour d’expérience)",
                        "Publication des données produites en open data",
                        "Publication des règles de l’algorithme (article L312-1-3 du CRPA)",
                        "Déclaration du service dans le catalogue du portail",
                        "Présentation à d’autres collectivités (réseaux, intercommunalité, salons)",
                    ],
                },
                {
                    "key": "declaration_catalogue",
                    "kind": "link",
                    "title": "Déclarer le service dans le catalogue",
                    "help": (
                        "Indiquez dans le catalogue que votre collectivité utilise ce service : d’autres "
                        "pourront vous contacter et la communauté d’utilisateurs s’agrandira."
                    ),
                    "required": False,
                    "link": {"label": "Ouvrir le catalogue des services", "url": "/catalogue/"},
                },
                {
                    "key": "inventaire_algorithmes",
                    "kind": "checklist",
                    "title": "Le traitement figure à l’inventaire des algorithmes de la collectivité",
                    "help": (
                        "Si l’outil contribue à des décisions individuelles, inscrivez-le à l’inventaire de "
                        "vos principaux traitements algorithmiques (finalité, données utilisées, degré "
                        "d’automatisation, base légale) et publiez-en les règles si votre collectivité compte "
                        "50 agents ou plus en équivalents temps plein (ETP)."
                    ),
                    "required": False,
                },
            ],
        },
    ],
}
