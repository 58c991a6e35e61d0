"""The espace pages ask the same number of queries with 10 and with 2,000 requests."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assistance.enums import RequestKind, RequestStatus
from assistance.models import AssistanceRequest
from journeys.models import Project
from tests.accounts.factories import MembershipFactory, OrganisationFactory
from tests.assistance.factories import ExpertFactory
from tests.journeys.factories import ProjectFactory, ThemeFactory

PAGES = [
    ("espace:home", {}),
    ("espace:request_list", {}),
    ("espace:request_list", {"statut": "deposee", "tri": "-activite", "page": "2"}),
    ("espace:organisation_list", {"tri": "departement"}),
    ("espace:project_list", {"suivi": "demande"}),
    ("espace:project_list", {"suivi": "sans_reaction"}),
    ("espace:expert_list", {}),
]
KINDS = list(RequestKind.values)
STATUSES = [RequestStatus.SUBMITTED, RequestStatus.REVIEWING, RequestStatus.ACCEPTED]


def _grow(world, projects: list[Project], total: int) -> None:
    """Requests up to `total`, spread over the projects, kinds and statuses (bulk: the volume is the point)."""
    start = AssistanceRequest.objects.count()
    AssistanceRequest.objects.bulk_create(
        AssistanceRequest(
            project=projects[i % len(projects)],
            organisation_id=projects[i % len(projects)].organisation_id,
            kind=KINDS[i % len(KINDS)],
            need=f"Besoin {i}",
            local_support="refus",
            status=STATUSES[i % len(STATUSES)],
            assigned_to=world["staff_in"] if i % 3 == 0 else None,
        )
        for i in range(start, total)
    )


def _projects(world, count: int) -> list[Project]:
    theme = ThemeFactory()
    for expert in ExpertFactory.create_batch(count):
        expert.themes.add(theme)
    projects = []
    for _ in range(count):
        organisation = OrganisationFactory(commune__departement=world["org"].departement)
        MembershipFactory(organisation=organisation)
        project = ProjectFactory(organisation=organisation)
        project.themes.add(theme)
        projects.append(project)
    return projects


def _count(client, name: str, params: dict) -> int:
    client.get(reverse(name), params)  # steady state: the home records the first visit once
    with CaptureQueriesContext(connection) as context:
        response = client.get(reverse(name), params)
    assert response.status_code == 200, (name, response.status_code)
    return len(context.captured_queries)


@pytest.mark.parametrize(("name", "params"), PAGES)
def test_espace_pages_keep_a_constant_query_count(client_as, world, name, params):
    client = client_as(world["staff_in"])
    projects = _projects(world, 5)
    _grow(world, projects, 10)
    small = _count(client, name, params)
    projects += _projects(world, 15)
    _grow(world, projects, 2_000)
    assert AssistanceRequest.objects.count() == 2_000
    large = _count(client, name, params)
    assert small == large, f"{name}: {small} requêtes avec 10 demandes, {large} avec 2 000"
    assert large <= 30
