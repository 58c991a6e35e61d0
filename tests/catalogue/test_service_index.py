"""A new search counts and shows from the worker's index of the published services: every write shows at once."""

import random

from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from benchmarks.bench_catalogue import MARK, generate
from catalogue import selectors
from catalogue.filters import FACETS, ServiceFilter
from catalogue.indexing import refresh_search_index
from catalogue.models import Service, Theme
from catalogue.search import with_rank
from catalogue.selectors import FIXED_FACETS
from tests.catalogue.factories import AdoptionFactory, ServiceFactory
from tests.catalogue.test_precompiled_results import _built


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


def test_counts_totals_and_every_page_equal_queries_written_from_the_facets(db):
    """Random combinations of every facet (several values each, unknown slugs, each sort, with and without terms):
    the index's totals, counts and order equal ORM queries built from catalogue.filters.facet_condition."""
    generate(services=90, adoptions=300)
    Service.objects.filter(pk__in=Service.objects.order_by("pk").values("pk")[:5]).update(is_published=False)
    values = {name: [value for value, _label in choices] for name, choices in FIXED_FACETS.items()}
    values["theme"] = [*Theme.objects.values_list("slug", flat=True)[:6], "inconnue"]
    values["programme"] = [f"{MARK}programme", "inconnu"]
    values["licence"] = ["MIT", "EUPL-1.2", "AGPL-3.0-or-later", "0BSD"]
    rng = random.Random(7)
    for _round in range(14):
        pairs = []
        for name in rng.sample([name for name, _label in FACETS], rng.randint(0, 3)):
            pairs += [(name, value) for value in rng.sample(values[name], rng.randint(1, 2))]
        pairs.append(("tri", rng.choice(["pertinence", "nom", "adopteurs"])))
        if rng.random() < 0.6:
            pairs.append(("q", rng.choice(["données", "école budget", "cartographie -énergie", "mobilité"])))
        query = QueryDict(mutable=True)
        for key, value in pairs:
            query.appendlist(key, value)
        filterset = ServiceFilter(query)
        terms = filterset.search_terms()
        ordered = selectors._ordered(with_rank(_built(filterset), terms), filterset.sort(), has_terms=bool(terms))
        expected = list(ordered.values_list("name", flat=True))
        shown, number = [], 1
        while True:
            page = selectors.catalogue_page(filterset, page_number=number)
            shown += [card.name for card in page.cards]
            if not page.page.has_next():
                break
            number += 1
        assert shown == expected, query.urlencode()
        assert page.total == len(expected), query.urlencode()
        for facet in page.facets:
            for value in facet.values:
                assert value.count == _built(filterset, (facet.name, value.value)).count(), (query.urlencode(), value)
        licences = {value.value for facet in page.facets if facet.name == "licence" for value in facet.values}
        for licence in values["licence"]:
            found = _built(filterset, ("licence", licence)).exists()
            assert (licence in licences) == (found or licence in filterset.selected("licence")), licence
