"""Demo content of the catalogue: the themes (shared vocabulary) and real open-source public digital services.

Names, addresses, licences and publishers are facts (SILL 2022 data under Licence Ouverte 2.0, the projects'
own licence files); every description is written for this portal. Loaded by CatalogueConfig.bootstrap().
"""

from catalogue.enums import Accessibility, CostModel, Hosting, Maturity, PublisherKind

# Shared with journeys and their content (see docs/catalogue.md): slug → label, in display order.
THEMES = [
    ("donnees", "Données et open data"),
    ("intelligence-artificielle", "Intelligence artificielle"),
    ("relation-usagers", "Relation aux usagers"),
    ("participation-citoyenne", "Participation citoyenne"),
    ("urbanisme-amenagement", "Urbanisme et aménagement"),
    ("environnement-energie", "Environnement et énergie"),
    ("mobilite", "Mobilités"),
    ("administration", "Administration et gestion interne"),
    ("finances-achats", "Finances et commande publique"),
    ("social-solidarites", "Action sociale et solidarités"),
    ("education-jeunesse", "Éducation et jeunesse"),
    ("cartographie", "Cartographie et information géographique"),
    ("securite-numerique", "Sécurité numérique"),
    ("inclusion-numerique", "Inclusion numérique"),
    ("culture-tourisme", "Culture et tourisme"),
]

# Words a reader types for a theme without using its name (acronyms, synonyms): searched with the theme's
# services, so « SIG » finds the GIS tools. Kept here, with the themes they belong to.
THEME_KEYWORDS = {
    "cartographie": "SIG système d’information géographique carte cartographique",
    "intelligence-artificielle": "IA",
    "donnees": "open data données ouvertes tableau de bord",
    "relation-usagers": "GRC démarches en ligne",
    "participation-citoyenne": "concertation consultation",
    "securite-numerique": "cybersécurité",
}

PUBLISHERS = {
    "DINUM": (PublisherKind.DINUM, "https://www.numerique.gouv.fr"),
    "ANCT": (PublisherKind.ANCT, "https://agence-cohesion-territoires.gouv.fr"),
    "Ministère chargé du Logement": (PublisherKind.MINISTERE, "https://www.ecologie.gouv.fr"),
    "Entr’ouvert": (PublisherKind.ENTREPRISE, "https://www.entrouvert.com"),
    "Association Decidim": (PublisherKind.ASSOCIATION, "https://decidim.org"),
    "QGIS.org": (PublisherKind.ASSOCIATION, "https://qgis.org"),
    "3Liz": (PublisherKind.ENTREPRISE, "https://www.3liz.com"),
    "Communauté uMap": (PublisherKind.AUTRE, "https://umap-project.org"),
    "Grist Labs": (PublisherKind.ENTREPRISE, "https://www.getgrist.com"),
    "Nextcloud GmbH": (PublisherKind.ENTREPRISE, "https://nextcloud.com"),
    "Teclib’": (PublisherKind.ENTREPRISE, "https://www.teclib.com"),
    "The Document Foundation": (PublisherKind.ASSOCIATION, "https://www.documentfoundation.org"),
    "InnoCraft": (PublisherKind.ENTREPRISE, "https://matomo.org"),
    "Communauté OpenFisca": (PublisherKind.AUTRE, "https://openfisca.org"),
    "8x8": (PublisherKind.ENTREPRISE, "https://jitsi.org"),
    "Framasoft": (PublisherKind.ASSOCIATION, "https://framasoft.org"),
    "LimeSurvey GmbH": (PublisherKind.ENTREPRISE, "https://www.limesurvey.org"),
    "BigBlueButton Inc.": (PublisherKind.ENTREPRISE, "https://bigbluebutton.org"),
    "Communauté SPIP": (PublisherKind.ASSOCIATION, "https://www.spip.net"),
    "Metabase": (PublisherKind.ENTREPRISE, "https://www.metabase.com"),
    "Collabora Productivity": (PublisherKind.ENTREPRISE, "https://www.collaboraonline.com"),
    "Moodle HQ": (PublisherKind.ENTREPRISE, "https://moodle.com"),
}

ALL_KINDS = ["commune", "epci", "departement", "region"]
LOCAL = ["commune", "epci"]
ALL_SIZES = ["moins-3500", "3500-20000", "20000-100000", "plus-100000"]
NOT_SMALL = ["3500-20000", "20000-100000", "plus-100000"]

