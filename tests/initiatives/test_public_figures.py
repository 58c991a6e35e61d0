"""The home page's figures: aggregates from the database, a constant number of queries, cached and invalidated."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from common import fragments
from initiatives import figures
from tests.accounts.factories import OrganisationFactory
from tests.assistance.factories import AssistanceRequestFactory
from tests.initiatives.factories import InitiativeFactory
from tests.journeys.factories import ProjectFactory


def _grow(count: int) -> None:
    for _ in range(count):
        organisation = OrganisationFactory()
        for _ in range(2):
            project = ProjectFactory(organisation=organisation)
        InitiativeFactory(project=project)
    ProjectFactory(organisation=OrganisationFactory(pending=True))  # not counted: ANCT has not confirmed it


def _home_queries(client) -> tuple[int, str]:
    figures.invalidate()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("portal:home"))
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_home_shows_the_aggregated_figures(client):
    _grow(3)
    _count, html = _home_queries(client)
    public = figures.public_figures()
    assert (public.organisations, public.projects, public.initiatives) == (3, 6, 3)
    assert "<strong>3</strong> collectivités engagées" in html
    assert "<strong>6</strong> projets" in html
    assert 'class="tia-map"' in html


def test_home_query_count_does_not_grow_with_the_data(client):
    _grow(1)
    small, _ = _home_queries(client)
    _grow(12)
    large, _ = _home_queries(client)
    assert small == large, f"{small} requêtes avec peu de projets, {large} avec beaucoup"


def test_warm_home_page_runs_no_query(client):
    _grow(2)
    client.get(reverse("portal:home"))
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("portal:home"))
    assert len(queries) == 0, [query["sql"] for query in queries]


@pytest.mark.django_db(transaction=True)
def test_figures_follow_the_data(client):
    """Each change of a counted row drops the cached figures: the next page shows the new count."""
    client.get(reverse("portal:home"))
    assert figures.public_figures().projects == 0
    project = ProjectFactory()
    assert figures.public_figures().projects == 1
    initiative = InitiativeFactory(project=project)
    assert figures.public_figures().initiatives == 1
    initiative.delete()
    assert figures.public_figures().initiatives == 0
    AssistanceRequestFactory(project=project, closed=True)
    assert figures.public_figures().requests_handled == 1
    assert "<strong>1</strong> projet" in client.get(reverse("portal:home")).content.decode()


def test_a_change_moves_the_version_and_the_figures_keep_one_key(db):
    """The figures weigh about 130 KB: they are kept under one key, not one per version."""
    first = figures.public_figures()
    version = figures.figures_version()

    ProjectFactory()

    assert figures.figures_version() != version
    assert figures.public_figures().projects == first.projects + 1
    assert cache.get(figures.CACHE_KEY)[1].projects == first.projects + 1
    assert cache.get(f"{figures.CACHE_KEY}:{version}") is None


class _CountingCache:
    """The cache, counting the reads made through it (get_many is one round trip on Redis)."""

    def __init__(self) -> None:
        self.reads = 0

    def __getattr__(self, name):
        if name in {"get", "get_many"}:
            self.reads += 1
        return getattr(cache, name)


def test_a_warm_read_is_one_cache_round_trip(db, monkeypatch):
    figures.public_figures()
    counting = _CountingCache()
    monkeypatch.setattr(fragments, "cache", counting)

    public = figures.public_figures()

    assert counting.reads == 1
    assert public.projects == 0
