"""Facets: counts of each value for the current result, AND between facets, OR inside one, shareable URLs."""

import re

from catalogue.services import refresh_adopter_counts
from tests.accounts.factories import OrganisationFactory
from tests.catalogue.factories import AdoptionFactory, ServiceFactory
from tests.territories.factories import CommuneFactory


def label_count(html: str, label: str) -> int:
    match = re.search(re.escape(label) + r" \((\d+)\)", html)
    assert match, f"« {label} (n) » absent"
    return int(match.group(1))


def test_each_theme_shows_how_many_services_of_the_result_it_holds(client, themes):
    ServiceFactory(themes=[themes["donnees"]])
    ServiceFactory(themes=[themes["donnees"], themes["cartographie"]])
    ServiceFactory(themes=[themes["mobilite"]])
    html = client.get("/catalogue/").text
    assert label_count(html, "Données et open data") == 2
    assert label_count(html, "Cartographie et information géographique") == 1
    assert label_count(html, "Mobilités") == 1
    assert label_count(html, "Sécurité numérique") == 0


def test_ticking_a_theme_filters_and_keeps_the_other_themes_counts(client, themes):
    ServiceFactory(name="Alpha", themes=[themes["donnees"]])
    ServiceFactory(name="Bravo", themes=[themes["mobilite"]])
    html = client.get("/catalogue/?theme=donnees").text
    assert "Alpha" in html
    assert "Bravo" not in html
    # Counts of a facet ignore that facet's own selection, so siblings stay selectable.
    assert label_count(html, "Mobilités") == 1


def test_two_themes_are_combined_with_or_and_two_facets_with_and(client, themes):
    ServiceFactory(name="Alpha", themes=[themes["donnees"]], ai=True)
    ServiceFactory(name="Bravo", themes=[themes["mobilite"]])
    ServiceFactory(name="Charlie", themes=[themes["culture-tourisme"]], ai=True)
    html = client.get("/catalogue/?theme=donnees&theme=mobilite").text
    assert "Alpha" in html
    assert "Bravo" in html
    assert "Charlie" not in html
    html = client.get("/catalogue/?theme=donnees&theme=mobilite&ia=oui").text
    assert "Alpha" in html
    assert "Bravo" not in html
    assert "Charlie" not in html
    assert label_count(html, "Utilise l’IA") == 1
    assert label_count(html, "N’utilise pas l’IA") == 1


def test_kind_licence_maturity_and_hosting_facets_filter(client, themes):
    ServiceFactory(
        name="Régional", suits_communes=False, suits_regions=True, licence="MIT", maturity="experimentation"
    )
    ServiceFactory(name="Communal", licence="EUPL-1.2", hosting="auto-heberge")
    assert "Communal" not in client.get("/catalogue/?type=region").text
    assert "Régional" not in client.get("/catalogue/?licence=EUPL-1.2").text
    assert "Communal" not in client.get("/catalogue/?maturite=experimentation").text
    html = client.get("/catalogue/?hebergement=auto-heberge").text
    assert "Communal" in html
    assert "Régional" not in html


def test_a_service_offered_both_ways_matches_either_hosting(client, themes):
    ServiceFactory(name="Mixte", hosting="les-deux")
    assert "Mixte" in client.get("/catalogue/?hebergement=en-ligne").text
    assert "Mixte" in client.get("/catalogue/?hebergement=auto-heberge").text


def test_programme_facet_follows_the_adopters_communes(client, themes):
    from territories.models import Programme

    programme, _ = Programme.objects.get_or_create(slug="petites-villes-de-demain", name="Petites Villes de Demain")
    commune = CommuneFactory()
    programme.communes.add(commune)
    organisation = OrganisationFactory(commune=commune)
    adopted = ServiceFactory(name="Adopté")
    ServiceFactory(name="Orphelin")
    AdoptionFactory(service=adopted, organisation=organisation)
    refresh_adopter_counts()
    html = client.get("/catalogue/?programme=petites-villes-de-demain").text
    assert "Adopté" in html
    assert "Orphelin" not in html
    assert label_count(html, "Petites Villes de Demain") == 1


def test_unknown_or_malformed_values_are_ignored_not_an_error(client, themes):
    ServiceFactory(name="Alpha")
    response = client.get("/catalogue/?theme=Inconnue!&licence=WTF&tri=hasard&page=abc&ia=peut-etre")
    assert response.status_code == 200
    assert "Alpha" in response.text


def test_sort_by_name_and_by_number_of_adopters(client, themes):
    ServiceFactory(name="Zèbre", slug="zebre")
    popular = ServiceFactory(name="Abeille", slug="abeille")
    ServiceFactory(name="École", slug="ecole")
    AdoptionFactory(service=popular)
    by_name = client.get("/catalogue/?tri=nom").text
    assert by_name.index("Abeille") < by_name.index("École") < by_name.index("Zèbre")
    by_adopters = client.get("/catalogue/?tri=adopteurs").text
    assert by_adopters.index("Abeille") < by_adopters.index("Zèbre")
    assert "1 collectivité" in by_adopters


def test_selected_values_stay_checked_in_the_shared_url(client, themes):
    ServiceFactory(themes=[themes["donnees"]])
    html = client.get("/catalogue/?theme=donnees").text
    assert re.search(r'value="donnees"[^>]*checked', html)
