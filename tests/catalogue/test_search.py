"""French full-text search: accents ignored, ranked on PostgreSQL, folded LIKE on SQLite."""

from django.db import connection

from catalogue.search import fold
from tests.catalogue.factories import ServiceFactory


def test_fold_strips_accents_case_and_ligatures():
    assert fold("Données École Œuvre Ça") == "donnees ecole oeuvre ca"


def test_visitor_searching_donnees_finds_the_service_about_donnees(client, themes):
    ServiceFactory(name="Observatoire", pitch="Publier les Données ouvertes de la commune.")
    ServiceFactory(name="Visioconférence", pitch="Réunions à distance.")
    response = client.get("/catalogue/", {"q": "donnees"})
    assert response.status_code == 200
    assert "Observatoire" in response.text
    assert "Visioconférence" not in response.text
    assert "1 service trouvé" in response.text


def test_visitor_searching_ecole_finds_ecole_with_accent(client, themes):
    ServiceFactory(name="Cantine scolaire", description="Menus de l’École élémentaire et inscriptions.")
    response = client.get("/catalogue/", {"q": "ecole"})
    assert "Cantine scolaire" in response.text


def test_search_matches_the_publisher_and_theme_names(client, themes):
    ServiceFactory(name="Outil A", publisher__name="Syndicat Mixte Numérique", themes=[themes["cartographie"]])
    assert "Outil A" in client.get("/catalogue/", {"q": "syndicat"}).text
    assert "Outil A" in client.get("/catalogue/", {"q": "cartographie"}).text


def test_search_with_nothing_matching_says_so(client, themes):
    ServiceFactory(name="Outil A")
    response = client.get("/catalogue/", {"q": "zzzzzz"})
    assert "Aucun service ne correspond à «&nbsp;zzzzzz&nbsp;»" in response.text


def test_search_ranks_a_match_in_the_name_before_a_match_in_the_description(client, themes):
    ServiceFactory(name="Gestion du courrier", description="Permet aussi de suivre les subventions.", slug="courrier")
    ServiceFactory(name="Subventions en ligne", description="Dépôt des demandes.", slug="subventions")
    text = client.get("/catalogue/", {"q": "subventions"}).text
    if connection.vendor == "postgresql":
        assert text.index("Subventions en ligne") < text.index("Gestion du courrier")
    else:
        assert "Subventions en ligne" in text
        assert "Gestion du courrier" in text


def test_postgres_search_uses_the_accent_free_french_configuration(themes):
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT to_tsvector('french_unaccent', 'Données École') @@ to_tsquery('french_unaccent', 'ecole')"
        )
        assert cursor.fetchone()[0] is True
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'catalogue_servicesearchvector_gin'")
        assert "using gin (vector)" in cursor.fetchone()[0].lower()
