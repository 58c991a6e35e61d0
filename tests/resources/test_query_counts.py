from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from resources.enums import ResourceKind
from tests.resources.factories import ResourceFactory, ThemeFactory


def _populate(count: int) -> list:
    themes = [ThemeFactory(slug=f"theme-q{index}") for index in range(3)]
    kinds = list(ResourceKind)
    return [
        ResourceFactory(kind=kinds[index % len(kinds)], themes=themes[: 1 + index % 3], body="## A\n\n## B\n\n## C")
        for index in range(count)
    ]


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_list_runs_the_same_number_of_queries_whatever_the_size(client):
    _populate(3)
    small = _queries(client, reverse("resources:index") + "?q=ressource&type=guide&type=cadre")
    _populate(30)
    large = _queries(client, reverse("resources:index") + "?q=ressource&type=guide&type=cadre")

    assert small == large
    assert large <= 7  # data version, count, page, themes of the page, three facet counts (cache empty)


def test_detail_runs_the_same_number_of_queries_whatever_the_size(client):
    first = _populate(3)[0]
    small = _queries(client, first.get_absolute_url())
    _populate(30)
    large = _queries(client, first.get_absolute_url())

    assert small == large
    assert large <= 3