SERVICES = [
    {
        "name": "Démarches Simplifiées",
        "slug": "demarches-simplifiees",
        "pitch": (
            "Créer en quelques heures un formulaire en ligne et instruire les dossiers reçus, sans développement."
        ),
        "description": (
            "Démarches Simplifiées permet à une administration de dématérialiser une procédure\u00a0: l’agent compose "
            "le formulaire (champs, pièces justificatives, conditions), le publie, puis instruit les dossiers dans "
            "un espace de travail partagé avec ses collègues.\n\n"
            "**Exemples en collectivité**\u00a0: demandes de subvention des associations, "
            "inscriptions au périscolaire, "
            "autorisations d’occupation du domaine public, appels à projets.\n\n"
            "- messagerie avec l’usager dans chaque dossier\u00a0;\n"
            "- annotations privées et avis demandés à des experts\u00a0;\n"
            "- export des données en tableur pour le suivi."
        ),
        "publisher": "DINUM",
        "licence": "AGPL-3.0-only",
        "source_code_url": "https://github.com/demarches-simplifiees/demarches-simplifiees.fr",
        "website": "https://www.demarches-simplifiees.fr",
        "maturity": Maturity.GENERALISE,
        "hosting": Hosting.ONLINE,
        "themes": ["relation-usagers", "administration"],
        "kinds": ALL_KINDS,
        "sizes": ALL_SIZES,
        "processes_personal_data": True,
        "accessibility": Accessibility.PARTIAL,
        "cost_model": CostModel.FREE,
        "cost_note": "Gratuit pour les administrations et les collectivités.",
    },
    {
        "name": "Publik",
        "slug": "publik",
        "pitch": (
            "Une plateforme complète de relation usagers\u00a0: compte "
            "citoyen, démarches en ligne et gestion de la relation."
        ),
        "description": (
            "Publik réunit en une seule plateforme le portail des démarches d’une collectivité, le compte "
            "personnel des habitants et le suivi des demandes par les services (gestion de la relation usager).\n\n"
            "Il est utilisé par des villes, des métropoles et des départements qui veulent un guichet numérique "
            "unique, connecté à leurs logiciels métier et à FranceConnect. Le logiciel est libre\u00a0; l’éditeur "
            "propose l’hébergement et l’accompagnement."
        ),
        "publisher": "Entr’ouvert",
        # Several components: w.c.s. (GPL-2.0-or-later) and authentic2 (AGPL-3.0-or-later), among others.
        "licence": "GPL-2.0-or-later AND AGPL-3.0-or-later",
        "source_code_url": "https://git.entrouvert.org/entrouvert",
        "website": "https://publik.entrouvert.com",
        "maturity": Maturity.GENERALISE,
        "hosting": Hosting.BOTH,
        "themes": ["relation-usagers", "administration"],
        "kinds": ALL_KINDS,
        "sizes": NOT_SMALL,
        "processes_personal_data": True,
        "cost_model": CostModel.SUBSCRIPTION,
        "cost_note": "Hébergement et accompagnement par l’éditeur sur abonnement\u00a0; installation libre possible.",
    },
    {
        "name": "Decidim",
        "slug": "decidim",
        "pitch": (
            "Organiser la participation citoyenne\u00a0: budgets participatifs, consultations, "
            "concertations et débats."
        ),
        "description": (
            "Decidim est une plateforme de démocratie participative née à Barcelone et utilisée par de nombreuses "
            "collectivités françaises. Elle couvre tout le cycle d’une concertation\u00a0: "
            "propositions des habitants, "
            "votes, réunions publiques, suivi de la mise en œuvre des décisions.\n\n"
            "**Pour quoi faire**\u00a0:\n\n"
            "- un budget participatif avec dépôt et vote de projets\u00a0;\n"
            "- une consultation sur un plan local d’urbanisme\u00a0;\n"
            "- une assemblée citoyenne ou un conseil de quartier en ligne.\n\n"
            "Le logiciel s’installe sur un serveur de la collectivité ou chez un prestataire spécialisé."
        ),
        "publisher": "Association Decidim",
        "licence": "AGPL-3.0-only",
        "source_code_url": "https://github.com/decidim/decidim",
        "website": "https://decidim.org/fr/",
        "maturity": Maturity.GENERALISE,
        "hosting": Hosting.SELF_HOSTED,
        "themes": ["participation-citoyenne"],
        "kinds": ALL_KINDS,
        "sizes": NOT_SMALL,
        "processes_personal_data": True,
        "cost_model": CostModel.FREE_SELF_HOSTED,
    },
    {
        "name": "QGIS",
        "slug": "qgis",
        "pitch": (
            "Le logiciel de référence pour produire, analyser et publier des cartes et des données géographiques."
        ),
        "description": (
            "QGIS est un système d’information géographique de bureau. Les services urbanisme, réseaux, "
            "environnement ou voirie s’en servent pour croiser le cadastre, le plan local d’urbanisme, les "
            "photographies aériennes et leurs propres inventaires.\n\n"
            "Il lit la plupart des formats de données géographiques, se connecte aux flux de la Géoplateforme "
            "de l’IGN et dispose d’une large communauté francophone (formations, extensions, forums)."
        ),
        "publisher": "QGIS.org",
        "licence": "GPL-2.0-or-later",
        "source_code_url": "https://github.com/qgis/QGIS",
        "website": "https://qgis.org",
        "maturity": Maturity.GENERALISE,
        "hosting": Hosting.SELF_HOSTED,
        "themes": ["cartographie", "urbanisme-amenagement", "donnees"],
        "kinds": ALL_KINDS,
        "sizes": ALL_SIZES,
        "cost_model": CostModel.FREE,
        "cost_note": "Logiciel gratuit\u00a0; prévoir de la formation.",
    },
    {
        "name": "Lizmap",
        "slug": "lizmap",
        "pitch": "Publier sur le web, sans programmer, les cartes préparées dans QGIS.",
        "description": (
            "Lizmap transforme un projet QGIS en application cartographique en ligne\u00a0: l’agent prépare ses "
            "couches et leur style dans QGIS, puis les publie pour le public ou pour les services.\n\n"
            "Il sert par exemple à diffuser le plan local d’urbanisme, l’inventaire de l’éclairage public ou un "
            "atlas de la biodiversité communale, avec impression, recherche d’adresse et saisie de données en ligne."
        ),
        "publisher": "3Liz",
        "licence": "MPL-2.0",
        "source_code_url": "https://github.com/3liz/lizmap-web-client",
        "website": "https://www.lizmap.com",
        "maturity": Maturity.GENERALISE,
        "hosting": Hosting.BOTH,
        "themes": ["cartographie", "urbanisme-amenagement"],
        "kinds": ALL_KINDS,
        "sizes": NOT_SMALL,
        "cost_model": CostModel.FREE_SELF_HOSTED,
        "cost_note": "Hébergement proposé par l’éditeur sur abonnement.",
    },
    {
        "name": "uMap",
        "slug": "umap",
        "pitch": "Créer en quelques minutes une carte personnalisée sur fond OpenStreetMap et l’intégrer à son site.",
        "description": (
            "uMap permet à n’importe quel agent de dessiner une carte\u00a0: points d’intérêt, itinéraires, zones, "
            "avec des couleurs, des icônes et des fiches descriptives, puis de la partager par un lien ou de "
            "l’intégrer dans le site de la commune.\n\n"
            "Exemples\u00a0: carte des travaux en cours, des bornes de recharge, des commerces ouverts, d’un "
            "circuit de randonnée. L’ANCT met à disposition une instance réservée aux agents publics."
        ),
        "publisher": "Communauté uMap",
        "licence": "AGPL-3.0-or-later",
        "source_code_url": "https://github.com/umap-project/umap",
        "website": "https://umap.incubateur.anct.gouv.fr",
        "maturity": Maturity.GENERALISE,
        "hosting": Hosting.BOTH,
        "themes": ["cartographie", "culture-tourisme"],
        "kinds": ALL_KINDS,
        "sizes": ALL_SIZES,
        "cost_model": CostModel.FREE,
    },
    {
        "name": "Mes Adresses",
        "slug": "mes-adresses",
        "pitch": "Créer et tenir à jour la Base Adresse Locale de la commune, publiée dans la Base Adresse Nationale.",
        "description": (
            "Des adresses fiables sont indispensables aux secours, à la livraison, au raccordement à la fibre "
            "et à la navigation. La commune est responsable de la dénomination des voies et de la numérotation.\n\n"
            "Mes Adresses propose un éditeur simple, sur fond de carte et de cadastre, pour créer les voies et les "
            "numéros, les certifier et les publier en données ouvertes dans la Base Adresse Nationale. "
            "Un EPCI peut gérer les adresses pour le compte de ses communes."
        ),
        "publisher": "ANCT",
        "licence": "MIT",
        "source_code_url": "https://github.com/BaseAdresseNationale/mes-adresses",
        "website": "https://mes-adresses.data.gouv.fr",
        "maturity": Maturity.GENERALISE,
        "hosting": Hosting.ONLINE,
        "themes": ["donnees", "cartographie"],
        "kinds": LOCAL,
        "sizes": ALL_SIZES,
        "cost_model": CostModel.FREE,
    },
    {
        "name": "Aidants Connect",
        "slug": "aidants-connect",
        "pitch": "Sécuriser les démarches faites par un aidant professionnel pour le compte d’un usager.",
        "description": (
            "Les secrétaires de mairie, agents de France services ou travailleurs sociaux réalisent souvent des "
            "démarches en ligne à la place de personnes éloignées du numérique. Aidants Connect encadre cette "
            "pratique\u00a0: l’usager donne un mandat explicite, limité dans le temps et par type de démarche, et "
            "l’aidant se connecte sans jamais connaître ses identifiants.\n\n"
            "Le service s’adresse aux structures d’accompagnement\u00a0; une habilitation et une courte formation "
            "sont demandées."
        ),
        "publisher": "ANCT",
        "licence": "MIT",
        "source_code_url": "https://github.com/betagouv/Aidants_Connect",
        "website": "https://aidantsconnect.beta.gouv.fr",
        "maturity": Maturity.DEPLOIEMENT,
        "hosting": Hosting.ONLINE,
        "themes": ["inclusion-numerique", "relation-usagers", "social-solidarites"],
        "kinds": ALL_KINDS,
        "sizes": ALL_SIZES,
        "processes_personal_data": True,
        "cost_model": CostModel.FREE,
    },
    {
        "name": "Zéro Logement Vacant",
        "slug": "zero-logement-vacant",
        "pitch": "Repérer les logements vacants du territoire et suivre les contacts avec leurs propriétaires.",
        "description": (
            "Zéro Logement Vacant aide les collectivités à remettre sur le marché des logements inoccupés. "
            "Le service s’appuie sur les fichiers fiscaux des logements vacants, que la collectivité peut filtrer "
            "(durée de vacance, type de propriétaire, secteur) pour cibler une campagne.\n\n"
            "Les agents suivent ensuite chaque dossier\u00a0: courrier envoyé, échange avec le propriétaire, "
            "orientation vers les aides à la rénovation, sortie de vacance."
        ),
        "publisher": "Ministère chargé du Logement",
        "licence": "MIT",
        "source_code_url": "https://github.com/MTES-MCT/zero-logement-vacant",
        "website": "https://zerologementvacant.beta.gouv.fr",
        "maturity": Maturity.DEPLOIEMENT,
        "hosting": Hosting.ONLINE,
        "themes": ["urbanisme-amenagement", "donnees"],
        "kinds": ["commune", "epci", "departement"],
        "sizes": ALL_SIZES,
        "processes_personal_data": True,
        "cost_model": CostModel.FREE,
    },
    {
        "name": "Albert API",
        "slug": "albert-api",
        "pitch": (
            "Des modèles d’IA générative ouverts, hébergés par l’État, "
            "accessibles par une API pour les services publics."
        ),
        "description": (
            "Albert est le programme d’intelligence artificielle générative de la DINUM. Son API donne accès à "
            "des modèles de langage ouverts, hébergés en France sur une infrastructure publique, pour construire "
            "des assistants\u00a0: rédaction de réponses aux usagers, résumé de documents, recherche dans une base "
            "documentaire interne.\n\n"
            "Les données envoyées restent sur l’infrastructure de l’État et ne servent pas à entraîner les modèles. "
            "L’accès est ouvert progressivement aux administrations\u00a0; un projet en collectivité doit prévoir "
            "une analyse d’impact et un contrôle humain des réponses produites."
        ),
        "publisher": "DINUM",
        "licence": "MIT",
        "source_code_url": "https://github.com/etalab-ia/albert-api",
        "website": "",
        "maturity": Maturity.EXPERIMENTATION,
        "hosting": Hosting.BOTH,
        "themes": ["intelligence-artificielle", "relation-usagers", "donnees"],
        "kinds": ALL_KINDS,
        "sizes": NOT_SMALL,
        "uses_ai": True,
        "ai_description": (
            "Modèles de langage ouverts (IA générative) servis par une API\u00a0; génération de texte, résumé, "
            "recherche sémantique dans des documents fournis. Les réponses doivent être relues par un agent."
        ),
        "processes_personal_data": True,
        "cost_model": CostModel.FREE,
        "cost_note": "Accès sur demande pour les administrations.",
    },
    {
        "name": "Docs",
        "slug": "docs",
        "pitch": "Rédiger et partager des documents à plusieurs, en temps réel, dans un outil souverain.",
        "description": (
            "Docs est l’éditeur collaboratif de la Suite numérique de l’État\u00a0: prises de notes de réunion, "
            "comptes rendus, documentation d’un service, wiki d’équipe. Plusieurs agents écrivent en même temps, "
            "commentent et exportent en PDF ou en traitement de texte.\n\n"
            "Le logiciel est libre et peut être installé par une collectivité ou un groupement."
        ),
        "publisher": "DINUM",
        "licence": "MIT",
        "source_code_url": "https://github.com/suitenumerique/docs",
        "website": "https://docs.numerique.gouv.fr",
        "maturity": Maturity.DEPLOIEMENT,
        "hosting": Hosting.BOTH,
        "themes": ["administration"],
        "kinds": ALL_KINDS,
        "sizes": ALL_SIZES,
        "uses_ai": True,
        "ai_description": (
            "Fonctions optionnelles d’aide à la rédaction (reformuler, résumer, corriger, traduire) qui "
            "s’appuient sur un modèle de langage choisi par l’hébergeur\u00a0; "
            "le texte proposé est validé par l’auteur."
        ),
        "processes_personal_data": True,
        "cost_model": CostModel.FREE_SELF_HOSTED,
    },
    {
        "name": "Grist",
        "slug": "grist",
        "pitch": "Un tableur-base de données pour structurer, partager et fiabiliser les données métier d’un service.",
        "description": (
            "Grist combine la simplicité d’un tableur et la rigueur d’une base de données\u00a0: colonnes typées, "
            "liens entre tables, formulaires de saisie, droits d’accès fins et vues personnalisées.\n\n"
            "Les collectivités l’utilisent pour suivre des subventions, un inventaire de patrimoine, des "
            "demandes d’intervention ou un plan d’action, et pour publier des jeux de données propres. "
            "L’État en propose une instance aux agents publics."
        ),
        "publisher": "Grist Labs",
        "licence": "Apache-2.0",
        "source_code_url": "https://github.com/gristlabs/grist-core",
        "website": "https://www.getgrist.com",
        "maturity": Maturity.GENERALISE,
        "hosting": Hosting.BOTH,
        "themes": ["donnees", "administration"],
        "kinds": ALL_KINDS,
        "sizes": ALL_SIZES,
        "cost_model": CostModel.FREE_SELF_HOSTED,
    },
    {
        "name": "Nextcloud",
        "slug": "nextcloud",
        "pitch": (
            "Stocker, synchroniser et partager les fichiers des agents sur un serveur que la collectivité maîtrise."
        ),
        "description": (
            "Nextcloud offre un espace de fichiers partagé, un agenda, des contacts et, avec des modules, "
            "l’édition de documents en ligne. Les données restent chez la collectivité ou chez l’hébergeur "
            "qu’elle a choisi, ce qui facilite le respect du RGPD.\n\n"
            "Plusieurs syndicats informatiques et centres de gestion le proposent à leurs adhérents."
        ),
        "publisher": "Nextcloud GmbH",
        "licence": "AGPL-3.0-or-later",
        "source_code_url": "https://github.com/nextcloud/server",
        "website": "https://nextcloud.com/fr/",
        "maturity": Maturity.GENERALISE,
        "hosting": Hosting.SELF_HOSTED,
        "themes": ["administration", "securite-numerique"],
        "kinds": ALL_KINDS,
        "sizes": ALL_SIZES,
        "processes_personal_data": True,
        "cost_model": CostModel.FREE_SELF_HOSTED,
    },
    {
        "name": "GLPI",
        "slug": "glpi",
        "pitch": "Gérer le parc informatique et les demandes d’assistance des agents.",
        "description": (
            "GLPI tient l’inventaire du matériel et des logiciels (postes, imprimantes, licences, contrats) et "
            "organise le support\u00a0: tickets, délais, base de connaissances, statistiques.\n\n"
            "C’est un outil courant des directions des systèmes d’information des collectivités, qui "
            "l’utilisent aussi pour suivre les demandes d’intervention technique des services."
        ),
        "publisher": "Teclib’",
        "licence": "GPL-3.0-or-later",
        "source_code_url": "https://github.com/glpi-project/glpi",
        "website": "https://glpi-project.org/fr/",
        "maturity": Maturity.GENERALISE,
        "hosting": Hosting.BOTH,
        "themes": ["administration", "securite-numerique"],
        "kinds": ALL_KINDS,
        "sizes": NOT_SMALL,
        "cost_model": CostModel.FREE_SELF_HOSTED,
    },
    {
        "name": "LibreOffice",
        "slug": "libreoffice",
        "pitch": "La suite bureautique libre\u00a0: traitement de texte, tableur, présentations, au format ouvert.",
        "description": (
            "LibreOffice couvre les besoins bureautiques courants et enregistre nativement au format ouvert "
            "OpenDocument, recommandé par le référentiel général d’interopérabilité. Il ouvre et enregistre "
            "aussi les formats des autres suites.\n\n"
            "De nombreuses collectivités l’ont déployé sur tous leurs postes, souvent avec un plan de formation "
            "et un accompagnement des agents."
        ),
        "publisher": "The Document Foundation",
        "licence": "MPL-2.0",
        "source_code_url": "https://git.libreoffice.org/core",
        "website": "https://fr.libreoffice.org",
        "maturity": Maturity.GENERALISE,
        "hosting": Hosting.SELF_HOSTED,
        "themes": ["administration"],
        "kinds": ALL_KINDS,
        "sizes": ALL_SIZES,
        "cost_model": CostModel.FREE,
    },
    {
        "name": "Matomo",
        "slug": "matomo",
        "pitch": (
            "Mesurer la fréquentation du site de la collectivité sans confier les données des visiteurs à un tiers."
        ),
        "description": (
            "Matomo produit les statistiques de visite d’un site ou d’un service en ligne\u00a0: pages consultées, "
            "parcours, recherches internes. Hébergé par la collectivité, il garde les données sous son contrôle.\n\n"
            "Correctement configuré (anonymisation, durée de conservation), il peut fonctionner sans demander "
            "le consentement des visiteurs, selon les conditions fixées par la CNIL pour la mesure d’audience."
        ),
        "publisher": "InnoCraft",
        "licence": "GPL-3.0-or-later",
        "source_code_url": "https://github.com/matomo-org/matomo",
        "website": "https://matomo.org",
        "maturity": Maturity.GENERALISE,
        "hosting": Hosting.BOTH,
        "themes": ["donnees", "relation-usagers"],
        "kinds": ALL_KINDS,
        "sizes": ALL_SIZES,
        "processes_personal_data": True,
        "cost_model": CostModel.FREE_SELF_HOSTED,
    },
    {
        "name": "OpenFisca",
        "slug": "openfisca",
        "pitch": "Traduire les règles des aides et des prestations en code pour simuler les droits des habitants.",
        "description": (
            "OpenFisca est un moteur de calcul qui modélise la législation sociale et fiscale. Une collectivité "
            "peut y décrire ses propres aides (transport, cantine, aides aux jeunes) pour qu’elles apparaissent "
            "dans les simulateurs publics à côté des aides nationales.\n\n"
            "Il sert aussi à évaluer l’effet d’un changement de barème avant de le voter."
        ),
        "publisher": "Communauté OpenFisca",
        "licence": "AGPL-3.0-only",
        "source_code_url": "https://github.com/openfisca/openfisca-france",
        "website": "https://openfisca.org/fr/",
        "maturity": Maturity.GENERALISE,
        "hosting": Hosting.SELF_HOSTED,
        "themes": ["social-solidarites", "finances-achats", "donnees"],
        "kinds": ALL_KINDS,
        "sizes": ["20000-100000", "plus-100000"],
        "cost_model": CostModel.FREE_SELF_HOSTED,
    },
    {
        "name": "Jitsi Meet",
        "slug": "jitsi-meet",
        "pitch": "Des visioconférences dans le navigateur, sans compte ni logiciel à installer.",
        "description": (
            "Jitsi Meet permet d’organiser une réunion vidéo en partageant un simple lien\u00a0: partage d’écran, "
            "discussion écrite, salle d’attente protégée par mot de passe.\n\n"
            "Plusieurs administrations et opérateurs publics en hébergent une instance\u00a0; une collectivité peut "
            "aussi installer la sienne pour ses réunions internes ou ses permanences à distance."
        ),
        "publisher": "8x8",
        "licence": "Apache-2.0",
        "source_code_url": "https://github.com/jitsi/jitsi-meet",
        "website": "https://jitsi.org/jitsi-meet/",
        "maturity": Maturity.GENERALISE,
        "hosting": Hosting.BOTH,
        "themes": ["administration", "relation-usagers"],
        "kinds": ALL_KINDS,
        "sizes": ALL_SIZES,
        "cost_model": CostModel.FREE_SELF_HOSTED,
    },
    {
        "name": "PeerTube",
        "slug": "peertube",
        "pitch": "Diffuser les vidéos de la collectivité, dont les conseils en direct, sans plateforme publicitaire.",
        "description": (
            "PeerTube est une plateforme vidéo que la collectivité héberge elle-même\u00a0: retransmission en direct "
            "des conseils municipaux ou communautaires, vidéos pédagogiques, patrimoine filmé.\n\n"
            "Pas de publicité ni de pistage des spectateurs\u00a0; les vidéos peuvent être intégrées au site "
            "institutionnel et sous-titrées pour l’accessibilité."
        ),
        "publisher": "Framasoft",
        "licence": "AGPL-3.0-or-later",
        "source_code_url": "https://framagit.org/framasoft/peertube/PeerTube",
        "website": "https://joinpeertube.org/fr",
        "maturity": Maturity.GENERALISE,
        "hosting": Hosting.SELF_HOSTED,
        "themes": ["culture-tourisme", "participation-citoyenne"],
        "kinds": ALL_KINDS,
        "sizes": NOT_SMALL,
        "cost_model": CostModel.FREE_SELF_HOSTED,
    },
    {
        "name": "LimeSurvey",
        "slug": "limesurvey",
        "pitch": "Concevoir des questionnaires et des enquêtes en ligne et en analyser les réponses.",
        "description": (
            "LimeSurvey sert à consulter les habitants ou les agents\u00a0: enquête de satisfaction, recensement des "
            "besoins de garde d’enfants, questionnaire de mobilité domicile-travail.\n\n"
            "Il gère les questions conditionnelles, les quotas, l’anonymat des répondants et l’export des "
            "résultats vers un tableur ou un logiciel statistique."
        ),
        "publisher": "LimeSurvey GmbH",
        "licence": "GPL-2.0-or-later",
        "source_code_url": "https://github.com/LimeSurvey/LimeSurvey",
        "website": "https://www.limesurvey.org/fr",
        "maturity": Maturity.GENERALISE,
        "hosting": Hosting.BOTH,
        "themes": ["participation-citoyenne", "donnees"],
        "kinds": ALL_KINDS,
        "sizes": ALL_SIZES,
        "processes_personal_data": True,
        "cost_model": CostModel.FREE_SELF_HOSTED,
    },
    {
        "name": "BigBlueButton",
        "slug": "bigbluebutton",
        "pitch": "Une classe virtuelle pour les formations à distance\u00a0: tableau blanc, sondages, sous-groupes.",
        "description": (
            "BigBlueButton est conçu pour l’enseignement et la formation en ligne\u00a0: tableau blanc partagé, "
            "présentation de documents, ateliers en sous-groupes, enregistrement des séances.\n\n"
            "Il convient aux formations des agents, aux ateliers numériques des médiathèques et aux écoles."
        ),
        "publisher": "BigBlueButton Inc.",
        "licence": "LGPL-3.0-only",
        "source_code_url": "https://github.com/bigbluebutton/bigbluebutton",
        "website": "https://bigbluebutton.org",
        "maturity": Maturity.GENERALISE,
        "hosting": Hosting.SELF_HOSTED,
        "themes": ["education-jeunesse", "administration"],
        "kinds": ALL_KINDS,
        "sizes": NOT_SMALL,
        "cost_model": CostModel.FREE_SELF_HOSTED,
    },
    {
        "name": "Framadate",
        "slug": "framadate",
        "pitch": "Trouver une date de réunion ou organiser un vote simple, sans inscription.",
        "description": (
            "Framadate crée en une minute un sondage de dates ou de choix, à partager par un lien. "
            "Pratique pour caler une réunion entre élus de plusieurs communes ou consulter rapidement une équipe.\n\n"
            "Le service public de Framasoft est ouvert à tous\u00a0; le logiciel peut aussi être installé localement."
        ),
        "publisher": "Framasoft",
        "licence": "CECILL-B",
        "source_code_url": "https://framagit.org/framasoft/framadate/framadate",
        "website": "https://framadate.org",
        "maturity": Maturity.GENERALISE,
        "hosting": Hosting.BOTH,
        "themes": ["administration", "participation-citoyenne"],
        "kinds": ALL_KINDS,
        "sizes": ALL_SIZES,
        "cost_model": CostModel.FREE,
    },
    {
        "name": "SPIP",
        "slug": "spip",
        "pitch": "Un gestionnaire de contenu francophone pour publier le site internet de la collectivité.",
        "description": (
            "SPIP permet à plusieurs rédacteurs de publier des articles, des agendas et des documents sur le site "
            "de la collectivité, avec un circuit de validation avant mise en ligne.\n\n"
            "Né en France, il dispose d’une documentation et d’une communauté francophones et de nombreux "
            "gabarits adaptés aux sites publics."
        ),
        "publisher": "Communauté SPIP",
        "licence": "GPL-3.0-only",
        "source_code_url": "https://git.spip.net/spip/spip",
        "website": "https://www.spip.net",
        "maturity": Maturity.GENERALISE,
        "hosting": Hosting.SELF_HOSTED,
        "themes": ["relation-usagers", "culture-tourisme"],
        "kinds": ALL_KINDS,
        "sizes": ALL_SIZES,
        "cost_model": CostModel.FREE_SELF_HOSTED,
    },
    {
        "name": "udata (data.gouv.fr)",
        "slug": "udata",
        "pitch": "Publier les données ouvertes de la collectivité sur data.gouv.fr ou sur son propre portail.",
        "description": (
            "udata est le logiciel de la plateforme nationale des données publiques data.gouv.fr. Une "
            "collectivité peut y créer son organisation et publier ses jeux de données (budget, délibérations, "
            "équipements, subventions) pour répondre à son obligation d’ouverture des données.\n\n"
            "Le même logiciel peut servir à monter un portail local de données ouvertes."
        ),
        "publisher": "DINUM",
        "licence": "AGPL-3.0-only",
        "source_code_url": "https://github.com/opendatateam/udata",
        "website": "https://www.data.gouv.fr",
        "maturity": Maturity.GENERALISE,
        "hosting": Hosting.BOTH,
        "themes": ["donnees"],
        "kinds": ALL_KINDS,
        "sizes": ALL_SIZES,
        "cost_model": CostModel.FREE,
    },
    {
        "name": "Metabase",
        "slug": "metabase",
        "pitch": "Construire des tableaux de bord à partir des bases de données de la collectivité, sans coder.",
        "description": (
            "Metabase se connecte aux bases de données des logiciels métier et permet de poser des questions "
            "par des menus\u00a0: nombre de demandes traitées par mois, délais moyens, répartition par quartier.\n\n"
            "Les tableaux de bord se partagent avec les élus et les services\u00a0; c’est une première marche "
            "pour piloter les politiques publiques par la donnée."
        ),
        "publisher": "Metabase",
        "licence": "AGPL-3.0-only",
        "source_code_url": "https://github.com/metabase/metabase",
        "website": "https://www.metabase.com",
        "maturity": Maturity.GENERALISE,
        "hosting": Hosting.SELF_HOSTED,
        "themes": ["donnees", "administration"],
        "kinds": ALL_KINDS,
        "sizes": NOT_SMALL,
        "cost_model": CostModel.FREE_SELF_HOSTED,
    },
    {
        "name": "Collabora Online",
        "slug": "collabora-online",
        "pitch": "Éditer à plusieurs des documents bureautiques dans le navigateur, sur ses propres serveurs.",
        "description": (
            "Collabora Online apporte l’édition en ligne de textes, tableurs et présentations, à partir du moteur "
            "de LibreOffice. Il s’intègre à un espace de fichiers comme Nextcloud.\n\n"
            "Une collectivité ou un syndicat informatique peut ainsi proposer une bureautique collaborative "
            "sans envoyer ses documents chez un grand fournisseur étranger."
        ),
        "publisher": "Collabora Productivity",
        "licence": "MPL-2.0",
        "source_code_url": "https://github.com/CollaboraOnline/online",
        "website": "https://www.collaboraonline.com",
        "maturity": Maturity.GENERALISE,
        "hosting": Hosting.SELF_HOSTED,
        "themes": ["administration"],
        "kinds": ALL_KINDS,
        "sizes": NOT_SMALL,
        "cost_model": CostModel.FREE_SELF_HOSTED,
        "cost_note": "Support professionnel payant proposé par l’éditeur.",
    },
    {
        "name": "Moodle",
        "slug": "moodle",
        "pitch": "Une plateforme de formation en ligne pour les agents, les écoles ou les habitants.",
        "description": (
            "Moodle organise des parcours de formation\u00a0: cours, quiz, devoirs, suivi de la progression. "
            "Des collectivités l’utilisent pour former leurs agents, accompagner les élus ou proposer des "
            "modules d’initiation au numérique.\n\n"
            "Très répandu dans l’enseignement, il dispose d’une importante communauté francophone."
        ),
        "publisher": "Moodle HQ",
        "licence": "GPL-3.0-or-later",
        "source_code_url": "https://github.com/moodle/moodle",
        "website": "https://moodle.org",
        "maturity": Maturity.GENERALISE,
        "hosting": Hosting.SELF_HOSTED,
        "themes": ["education-jeunesse", "inclusion-numerique"],
        "kinds": ALL_KINDS,
        "sizes": NOT_SMALL,
        "processes_personal_data": True,
        "cost_model": CostModel.FREE_SELF_HOSTED,
    },
]
