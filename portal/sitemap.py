"""The plan du site: every page a visitor can reach from the navigation, grouped as in the menu."""

from django.urls import reverse


def site_map_sections(user) -> list[dict]:
    sections = [
        {
            "title": "Le portail",
            "links": [
                ("Accueil", reverse("portal:home")),
                ("Catalogue des services numériques", reverse("catalogue:service_list")),
                ("Ressources pour les élus et les agents", reverse("resources:index")),
                ("Glossaire des données et de l’IA", reverse("awareness:glossary")),
                ("Se former à l’IA", reverse("awareness:module_list")),
                ("Kit débat public sur l’IA", reverse("awareness:debate_kit")),
                ("Charte éthique de l’IA et des données", reverse("awareness:charter_form")),
                ("Programmes nationaux", reverse("territories:programme_list")),
                ("Galerie des initiatives locales", reverse("initiatives:gallery")),
                ("Carte des collectivités engagées", reverse("initiatives:map")),
                ("Rechercher une collectivité ou un territoire", reverse("territories:territory_search")),
            ],
        },
        {
            "title": "Mon espace",
            "links": [
                ("Mes projets", reverse("journeys:project_list")),
                ("Créer un projet", reverse("journeys:project_create")),
                ("Rejoindre ma collectivité", reverse("accounts:onboarding")),
                ("Mon compte", reverse("accounts:profile")),
            ]
            if user.is_authenticated
            else [
                ("Se connecter", reverse("account_login")),
                ("Créer un compte", reverse("account_signup")),
            ],
        },
        {
            "title": "Informations",
            "links": [
                ("Mentions légales", reverse("portal:legal_notice")),
                ("Accessibilité", reverse("portal:accessibility")),
                ("Données personnelles", reverse("portal:privacy")),
                ("Plan du site", reverse("portal:site_map")),
            ],
        },
    ]
    return sections
