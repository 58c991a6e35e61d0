"""The espace home on a database that refuses LIMIT inside a UNION (SQLite, the embedded default of `make run`).

The home reads its sections as UNION ALLs of limited queries on PostgreSQL; on SQLite each limited part becomes a
key lookup. Both databases must show the same sections (this test makes PostgreSQL behave as SQLite does).
"""

from datetime import timedelta

from django.db import connection
from django.urls import reverse
from django.utils import timezone

from assistance.models import AssistanceRequest
from common import precompiled
from tests.assistance.factories import AssistanceRequestFactory


def _sections(client_as, user) -> dict[str, str]:
    precompiled._cache.clear()  # the compiled queries depend on the database's features
    response = client_as(user).get(reverse("espace:home"))
    assert response.status_code == 200
    page = response.content.decode()
    found = {}
    for key in ("new", "overdue"):
        start = page.index(f'id="{key}"')
        found[key] = page[start : page.index("</section>", start)]
    return found


def test_home_shows_the_same_sections_without_limits_in_unions(client_as, world, settings, monkeypatch):
    settings.ASSISTANCE_FIRST_ANSWER_DAYS = 10
    fresh = AssistanceRequestFactory(project__organisation=world["org"])
    late = AssistanceRequestFactory(project__organisation=world["org"])
    AssistanceRequest.objects.filter(pk=late.pk).update(created_at=timezone.now() - timedelta(days=11))
    with_unions = _sections(client_as, world["staff_in"])
    monkeypatch.setattr(connection.features, "supports_slicing_ordering_in_compound", False)
    try:
        without = _sections(client_as, world["staff_in"])
    finally:
        precompiled._cache.clear()
    assert without == with_unions
    assert fresh.get_espace_url() in without["new"]
    assert late.get_espace_url() in without["overdue"]
    assert fresh.get_espace_url() not in without["overdue"]
