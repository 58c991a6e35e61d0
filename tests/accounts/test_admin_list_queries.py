"""The national staff's admin lists ask a fixed number of queries, whatever the number of rows (issue 13).

A column left out of `list_only`, or a filter that queries per choice, would add queries per row or per choice.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import resolve

from common.fragments import bump_version
from tests.accounts.factories import OrganisationFactory
from tests.journeys.factories import ProjectFactory, ThemeFactory

LISTS = {
    # session, user, second factor and scope, count, rows (the régions and départements are kept per worker)
    "/admin/accounts/organisation/": 5,
    # + programmes, used themes
    "/admin/journeys/project/": 7,
}
# A page kept in the cache (common.admin.LeanChangeListAdmin.kept_list_tokens): session, user, scope (its key).
KEPT = 3


def _forget_kept_page(url: str) -> None:
    bump_version(*resolve(url).func.model_admin.kept_list_tokens)


def _rows(count: int) -> None:
    theme = ThemeFactory()
    for _ in range(count):
        ProjectFactory(organisation=OrganisationFactory()).themes.add(theme)


@pytest.mark.parametrize("url", LISTS)
def test_a_list_asks_the_same_queries_for_few_and_many_rows(world, client_as, url):
    client = client_as(world["staff_national"])
    counts = []
    for more in (2, 55):
        _rows(more)
        client.get(url)  # the session's first read after login is not what a list costs
        _forget_kept_page(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        counts.append(len(queries))
    assert response.content.count(b'class="action-select"') == 50  # one page of the 57 projects or collectivités
    assert counts == [LISTS[url], LISTS[url]], counts


@pytest.mark.parametrize("url", LISTS)
def test_a_kept_list_asks_only_who_is_asking(world, client_as, url):
    client = client_as(world["staff_national"])
    _rows(3)
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.count(b'class="action-select"') >= 3
    assert len(queries) == KEPT, [query["sql"][:80] for query in queries]
