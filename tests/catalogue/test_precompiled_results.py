"""The results and facet counts of the precompiled queries equal those of queries built for each request.

The catalogue compiles its two queries once per shape of request (which facets, how many values) and runs them with
each request's values: searches of one shape in a row must each get their own results, in the same order, and the
same counts as queries written from the facets' own conditions (by slug, not by id) would give.
"""

import pytest
from django.http import QueryDict

from benchmarks.bench_catalogue import MARK, generate
from catalogue import selectors
from catalogue.filters import FACETS, ServiceFilter, facet_condition
from catalogue.models import Service
from catalogue.search import search_condition, with_rank
from common import precompiled

# Pairs of one shape with other values, so a shape compiled by the first is run with the values of the second.
QUERIES = [
    "q=données",
    "q=école",
    "q=données&theme=donnees",
    "q=cantine&theme=mobilite",
    "theme=donnees&theme=cartographie",
    "theme=culture-tourisme&theme=mobilite",
    "theme=inconnue",
    f"programme={MARK}programme",
    "programme=inconnu",
    "maturite=generalise",
    "maturite=experimentation",
    "hebergement=en-ligne",
    "hebergement=auto-heberge",
    "licence=MIT&licence=EUPL-1.2",
    "licence=Apache-2.0&licence=GPL-3.0-only",
    "q=données&tri=nom&ia=oui",
    "q=budget&tri=nom&ia=oui",
    "tri=adopteurs&ia=non&type=commune&taille=moins-3500",
    "tri=adopteurs&ia=non&type=commune&taille=moins-3500&page=2",
    "q=énergie&maturite=deploiement&licence=MIT&type=region",
    "q=voirie&maturite=generalise&licence=AGPL-3.0-or-later&type=region",
]


def _built(filterset: ServiceFilter, replaced: tuple[str, str] | None = None):
    """The matching services, each condition built for this request (`replaced`: one facet's values swapped)."""
    services = Service.objects.published()
    if (condition := search_condition(filterset.search_terms())) is not None:
        services = services.filter(condition)
    for name, _label in FACETS:
        values = [replaced[1]] if replaced and replaced[0] == name else filterset.selected(name)
        if values:
            services = services.filter(facet_condition(name, values))
    return services


@pytest.fixture
def catalogue(db, monkeypatch):
    monkeypatch.setattr(precompiled, "_cache", {})
    generate(services=60, adoptions=200)


def test_each_request_gets_the_results_and_counts_of_its_own_values(catalogue):
    for query in QUERIES:
        filterset = ServiceFilter(QueryDict(query))
        page_number = int(filterset.data.get("page", 1))
        page = selectors.catalogue_page(filterset, page_number=page_number)
        terms = filterset.search_terms()
        ordered = selectors._ordered(with_rank(_built(filterset), terms), filterset.sort(), has_terms=bool(terms))
        start = (page_number - 1) * selectors.PAGE_SIZE
        expected = list(ordered.values_list("name", flat=True)[start : start + selectors.PAGE_SIZE])
        assert [card.name for card in page.cards] == expected, query
        assert page.total == _built(filterset).count(), query
        for facet in page.facets:
            for value in facet.values:
                assert value.count == _built(filterset, (facet.name, value.value)).count(), (query, value)
    assert len({card for query in QUERIES[:2] for card in _names(query)}) > len(_names(QUERIES[0]))


def _names(query: str) -> set[str]:
    return {card.name for card in selectors.catalogue_page(ServiceFilter(QueryDict(query)), page_number=1).cards}
