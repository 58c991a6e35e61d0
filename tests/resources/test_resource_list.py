import pytest
from django.urls import reverse

from resources.enums import Audience, ResourceKind
from tests.resources.factories import ResourceFactory, ThemeFactory

URL = reverse("resources:index")


def titles(response) -> list[str]:
    return [resource.title for resource in response.context["page_obj"]]


def test_visitor_sees_published_resources_only(client):
    ResourceFactory(title="Guide publié")
    ResourceFactory(title="Brouillon caché", unpublished=True)

    response = client.get(URL)

    assert response.status_code == 200
    assert "Guide publié" in response.text
    assert "Brouillon caché" not in response.text
    assert "1 ressource trouvée" in response.text


def test_visitor_filters_by_kind_and_sees_counts(client):
    ResourceFactory(title="Prévoir la qualité de l’air", use_case=True)
    ResourceFactory(title="Rapport du Sénat", kind=ResourceKind.BIBLIOGRAPHY)
    ResourceFactory(title="RGPD et AIPD", kind=ResourceKind.FRAMEWORK)

    response = client.get(URL, {"type": "cas-usage"})

    assert titles(response) == ["Prévoir la qualité de l’air"]
    # Counts of a facet ignore its own selection: the other kinds stay visible with their count.
    assert "Cas d’usage (1)" in response.text
    assert "Sélection bibliographique (1)" in response.text


def test_visitor_combines_two_kinds(client):
    ResourceFactory(title="Cas", use_case=True)
    ResourceFactory(title="Cadre", kind=ResourceKind.FRAMEWORK)
    ResourceFactory(title="Guide", kind=ResourceKind.GUIDE)

    response = client.get(f"{URL}?type=cas-usage&type=cadre")

    assert sorted(titles(response)) == ["Cadre", "Cas"]


def test_visitor_filters_by_theme(client):
    water = ThemeFactory(slug="environnement-energie", name="Environnement et énergie")
    data = ThemeFactory(slug="donnees", name="Données et open data")
    ResourceFactory(title="Fuites d’eau", themes=[water])
    ResourceFactory(title="Open data", themes=[data])

    response = client.get(URL, {"theme": "donnees"})

    assert titles(response) == ["Open data"]
    assert "Données et open data (1)" in response.text
    assert "Environnement et énergie (1)" in response.text


def test_visitor_filters_by_audience_and_gets_resources_for_everyone_too(client):
    ResourceFactory(title="Pour les élus", audience=Audience.ELUS)
    ResourceFactory(title="Pour les agents", audience=Audience.AGENTS)
    ResourceFactory(title="Pour tous", audience=Audience.ALL)

    response = client.get(URL, {"public": "elus"})

    assert sorted(titles(response)) == ["Pour les élus", "Pour tous"]


@pytest.mark.parametrize("terms", ["donnees", "DONNÉES", "données ouvertes", "donnees OUVERTES"])
def test_search_ignores_accents_and_case(client, terms):
    ResourceFactory(title="Les Données ouvertes par défaut")
    ResourceFactory(title="Qualité de l’air")

    response = client.get(URL, {"q": terms})

    assert titles(response) == ["Les Données ouvertes par défaut"]


def test_search_reads_the_body_and_use_case_fields(client):
    ResourceFactory(title="Eau", use_case=True, approach="Un modèle détecte les fuites à l’échelle du tronçon.")
    ResourceFactory(title="Autre")

    response = client.get(URL, {"q": "troncon"})

    assert titles(response) == ["Eau"]


def test_search_without_result_says_so_in_french(client):
    ResourceFactory(title="Qualité de l’air")

    response = client.get(URL, {"q": "introuvable"})

    assert "Aucune ressource ne correspond à «&nbsp;introuvable&nbsp;»" in response.text
    assert "affichez toutes les ressources" in response.text


def test_list_is_paginated(client):
    for index in range(15):
        ResourceFactory(title=f"Ressource {index:02d}")

    first = client.get(URL)
    second = client.get(URL, {"page": 2})

    assert len(titles(first)) == 12
    assert len(titles(second)) == 3
    assert "15 ressources trouvées" in first.text


@pytest.mark.parametrize(
    "query",
    ["type=inconnu", "theme=Pas%20un%20slug", "public=tous", "page=999", "page=abc", "q=" + "x" * 500],
)
def test_invalid_parameters_never_fail_the_page(client, query):
    ResourceFactory(title="Ressource")

    response = client.get(f"{URL}?{query}")

    assert response.status_code == 200
