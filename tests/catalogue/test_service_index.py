"""A new search counts and shows from the worker's index of the published services: every write shows at once."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue import selectors
from catalogue.indexing import refresh_search_index
from catalogue.models import Service
from tests.catalogue.factories import AdoptionFactory, ServiceFactory


def _search(client, terms: str) -> str:
    response = client.get("/catalogue/", {"q": terms})
    assert response.status_code == 200
    return response.text


def test_a_new_search_runs_one_query_once_the_index_is_built(client, themes):
    ServiceFactory(name="Alpha cantine", themes=[themes["donnees"]])
    _search(client, "cantine")
    with CaptureQueriesContext(connection) as context:
        html = _search(client, "alpha")
    assert "Alpha cantine" in html
    assert "1 service trouvé" in html
    # The version (its cache token aside) and the matches: the counts and the card come from the index.
    assert len(context.captured_queries) == 2


def test_an_edited_service_shows_at_once(client, themes):
    service = ServiceFactory(name="Alpha cantine")
    assert "Alpha cantine" in _search(client, "cantine")
    service.name = "Alpha restauration"
    service.pitch = "Cantine renommée."
    service.save()
    refresh_search_index(service_ids=[service.pk])  # as the admin does after saving
    html = _search(client, "restauration")
    assert "Alpha restauration" in html
    assert "Cantine renommée." in html


def test_a_theme_link_changed_shows_at_once_in_counts_and_cards(client, themes):
    service = ServiceFactory(name="Alpha cantine", themes=[themes["donnees"]])
    assert "Mobilités (0)" in _search(client, "cantine")
    service.themes.add(themes["mobilite"])
    html = _search(client, "alpha")
    assert "Mobilités (1)" in html
    assert '<p class="fr-tag fr-tag--sm">Mobilités</p>' in html
    service.themes.remove(themes["mobilite"])
    assert "Mobilités (0)" in _search(client, "alpha cantine")


def test_a_declared_adoption_shows_at_once_and_reorders(client, themes):
    first = ServiceFactory(name="Alpha cantine")
    ServiceFactory(name="Beta cantine")
    assert "aucune collectivité déclarée" in _search(client, "cantine")
    AdoptionFactory(service=Service.objects.get(name="Beta cantine"))
    html = client.get("/catalogue/", {"q": "cantine", "tri": "adopteurs"}).text
    assert "1 collectivité" in html
    assert html.index("Beta cantine") < html.index("Alpha cantine")
    assert first.pk in selectors.service_index(selectors.pages_version()).positions


def test_an_unpublished_or_deleted_service_disappears_at_once(client, themes):
    hidden = ServiceFactory(name="Alpha cantine")
    deleted = ServiceFactory(name="Beta cantine")
    html = _search(client, "cantine")
    assert "2 services trouvés" in html
    hidden.is_published = False
    hidden.save()
    html = _search(client, "cantine alpha")
    assert "Alpha cantine" not in html
    assert "Aucun service" in html
    deleted.delete()
    html = client.get("/catalogue/").text
    assert "Beta cantine" not in html
    assert "Alpha cantine" not in html
