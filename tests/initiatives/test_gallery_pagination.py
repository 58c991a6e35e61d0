"""The gallery's pagination is the portal's one (common.pagination), with the gallery's own range of page links
(Django's elided range): filters stay in the links, and a single page shows no pagination."""

from django.core.paginator import Paginator
from django.http import QueryDict
from django.urls import reverse

from common.pagination import pagination_html
from initiatives.views import PAGE_SIZE
from tests.initiatives.factories import InitiativeFactory
from tests.page_html import pagination_of

URL = reverse("initiatives:gallery")


def test_the_pagination_is_the_portal_s(client, db):
    for _ in range(PAGE_SIZE + 1):
        InitiativeFactory(objective="services")

    html = client.get(URL, {"objectif": "services", "page": "2"}).text

    page = Paginator(range(PAGE_SIZE + 1), PAGE_SIZE).get_page(2)
    expected = pagination_html(
        page, QueryDict("objectif=services&page=2"), pages=page.paginator.get_elided_page_range(2)
    )
    assert pagination_of(html) == expected
    assert 'href="?objectif=services&amp;page=1"' in expected
    assert 'aria-disabled="true" role="link">Page suivante</a>' in expected


def test_a_single_page_has_no_pagination(client, db):
    InitiativeFactory()

    assert "fr-pagination" not in client.get(URL).text
