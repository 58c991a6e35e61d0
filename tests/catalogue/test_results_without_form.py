"""The results region of a valid query string is written without the filter's form, the same as with it; an invalid
value still shows the form's error marks."""

import pytest
from django.test import RequestFactory

from catalogue import selectors, views
from common import facets
from tests.catalogue.factories import ServiceFactory

QUERIES = [
    "",
    "q=cantine",
    "q=%3Cb%3E%27%22%26",
    "q=cantine&theme=donnees&ia=oui&tri=nom",
    "theme=inconnue&licence=MIT&licence=EUPL-1.2&page=2",
    "ia=peut-etre&q=cantine",  # invalid: the form marks the boxes
    "tri=hasard",
    "programme=Pas%20un%20slug",
]


@pytest.mark.parametrize("query", QUERIES)
def test_the_region_is_the_one_the_form_wrote(themes, monkeypatch, query):
    for index in range(25):
        ServiceFactory(
            name=f"Cantine {index}",
            themes=[themes["donnees"]],
            uses_ai=index % 2 == 0,
            ai_description="Un modèle de langue.",
        )
    version = selectors.pages_version()
    request = RequestFactory().get(f"/catalogue/?{query}")
    quick = views._render_region(request, version)
    monkeypatch.setattr(facets, "quick_cleaned", lambda *args: None)
    assert quick == views._render_region(request, version)
    if "peut-etre" in query:
        assert 'aria-invalid="true"' in quick[0]
