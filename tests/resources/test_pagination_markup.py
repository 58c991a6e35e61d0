"""The library's pagination is the portal's one (common.pagination): links without an address are aria-disabled,
the query string is kept, and a single page shows no pagination."""

from django.core.paginator import Paginator
from django.http import QueryDict
from django.urls import reverse

from common.pagination import pagination_html
from tests.page_html import pagination_of
from tests.resources.factories import ResourceFactory

URL = reverse("resources:index")


def test_the_pagination_is_the_portal_s(client):
    for index in range(30):
        ResourceFactory(title=f"Ressource {index:02d}")

    html = client.get(URL, {"q": "ressource", "page": "2"}).text

    expected = pagination_html(Paginator(range(30), 12).get_page(2), QueryDict("q=ressource&page=2"))
    assert pagination_of(html) == expected
    assert 'href="?q=ressource&amp;page=3"' in expected


def test_the_first_page_s_backward_links_are_disabled(client):
    for index in range(13):
        ResourceFactory(title=f"Ressource {index:02d}")

    navigation = pagination_of(client.get(URL).text)

    assert 'aria-disabled="true" role="link">Première page</a>' in navigation
    assert 'aria-disabled="true" role="link">Page précédente</a>' in navigation


def test_a_single_page_has_no_pagination(client):
    ResourceFactory(title="Seule")

    assert "fr-pagination" not in client.get(URL).text
