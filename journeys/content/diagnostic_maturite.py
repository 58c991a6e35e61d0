"""Maturity diagnostic « Diagnostic de maturité données et IA » (content only, loaded by the journeys app).

Criteria are drawn, in our own words, from public frameworks: the Observatoire Data Publica barometers, the EY
barometer of territorial digital maturity, the OECD Digital Government Index and trustworthy-AI framework, the
EU ALTAI self-assessment list and the UNESCO readiness assessment methodology. Each question has four graded
answers (0 = not started … 3 = mature) and a weight (1–3).
"""

from common import ai_act

DIAGNOSTIC = {
    "slug": "maturite-ia-donnees",
    "name": "Diagnostic de maturité données et IA",
    "description": (
        "Trente questions pour situer votre collectivité sur six dimensions : stratégie, données, compétences, "
        "infrastructures, éthique et relation aux usagers. Répondez avec franchise, en pensant à ce qui se "
        "fait réellement aujourd’hui et non à ce qui est prévu. Le résultat n’est pas une note de valeur : "
        "il sert à repérer vos points d’appui et les chantiers prioritaires, avec des recommandations "
        "adaptées. Une petite commune peut obtenir un bon résultat en s’appuyant sur des outils et des "
        "compétences mutualisés."
    ),
    "dimensions": [
        {
            "key": "strategie",
            "name": "Stratégie et gouvernance",
            "description": (
                "La place des données et du numérique dans le projet politique, le pilotage des projets et "
                "la coopération avec les autres collectivités."
            ),
            "recommendations": [
                {
                    "below": 40,
                    "title": "Inscrire le sujet à l’ordre du jour des élus",
                    "text": (
                        "Désignez un élu et un agent référents, même à temps partiel, et consacrez un temps "
                        "d’échange en conseil ou en bureau aux usages des données. Partez de deux ou trois "
                        "irritants concrets des services plutôt que d’un grand plan : c’est plus mobilisateur "
                        "et plus réaliste."
                    ),
                    "links": [
                        {"label": "Lancer un premier projet", "url": "/ressources/demarrer-un-projet-ia/"},
                        {"label": "Services de gestion interne", "url": "/catalogue/?theme=administration"},
                    ],
                },
                {
                    "below": 70,
                    "title": "Écrire une feuille de route données et numérique",
                    "text": (
                        "Formalisez en quelques pages vos priorités, les projets de l’année et qui en est "
                        "responsable, puis faites-les valider par l’assemblée. Rapprochez-vous de votre "
                        "intercommunalité ou de votre syndicat informatique pour mutualiser ce qui peut l’être."
                    ),
                    "links": [
                        {"label": "Retours d’expérience de collectivités", "url": "/ressources/?type=cas-usage"},
                        {"label": "Services de données et d’open data", "url": "/catalogue/?theme=donnees"},
                    ],
                },
                {
                    "below": 90,
                    "title": "Évaluer et partager votre stratégie",
                    "text": (
                        "Suivez chaque année les indicateurs de votre feuille de route et rendez-en compte "
                        "publiquement. Partagez vos outils et vos méthodes avec d’autres territoires : la "
                        "coopération est l’un des points les moins avancés dans la plupart des collectivités."
                    ),
                    "links": [
                        {"label": "Participation citoyenne", "url": "/catalogue/?theme=participation-citoyenne"},
                        {"label": "Baromètres et rapports de référence", "url": "/ressources/?type=bibliographie"},
                    ],
                },
            ],
        },
        {
            "key": "donnees",
            "name": "Données",
            "description": (
                "La connaissance, la qualité, la maîtrise et l’usage des données de la collectivité, y compris "
                "leur ouverture au public."
            ),
            "recommendations": [
                {
                    "below": 40,
                    "title": "Faire l’inventaire de vos données",
                    "text": (
                        "Listez, service par service, les fichiers et logiciels qui contiennent des données, "
                        "avec un responsable pour chacun. Un simple tableur suffit pour commencer. Vérifiez "
                        "au passage que vos contrats vous permettent de récupérer vos données."
                    ),
                    "links": [
                        {"label": "Outils de données", "url": "/catalogue/?theme=donnees"},
                        {"label": "Ressources sur les données", "url": "/ressources/?theme=donnees"},
                    ],
                },
                {
                    "below": 70,
                    "title": "Fiabiliser les données clés et les utiliser pour piloter",
                    "text": (
                        "Choisissez deux ou trois jeux de données essentiels (patrimoine, voirie, effectifs, "
                        "consommations d’énergie…), documentez-les et organisez leur mise à jour. Construisez "
                        "ensuite un tableau de bord simple, discuté régulièrement avec les élus."
                    ),
                    "links": [
                        {"label": "Tableaux de bord et données", "url": "/catalogue/?theme=donnees"},
                        {"label": "Cartographie", "url": "/catalogue/?theme=cartographie"},
                    ],
                },
                {
                    "below": 90,
                    "title": "Ouvrir vos données par défaut",
                    "text": (
                        "Publiez régulièrement vos données d’intérêt public sur data.gouv.fr ou un portail "
                        "partenaire, dans des formats ouverts et documentés. C’est une obligation pour les "
                        "collectivités qui comptent à la fois au moins 3 500 habitants et 50 agents en "
                        "équivalents temps plein (ETP), et une bonne pratique pour toutes."
                    ),
                    "links": [
                        {"label": "Outils d’open data", "url": "/catalogue/?theme=donnees"},
                        {"label": "L’ouverture des données par défaut", "url": "/ressources/open-data-par-defaut/"},
                    ],
                },
            ],
        },
        {
            "key": "competences",
            "name": "Compétences et organisation",
            "description": (
                "Les savoir-faire des agents et des élus, la culture de la donnée, le temps disponible et "
                "l’organisation en mode projet."
            ),
            "recommendations": [
                {
                    "below": 40,
                    "title": "Sensibiliser élus et agents aux données et à l’IA",
                    "text": (
                        "Organisez une courte sensibilisation commune aux élus et aux agents : ce que sont les "
                        "données, ce que l’IA sait faire et ne sait pas faire, les risques. Depuis le "
                        f"2 février 2025, {ai_act.literacy_short()}."
                    ),
                    "links": [
                        {
                            "label": "La maîtrise de l’IA (règlement européen)",
                            "url": "/ressources/reglement-europeen-ia/",
                        },
                        {"label": "Inclusion numérique", "url": "/catalogue/?theme=inclusion-numerique"},
                    ],
                },
                {
                    "below": 70,
                    "title": "Identifier des référents et s’appuyer sur la mutualisation",
                    "text": (
                        "Repérez dans chaque service un agent à l’aise avec les données et donnez-lui du temps "
                        "pour aider ses collègues. Pour les compétences rares (juridique, sécurité, "
                        "développement), appuyez-vous sur l’intercommunalité, un syndicat informatique ou le "
                        "centre de gestion."
                    ),
                    "links": [
                        {"label": "Retours d’expérience de collectivités", "url": "/ressources/?type=cas-usage"},
                        {"label": "Services de gestion interne", "url": "/catalogue/?theme=administration"},
                    ],
                },
                {
                    "below": 90,
                    "title": "Installer le mode projet et encadrer l’IA générative",
                    "text": (
                        "Généralisez les binômes entre un agent métier et un agent technique, avec un temps "
                        "dédié. Fournissez des outils d’IA générative validés et des règles d’usage claires "
                        "(quelles données ne jamais saisir, vérification systématique des résultats)."
                    ),
                    "links": [
                        {
                            "label": "Services d’intelligence artificielle",
                            "url": "/catalogue/?theme=intelligence-artificielle",
                        },
                        {"label": "Guides pratiques", "url": "/ressources/?type=guide"},
                    ],
                },
            ],
        },
        {
            "key": "infrastructures",
            "name": "Infrastructures et outils",
            "description": (
                "L’hébergement, la sécurité numérique, la dématérialisation, l’interopérabilité des outils "
                "et l’équipement des agents."
            ),
            "recommendations": [
                {
                    "below": 40,
                    "title": "Sécuriser les bases avant tout nouveau projet",
                    "text": (
                        "Mettez en place des sauvegardes déconnectées et testez leur restauration, appliquez "
                        "les mises à jour et sensibilisez les agents au hameçonnage. En cas d’incident, "
                        "cybermalveillance.gouv.fr et, s’il existe, le centre régional de réponse aux incidents "
                        "cyber peuvent vous aider."
                    ),
                    "links": [
                        {"label": "Services de sécurité numérique", "url": "/catalogue/?theme=securite-numerique"},
                        {
                            "label": "Ressources sur la sécurité numérique",
                            "url": "/ressources/?theme=securite-numerique",
                        },
                    ],
                },
                {
                    "below": 70,
                    "title": "Maîtriser l’hébergement et faire communiquer les outils",
                    "text": (
                        "Sachez où sont hébergées vos données et sous quel contrat, de préférence dans l’Union "
                        "européenne. Lors du renouvellement des logiciels, exigez des formats ouverts et des "
                        "interfaces (API) pour éviter les ressaisies entre outils."
                    ),
                    "links": [
                        {"label": "Services de gestion interne", "url": "/catalogue/?theme=administration"},
                        {
                            "label": "Acheter en gardant la maîtrise des données",
                            "url": "/ressources/commande-publique-ia-donnees/",
                        },
                    ],
                },
                {
                    "below": 90,
                    "title": "Dématérialiser de bout en bout, sobrement",
                    "text": (
                        "Traitez les démarches en ligne jusqu’au bout, sans impression ni ressaisie, et "
                        "allongez la durée de vie du matériel. Les services publics libres du catalogue "
                        "permettent souvent de mutualiser l’hébergement avec d’autres collectivités."
                    ),
                    "links": [
                        {"label": "Relation aux usagers", "url": "/catalogue/?theme=relation-usagers"},
                        {
                            "label": "L’empreinte environnementale du numérique",
                            "url": "/ressources/empreinte-environnementale-ia/",
                        },
                    ],
                },
            ],
        },
        {
            "key": "ethique",
            "name": "Éthique et cadre juridique",
            "description": (
                "La protection des données personnelles, la transparence des algorithmes, la maîtrise des "
                "risques de l’IA et la prise en compte de l’impact environnemental."
            ),
            "recommendations": [
                {
                    "below": 40,
                    "title": "Mettre en place le socle RGPD",
                    "text": (
                        "Vérifiez qu’un délégué à la protection des données (DPO) est désigné : c’est "
                        "obligatoire pour toute collectivité, et il peut être mutualisé. Avec lui, tenez à "
                        "jour le registre des traitements et associez-le à chaque nouveau projet."
                    ),
                    "links": [
                        {"label": "Le RGPD et l’analyse d’impact", "url": "/ressources/rgpd-et-aipd/"},
                        {"label": "Sécurité numérique", "url": "/catalogue/?theme=securite-numerique"},
                    ],
                },
                {
                    "below": 70,
                    "title": "Recenser vos algorithmes et vos systèmes d’IA",
                    "text": (
                        "Dressez l’inventaire des traitements algorithmiques qui contribuent à des décisions "
                        "individuelles (tarifs, attributions d’aides ou de places) et des outils d’IA utilisés. "
                        "Ajoutez la mention explicite prévue par le code des relations entre le public et "
                        "l’administration sur les décisions concernées, et classez les outils d’IA selon les "
                        "niveaux de risque du règlement européen."
                    ),
                    "links": [
                        {
                            "label": "Recenser les algorithmes de la collectivité",
                            "url": "/ressources/inventaire-algorithmes-publics/",
                        },
                        {
                            "label": "Services d’intelligence artificielle",
                            "url": "/catalogue/?theme=intelligence-artificielle",
                        },
                    ],
                },
                {
                    "below": 90,
                    "title": "Évaluer les risques et l’empreinte de chaque projet",
                    "text": (
                        "Utilisez systématiquement le cadrage éthique du parcours pour les projets sensibles, "
                        "en associant des personnes concernées. Intégrez l’écoconception (référentiel général "
                        "d’écoconception de services numériques, RGESN) dans vos cahiers des charges."
                    ),
                    "links": [
                        {
                            "label": "L’empreinte environnementale de l’IA",
                            "url": "/ressources/empreinte-environnementale-ia/",
                        },
                        {"label": "Le cadre éthique et juridique", "url": "/ressources/?type=cadre"},
                    ],
                },
            ],
        },
        {
            "key": "usagers",
            "name": "Relation aux usagers et lien humain",
            "description": (
                "La place des habitants dans la conception des services, l’accessibilité, l’information sur "
                "les algorithmes et le maintien d’un contact humain."
            ),
            "recommendations": [
                {
                    "below": 40,
                    "title": "Garantir un contact humain pour chaque démarche",
                    "text": (
                        "Assurez-vous qu’aucune démarche n’est accessible uniquement en ligne : un accueil, "
                        "un numéro de téléphone ou un rendez-vous doivent rester possibles. Orientez les "
                        "personnes en difficulté vers France services ou un conseiller numérique."
                    ),
                    "links": [
                        {"label": "Inclusion numérique", "url": "/catalogue/?theme=inclusion-numerique"},
                        {"label": "Relation aux usagers", "url": "/catalogue/?theme=relation-usagers"},
                    ],
                },
                {
                    "below": 70,
                    "title": "Associer les usagers et rendre les services accessibles",
                    "text": (
                        "Testez chaque nouveau service avec quelques usagers, dont des personnes âgées ou en "
                        "situation de handicap. Publiez une déclaration d’accessibilité et un plan d’actions "
                        "conforme au référentiel général d’amélioration de l’accessibilité (RGAA)."
                    ),
                    "links": [
                        {"label": "Participation citoyenne", "url": "/catalogue/?theme=participation-citoyenne"},
                        {
                            "label": "L’accessibilité numérique (RGAA)",
                            "url": "/ressources/accessibilite-numerique-rgaa/",
                        },
                    ],
                },
                {
                    "below": 90,
                    "title": "Informer clairement et mesurer la satisfaction",
                    "text": (
                        "Dites aux usagers, en langage simple, quand un algorithme ou une IA intervient et "
                        "comment obtenir une explication ou un réexamen par un agent. Mesurez régulièrement "
                        "leur satisfaction et publiez les améliorations apportées."
                    ),
                    "links": [
                        {"label": "Relation aux usagers", "url": "/catalogue/?theme=relation-usagers"},
                        {
                            "label": "Ressources sur la relation aux usagers",
                            "url": "/ressources/?theme=relation-usagers",
                        },
                    ],
                },
            ],
        },
    ],
    "questions": [
        # --- Stratégie et gouvernance ---------------------------------------------------------------
        {
            "key": "strat-0",
            "dimension": "strategie",
            "text": "Quels outils de données ou d’IA la collectivité utilise-t-elle déjà ?",
            "help": (
                "Pour situer le point de départ : retenez ce qui est en service aujourd’hui, même à petite "
                "échelle, y compris dans un logiciel métier ou chez l’intercommunalité."
            ),
            "weight": 1,
            "choices": [
                {"label": "Aucun : des logiciels de bureautique et de gestion seulement", "score": 0},
                {"label": "Des tableaux de suivi ou des exports de nos logiciels métier", "score": 1},
                {
                    "label": "Des outils de données partagés : tableau de bord, carte (SIG), portail open data",
                    "score": 2,
                },
                {"label": "Des outils de données et au moins un outil d’IA en service, recensés", "score": 3},
            ],
        },
        {
            "key": "strat-1",
            "dimension": "strategie",
            "text": "Les données et le numérique figurent-ils dans les orientations politiques de la collectivité ?",
            "help": "Projet de mandat, schéma directeur du numérique, feuille de route, délibération…",
            "weight": 3,
            "choices": [
                {"label": "Non, le sujet n’a pas été abordé", "score": 0},
                {"label": "Le sujet a été évoqué, sans orientation écrite", "score": 1},
                {"label": "Des orientations figurent dans un document adopté", "score": 2},
                {"label": "Une stratégie est adoptée, suivie et mise à jour", "score": 3},
            ],
        },
        {
            "key": "strat-2",
            "dimension": "strategie",
            "text": "Un élu et un agent référents sont-ils désignés pour les données et le numérique ?",
            "help": (
                "Dans une petite commune, l’agent référent peut être celui de l’intercommunalité ou d’un syndicat."
            ),
            "weight": 2,
            "choices": [
                {"label": "Personne n’est désigné", "score": 0},
                {"label": "Un élu ou un agent s’en occupe de façon informelle", "score": 1},
                {"label": "Un élu et un agent sont désignés", "score": 2},
                {"label": "Ils sont désignés, disposent de temps et rendent compte régulièrement", "score": 3},
            ],
        },
        {
            "key": "strat-3",
            "dimension": "strategie",
            "text": "Les projets numériques partent-ils des besoins des services et des habitants ?",
            "help": "Plutôt que d’une offre commerciale ou d’une mode technologique.",
            "weight": 2,
            "choices": [
                {"label": "Les outils sont surtout choisis au gré des offres", "score": 0},
                {"label": "Parfois, au cas par cas", "score": 1},
                {"label": "Souvent, avec une expression du besoin écrite", "score": 2},
                {"label": "Toujours, avec des objectifs et des indicateurs suivis", "score": 3},
            ],
        },
        {
            "key": "strat-4",
            "dimension": "strategie",
            "text": "Existe-t-il des règles de gouvernance des données ?",
            "help": (
                "Qui produit chaque donnée, qui en est responsable, qui peut y accéder, et ce que prévoient "
                "les contrats avec les prestataires et délégataires."
            ),
            "weight": 2,
            "choices": [
                {"label": "Non", "score": 0},
                {"label": "Quelques habitudes, non écrites", "score": 1},
                {"label": "Des règles écrites pour certains domaines", "score": 2},
                {"label": "Des règles communes, connues des agents et reprises dans les contrats", "score": 3},
            ],
        },
        {
            "key": "strat-5",
            "dimension": "strategie",
            "text": "La collectivité coopère-t-elle avec d’autres territoires sur le numérique ?",
            "help": "Intercommunalité, syndicat informatique, groupement de commandes, partage d’outils libres…",
            "weight": 1,
            "choices": [
                {"label": "Non", "score": 0},
                {"label": "Des échanges ponctuels", "score": 1},
                {"label": "Des achats ou des outils sont mutualisés", "score": 2},
                {"label": "Une coopération organisée, avec des outils et des compétences partagés", "score": 3},
            ],
        },
        # --- Données ---------------------------------------------------------------------------------
        {
            "key": "don-1",
            "dimension": "donnees",
            "text": "Savez-vous quelles données la collectivité détient et où elles se trouvent ?",
            "help": "Un inventaire, même dans un simple tableur, est le point de départ de tout projet.",
            "weight": 3,
            "choices": [
                {"label": "Non, nous n’avons pas de vision d’ensemble", "score": 0},
                {"label": "Chaque service connaît ses propres fichiers", "score": 1},
                {"label": "Un inventaire partiel existe", "score": 2},
                {"label": "Un inventaire est tenu à jour, avec un responsable par jeu de données", "score": 3},
            ],
        },
        {
            "key": "don-2",
            "dimension": "donnees",
            "text": "Les données utilisées au quotidien sont-elles fiables ?",
            "help": (
                "Pensez aux doublons, aux informations manquantes ou périmées, aux formats difficiles à exploiter."
            ),
            "weight": 2,
            "choices": [
                {"label": "Souvent incomplètes, en double ou difficiles à exploiter", "score": 0},
                {"label": "Correctes dans certains services seulement", "score": 1},
                {"label": "Globalement fiables, avec quelques contrôles", "score": 2},
                {"label": "Fiables, documentées et contrôlées régulièrement", "score": 3},
            ],
        },
        {
            "key": "don-3",
            "dimension": "donnees",
            "text": "Pouvez-vous récupérer facilement les données de vos logiciels et de vos prestataires ?",
            "help": (
                "Un format ouvert (CSV, par exemple) se lit avec n’importe quel outil. La réversibilité est la "
                "possibilité de récupérer ses données en changeant de prestataire."
            ),
            "weight": 2,
            "choices": [
                {"label": "Non, ou nous ne savons pas", "score": 0},
                {"label": "Pour certains logiciels, avec difficulté", "score": 1},
                {"label": "Oui, dans des formats ouverts, pour la plupart des logiciels", "score": 2},
                {
                    "label": "Oui, et les contrats garantissent la propriété et la réversibilité des données",
                    "score": 3,
                },
            ],
        },
        {
            "key": "don-4",
            "dimension": "donnees",
            "text": "Les données servent-elles à piloter et à évaluer les politiques publiques ?",
            "help": "Tableaux de bord, suivi d’indicateurs, cartes, études avant une décision…",
            "weight": 2,
            "choices": [
                {"label": "Rarement", "score": 0},
                {"label": "Quelques tableaux de suivi ponctuels", "score": 1},
                {"label": "Des tableaux de bord réguliers dans plusieurs services", "score": 2},
                {"label": "Les données éclairent systématiquement les décisions et leur évaluation", "score": 3},
            ],
        },
        {
            "key": "don-5",
            "dimension": "donnees",
            "text": "La collectivité publie-t-elle des données ouvertes (open data) ?",
            "help": (
                "Obligatoire pour les collectivités d’au moins 3 500 habitants employant aussi au moins 50 agents "
                "en ETP (article L312-1-1 du CRPA) ; utile à toutes, par exemple avec l’appui de "
                "l’intercommunalité."
            ),
            "weight": 1,
            "choices": [
                {"label": "Non", "score": 0},
                {"label": "Quelques jeux de données, de façon ponctuelle", "score": 1},
                {"label": "Une publication régulière sur data.gouv.fr ou un portail partenaire", "score": 2},
                {"label": "Une publication par défaut, à jour, avec un suivi des réutilisations", "score": 3},
            ],
        },
        # --- Compétences et organisation -------------------------------------------------------------
        {
            "key": "comp-1",
            "dimension": "competences",
            "text": "Les agents sont-ils à l’aise avec l’usage des données ?",
            "help": "Tableur, tableaux de bord, cartes, extraction de données depuis les logiciels métier.",
            "weight": 2,
            "choices": [
                {"label": "Peu d’agents le sont", "score": 0},
                {"label": "Quelques agents, de façon isolée", "score": 1},
                {"label": "Dans la plupart des services, au moins un agent", "score": 2},
                {"label": "Largement, avec des formations régulières", "score": 3},
            ],
        },
        {
            "key": "comp-2",
            "dimension": "competences",
            "text": "Les élus et les agents ont-ils été sensibilisés à l’intelligence artificielle ?",
            "help": (
                "Fonctionnement, limites, erreurs possibles, biais et risques. Depuis le 2 février 2025, "
                f"{ai_act.literacy_short()}."
            ),
            "weight": 3,
            "choices": [
                {"label": "Non", "score": 0},
                {"label": "Quelques personnes, de leur propre initiative", "score": 1},
                {"label": "Une sensibilisation a été proposée aux agents concernés", "score": 2},
                {"label": "Élus et agents sont formés, avec un programme suivi", "score": 3},
            ],
        },
        {
            "key": "comp-3",
            "dimension": "competences",
            "text": "Pouvez-vous mobiliser des compétences techniques, internes ou mutualisées ?",
            "help": "Informatique, données, sécurité, juridique : peu importe qu’elles soient chez vous ou partagées.",
            "weight": 2,
            "choices": [
                {"label": "Aucune", "score": 0},
                {"label": "Un prestataire, au cas par cas", "score": 1},
                {
                    "label": (
                        "Un appui mutualisé (intercommunalité, syndicat, centre de gestion) ou un agent identifié"
                    ),
                    "score": 2,
                },
                {"label": "Une équipe ou un réseau de compétences mobilisable facilement", "score": 3},
            ],
        },
        {
            "key": "comp-4",
            "dimension": "competences",
            "text": "L’organisation laisse-t-elle du temps pour mener des projets ?",
            "help": "Un projet numérique réussi demande un chef de projet identifié et du temps des agents métier.",
            "weight": 2,
            "choices": [
                {"label": "Aucun temps dédié", "score": 0},
                {"label": "Sur le temps que les agents motivés parviennent à dégager", "score": 1},
                {"label": "Un temps identifié pour un chef de projet", "score": 2},
                {"label": "Le mode projet est habituel, avec un binôme métier et technique", "score": 3},
            ],
        },
        {
            "key": "comp-5",
            "dimension": "competences",
            "text": "Dans quel cadre les agents utilisent-ils des outils d’IA générative ?",
            "help": (
                "Les outils d’IA générative produisent du texte ou des images (agents conversationnels, aide à "
                "la rédaction). Saisir des données personnelles dans un outil grand public peut les exposer."
            ),
            "weight": 1,
            "choices": [
                {"label": "Nous ne savons pas si des agents en utilisent", "score": 0},
                {"label": "Des agents en utilisent individuellement, sans règles", "score": 1},
                {"label": "Des règles d’usage ont été diffusées", "score": 2},
                {"label": "Des outils validés sont fournis, avec règles d’usage et formation", "score": 3},
                # Checked, nobody uses them: nothing to frame, the question does not lower the score.
                {"label": "Personne ne les utilise, c’est vérifié", "score": None},
            ],
        },
        # --- Infrastructures et outils ---------------------------------------------------------------
        {
            "key": "infra-1",
            "dimension": "infrastructures",
            "text": "L’hébergement de vos logiciels et de vos données est-il maîtrisé ?",
            "help": "Savoir où sont les données, sous quel contrat, et comment elles sont sauvegardées.",
            "weight": 2,
            "choices": [
                {"label": "Nous ne savons pas où sont hébergées nos données", "score": 0},
                {
                    "label": "Hébergement connu mais subi (serveur local sans sauvegarde, outils grand public)",
                    "score": 1,
                },
                {
                    "label": "Hébergement chez un prestataire ou un opérateur public identifié, avec contrat",
                    "score": 2,
                },
                {
                    "label": "Hébergement choisi dans l’Union européenne, avec réversibilité et sauvegardes testées",
                    "score": 3,
                },
            ],
        },
        {
            "key": "infra-2",
            "dimension": "infrastructures",
            "text": "Où en est la sécurité numérique de la collectivité ?",
            "help": (
                "Une attaque par rançongiciel peut paralyser une mairie pendant des semaines ; les petites "
                "communes sont aussi visées."
            ),
            "weight": 3,
            "choices": [
                {"label": "Pas de mesures particulières", "score": 0},
                {"label": "Antivirus et sauvegardes, sans plan d’ensemble", "score": 1},
                {"label": "Sauvegardes déconnectées testées, mises à jour suivies, agents sensibilisés", "score": 2},
                {"label": "Plan de sécurité suivi, exercice de crise, contacts d’urgence identifiés", "score": 3},
            ],
        },
        {
            "key": "infra-3",
            "dimension": "infrastructures",
            "text": "Les démarches sont-elles traitées en ligne de bout en bout ?",
            "help": "Sans impression ni ressaisie par les agents, avec des échanges de données entre administrations.",
            "weight": 1,
            "choices": [
                {"label": "Non, elles sont surtout traitées sur papier", "score": 0},
                {"label": "Des formulaires en ligne sont ressaisis par les agents", "score": 1},
                {"label": "Plusieurs démarches sont traitées entièrement en ligne", "score": 2},
                {"label": "La plupart, avec des échanges automatiques de données entre administrations", "score": 3},
            ],
        },
        {
            "key": "infra-4",
            "dimension": "infrastructures",
            "text": "Vos outils échangent-ils des données entre eux ?",
            "help": (
                "C’est l’interopérabilité. Une API (interface de programmation) permet à deux logiciels "
                "d’échanger des données automatiquement."
            ),
            "weight": 2,
            "choices": [
                {"label": "Non, chaque logiciel est isolé", "score": 0},
                {"label": "Par quelques exports manuels", "score": 1},
                {"label": "Des échanges automatiques existent entre certains outils", "score": 2},
                {"label": "Nos outils reposent sur des formats ouverts et des API documentées", "score": 3},
            ],
        },
        {
            "key": "infra-5",
            "dimension": "infrastructures",
            "text": "L’équipement et la connexion des agents sont-ils adaptés ?",
            "help": "Postes de travail, connexion internet, outils collaboratifs, renouvellement du matériel.",
            "weight": 1,
            "choices": [
                {"label": "Équipement ou connexion insuffisants", "score": 0},
                {"label": "Suffisants pour la bureautique seulement", "score": 1},
                {"label": "Adaptés à la plupart des usages", "score": 2},
                {"label": "Adaptés, avec un renouvellement raisonné (durée de vie allongée, réemploi)", "score": 3},
            ],
        },
        # --- Éthique et cadre juridique --------------------------------------------------------------
        {
            "key": "eth-1",
            "dimension": "ethique",
            "text": "La collectivité a-t-elle un délégué à la protection des données (DPO) et un registre à jour ?",
            "help": (
                "Toute autorité publique doit désigner un DPO (article 37 du RGPD) ; il peut être mutualisé. "
                "Le registre recense tous les traitements de données personnelles."
            ),
            "weight": 3,
            "choices": [
                {"label": "Ni l’un ni l’autre, ou nous ne savons pas", "score": 0},
                {"label": "Un DPO est désigné, mais le registre est incomplet", "score": 1},
                {"label": "Un DPO, éventuellement mutualisé, et un registre à jour", "score": 2},
                {"label": "Le DPO est associé à chaque projet et les analyses d’impact sont réalisées", "score": 3},
            ],
        },
        {
            "key": "eth-2",
            "dimension": "ethique",
            "text": "Connaissez-vous les algorithmes qui contribuent à des décisions individuelles ?",
            "help": (
                "Calcul d’un tarif de cantine, attribution d’une place en crèche ou d’une aide : même un "
                "tableur de calcul est un traitement algorithmique au sens du CRPA."
            ),
            "weight": 2,
            "choices": [
                {"label": "Non", "score": 0},
                {"label": "Quelques-uns sont identifiés", "score": 1},
                {"label": "Un inventaire existe", "score": 2},
                {"label": "Inventaire à jour, mention sur les décisions et règles publiées", "score": 3},
                {"label": "Non concerné : aucune décision individuelle ne s’appuie sur un algorithme", "score": None},
            ],
        },
        {
            "key": "eth-3",
            "dimension": "ethique",
            "text": "Évaluez-vous les risques d’un projet avant de le lancer ?",
            "help": (
                "Erreurs, biais et discriminations, atteinte à la vie privée, sécurité, dépendance à un fournisseur."
            ),
            "weight": 2,
            "choices": [
                {"label": "Jamais", "score": 0},
                {"label": "Au cas par cas, sans méthode", "score": 1},
                {"label": "Une grille d’analyse est utilisée pour les projets sensibles", "score": 2},
                {"label": "Toujours, avec les personnes concernées et un suivi après le lancement", "score": 3},
            ],
        },
        {
            "key": "eth-4",
            "dimension": "ethique",
            "text": "Connaissez-vous les obligations du règlement européen sur l’IA (AI Act) ?",
            "help": (
                "Le règlement (UE) 2024/1689 classe les systèmes d’IA par niveau de risque ; ses obligations "
                f"entrent en application par étapes entre {ai_act.years_span()} (voir le calendrier de la fiche "
                "sur le règlement européen)."
            ),
            "weight": 2,
            "choices": [
                {"label": "Non", "score": 0},
                {"label": "De nom seulement", "score": 1},
                {"label": "Les principales obligations sont connues et les outils d’IA recensés", "score": 2},
                {
                    "label": "Les outils d’IA sont recensés, classés par niveau de risque, avec des responsables",
                    "score": 3,
                },
            ],
        },
        {
            "key": "eth-5",
            "dimension": "ethique",
            "text": "L’impact environnemental du numérique pèse-t-il dans vos choix ?",
            "help": (
                "Fabrication du matériel, énergie consommée, taille des modèles d’IA. Le référentiel général "
                "d’écoconception de services numériques (RGESN) donne des critères concrets."
            ),
            "weight": 1,
            "choices": [
                {"label": "Non", "score": 0},
                {"label": "Ponctuellement", "score": 1},
                {"label": "Des critères de sobriété figurent dans les achats et les projets", "score": 2},
                {"label": "Une démarche de numérique responsable est suivie et évaluée", "score": 3},
            ],
        },
        # --- Relation aux usagers et lien humain -----------------------------------------------------
        {
            "key": "usa-1",
            "dimension": "usagers",
            "text": "Les habitants sont-ils associés à la conception des services ?",
            "help": "Ateliers, tests avec des usagers variés, y compris des personnes éloignées du numérique.",
            "weight": 2,
            "choices": [
                {"label": "Jamais", "score": 0},
                {"label": "Ils sont informés une fois le service lancé", "score": 1},
                {"label": "Ils sont consultés ou testent certains services", "score": 2},
                {"label": "Ils sont associés régulièrement, de la conception à l’évaluation", "score": 3},
            ],
        },
        {
            "key": "usa-2",
            "dimension": "usagers",
            "text": "Un contact humain reste-t-il possible pour chaque démarche proposée en ligne ?",
            "help": "Guichet, téléphone, rendez-vous, France services ou conseiller numérique.",
            "weight": 3,
            "choices": [
                {"label": "Non, certaines démarches se font uniquement en ligne", "score": 0},
                {"label": "Oui, mais difficile d’accès (horaires, délais)", "score": 1},
                {"label": "Oui, au guichet ou par téléphone", "score": 2},
                {"label": "Oui, avec un accompagnement organisé pour les personnes en difficulté", "score": 3},
            ],
        },
        {
            "key": "usa-3",
            "dimension": "usagers",
            "text": "Vos services en ligne sont-ils accessibles aux personnes en situation de handicap ?",
            "help": (
                "Les sites et applications publics doivent respecter le référentiel général d’amélioration de "
                "l’accessibilité (RGAA) et publier une déclaration d’accessibilité."
            ),
            "weight": 2,
            "choices": [
                {"label": "Nous ne savons pas", "score": 0},
                {"label": "Aucune déclaration d’accessibilité n’est publiée", "score": 1},
                {"label": "Une déclaration est publiée après un audit", "score": 2},
                {"label": "La conformité est suivie, avec un schéma pluriannuel et un plan d’actions", "score": 3},
            ],
        },
        {
            "key": "usa-4",
            "dimension": "usagers",
            "text": "Les usagers savent-ils quand un algorithme ou une IA intervient ?",
            "help": "Mention sur les décisions, information sur le site, annonce claire quand un robot répond.",
            "weight": 2,
            "choices": [
                {"label": "Non", "score": 0},
                {"label": "Parfois", "score": 1},
                {"label": "Oui, une mention figure sur les décisions concernées", "score": 2},
                {"label": "Oui, avec une explication sur demande et un réexamen possible par un agent", "score": 3},
                {
                    "label": "Non concerné : aucun algorithme ni aucune IA n’intervient auprès des usagers",
                    "score": None,
                },
            ],
        },
        {
            "key": "usa-5",
            "dimension": "usagers",
            "text": "Mesurez-vous la satisfaction et les difficultés des usagers ?",
            "help": "Avis après une démarche, analyse des réclamations, enquêtes.",
            "weight": 1,
            "choices": [
                {"label": "Non", "score": 0},
                {"label": "À travers les remarques spontanées", "score": 1},
                {"label": "Par des enquêtes ponctuelles", "score": 2},
                {"label": "Régulièrement, avec des améliorations rendues publiques", "score": 3},
            ],
        },
    ],
}
