"""Search relevance on the shipped catalogue: acronyms find what they stand for, and only that.

« SIG » finds the GIS tools (QGIS, Lizmap) through keywords kept with the themes' data; « ia » finds the
services that use or serve artificial intelligence, not services that merely contain the letters.
"""

import pytest
from django.http import QueryDict

from catalogue import selectors, services
from catalogue.filters import ServiceFilter
from catalogue.models import Service


@pytest.fixture
def shipped(db):
    services.ensure_themes()
    services.load_demo_services()


def _slugs(terms: str) -> set[str]:
    page = selectors.catalogue_page(ServiceFilter(QueryDict(f"q={terms}")), page_number=1)
    return {card.url.strip("/").split("/")[-1] for card in page.cards}


def test_sig_finds_the_gis_tools(shipped):
    assert {"qgis", "lizmap"} <= _slugs("SIG")
    assert {"qgis", "lizmap"} <= _slugs("sig")


def test_ia_finds_only_services_about_artificial_intelligence(shipped):
    found = _slugs("ia")
    about_ai = {
        *Service.objects.filter(uses_ai=True).values_list("slug", flat=True),
        *Service.objects.filter(themes__slug="intelligence-artificielle").values_list("slug", flat=True),
    }
    assert found
    assert found <= about_ai, found - about_ai


def test_the_embedded_search_matches_words_not_letters_inside_them(shipped, monkeypatch):
    """The SQLite path (embedded default): « ia » must not match « social » or « média »."""
    monkeypatch.setattr("catalogue.search.uses_postgres", lambda: False)
    monkeypatch.setattr("catalogue.selectors.uses_postgres", lambda: False, raising=False)
    test_ia_finds_only_services_about_artificial_intelligence(shipped)
    assert {"qgis", "lizmap"} <= _slugs("sig")
