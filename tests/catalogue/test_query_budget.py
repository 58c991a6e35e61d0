"""The catalogue page with a search and every facet runs the same small number of queries at any size."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from benchmarks.bench_catalogue import HEAVY_URL, generate
from tests.accounts.factories import MembershipFactory

BUDGET = 12


def count_queries(client, url: str) -> int:
    cache.clear()  # measure the uncached path
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_catalogue_queries_do_not_grow_with_the_data(client, django_assert_max_num_queries):
    client.force_login(MembershipFactory().user)
    generate(services=15, adoptions=30)
    small = count_queries(client, HEAVY_URL)
    small_plain = count_queries(client, "/catalogue/")
    generate(services=90, adoptions=300)
    with django_assert_max_num_queries(BUDGET):
        cache.clear()
        client.get(HEAVY_URL)
    large = count_queries(client, HEAVY_URL)
    assert small == large <= BUDGET
    assert small_plain == count_queries(client, "/catalogue/") <= BUDGET


def test_generator_builds_services_adopters_and_a_programme(db):
    figures = generate(services=12, adoptions=20)
    assert figures == {"services": 12, "adoptions": 20, "organisations": 2}
    again = generate(services=12, adoptions=20)
    assert again["services"] == 12
    assert again["adoptions"] == 20


def test_an_anonymous_new_search_reads_the_data_version_once(client, db):
    """The anonymous page cache reads the version for its key; the view reuses it: the version and the search's
    matches, once the worker's index of the catalogue is built (the facet counts and the page come from it)."""
    generate(services=15, adoptions=30)
    client.get("/catalogue/?q=budget")  # builds the index of this version
    with CaptureQueriesContext(connection) as context:
        assert client.get("/catalogue/?q=donn%C3%A9es+%C3%A9cole").status_code == 200
    versions = [query for query in context.captured_queries if "MAX(updated_at)" in query["sql"]]
    assert len(versions) == 1
    assert len(context.captured_queries) == 2
