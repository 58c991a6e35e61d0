"""Every facet count is the number of services the visitor gets by ticking that value, whatever the combination."""

import html as html_lib
import re
from urllib.parse import parse_qsl, urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from benchmarks.bench_catalogue import generate
from tests.catalogue.factories import ServiceFactory

OPTION = re.compile(
    r'<input type="checkbox" name="(?P<name>[a-z]+)" value="(?P<value>[^"]+)"[^>]*>\s*'
    r'<label class="fr-label" for="[^"]+">(?P<label>.*?) \((?P<count>\d+)\)</label>',
    re.S,
)
GENERATED_LICENCES = ["AGPL-3.0-or-later", "MIT", "Apache-2.0", "GPL-3.0-only", "EUPL-1.2", "MPL-2.0"]
FOUND = re.compile(r"(\d+) services? trouvés?")


def facet_counts(page: str) -> dict[tuple[str, str], int]:
    return {(m["name"], html_lib.unescape(m["value"])): int(m["count"]) for m in OPTION.finditer(page)}


def result_total(page: str) -> int:
    match = FOUND.search(page)
    return int(match.group(1)) if match else 0


@pytest.mark.parametrize(
    "query",
    [
        "theme=donnees&theme=cartographie&type=commune&maturite=generalise&maturite=deploiement"
        "&licence=MIT&licence=AGPL-3.0-or-later&ia=non&hebergement=en-ligne",
        "q=donnees&programme=bench-programme&ia=oui&ia=non&maturite=generalise&maturite=experimentation"
        "&licence=MIT&licence=AGPL-3.0-or-later&licence=EUPL-1.2&taille=moins-3500",
    ],
)
def test_each_count_equals_the_results_of_ticking_that_value(client, db, query):
    generate(services=80, adoptions=300)
    base = parse_qsl(query)
    counts = facet_counts(client.get("/catalogue/?" + urlencode(base)).text)
    assert sum(1 for count in counts.values() if count) >= 10, "trop peu de comptes pour conclure"
    for (name, value), count in counts.items():
        # The value alone in its facet, every other facet (and the search) kept: what the count announces.
        ticked = [(key, val) for key, val in base if key != name] + [(name, value)]
        assert result_total(client.get("/catalogue/?" + urlencode(ticked)).text) == count, (name, value)
    for licence in GENERATED_LICENCES:
        # A licence that would give results is offered (the list shows only licences present in the result).
        ticked = [(key, val) for key, val in base if key != "licence"] + [("licence", licence)]
        if result_total(client.get("/catalogue/?" + urlencode(ticked)).text):
            assert ("licence", licence) in counts, licence


def test_another_page_of_a_search_reuses_its_counts_and_a_new_service_updates_them(client, themes):
    for index in range(25):
        ServiceFactory(name=f"Service {index:02d}", themes=[themes["donnees"]])
    with CaptureQueriesContext(connection) as first:
        first_page = client.get("/catalogue/?theme=donnees").text
    with CaptureQueriesContext(connection) as second:
        second_page = client.get("/catalogue/?theme=donnees&page=2").text
    assert facet_counts(second_page) == facet_counts(first_page)
    # Counted from the worker's index of the catalogue, built by the first request: no query of its own.
    assert len(second.captured_queries) < len(first.captured_queries)
    assert facet_counts(second_page)[("theme", "donnees")] == 25

    ServiceFactory(name="Service nouveau", themes=[themes["donnees"]])
    assert facet_counts(client.get("/catalogue/?theme=donnees&page=2").text)[("theme", "donnees")] == 26
