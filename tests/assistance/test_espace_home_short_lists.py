"""The home's collectivités to confirm and inactive projects (read with its probes in one UNION ALL): the first
rows oldest first, the count of all of them, only the scope's, on PostgreSQL and on a database that refuses LIMIT
inside a UNION (SQLite, the embedded default)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from accounts.models import Organisation
from common import precompiled
from journeys.models import Project
from tests.accounts.factories import OrganisationFactory
from tests.journeys.factories import ProjectFactory


def _section(client_as, user, key: str) -> str:
    precompiled._cache.clear()  # the compiled queries depend on the database's features
    page = client_as(user).get(reverse("espace:home")).content.decode()
    start = page.index(f'id="{key}"')
    return page[start : page.index("</section>", start)]


@pytest.fixture(params=[True, False], ids=["union-limits", "key-lookups"])
def compound_limits(request, monkeypatch):
    monkeypatch.setattr(connection.features, "supports_slicing_ordering_in_compound", request.param)
    yield
    precompiled._cache.clear()


def test_pending_collectivités_show_the_eight_oldest_and_count_them_all(client_as, world, compound_limits):
    departement = world["org"].departement
    pending = [OrganisationFactory(pending=True, commune__departement=departement) for _ in range(10)]
    for days, organisation in enumerate(pending):
        Organisation.objects.filter(pk=organisation.pk).update(created_at=timezone.now() - timedelta(days=20 - days))
    outside = OrganisationFactory(pending=True, commune__departement=world["other_org"].departement)
    section = _section(client_as, world["staff_in"], "pending")
    assert '<span class="fr-badge fr-badge--sm fr-badge--new">10</span>' in section
    shown = [organisation.name for organisation in pending if organisation.name in section]
    assert shown == [organisation.name for organisation in pending[:8]]
    assert section.index(pending[0].name) < section.index(pending[7].name)
    assert outside.name not in section


def test_inactive_projects_show_the_oldest_activity_first_and_count_them_all(
    client_as, world, settings, compound_limits
):
    settings.ASSISTANCE_INACTIVE_PROJECT_DAYS = 60
    asleep = [ProjectFactory(organisation=world["org"], title=f"Projet endormi {index}") for index in range(9)]
    for index, project in enumerate(asleep):
        Project.objects.filter(pk=project.pk).update(last_activity_at=timezone.now() - timedelta(days=90 - index))
    ProjectFactory(organisation=world["org"], title="Projet actif")
    section = _section(client_as, world["staff_in"], "inactive")
    assert '<span class="fr-badge fr-badge--sm fr-badge--new">9</span>' in section
    assert "Projet endormi 0" in section
    assert "Projet endormi 8" not in section
    assert "Projet actif" not in section
    assert section.index("Projet endormi 0") < section.index("Projet endormi 7")
