"""The diagnostic results read the project with its organisation only: nothing else of it is shown, and nothing
is loaded lazily later (a query per relation the page would touch)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.journeys.factories import journeys_world


def test_results_page_reads_no_journey_structure_per_request(world, client_as):
    journeys_world(world)
    project = world["journeys_project"]
    client = client_as(world["member"])
    url = reverse("journeys:diagnostic_result", args=[project.public_id])
    client.get(url)  # warm the per-worker structures
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    tables = " ".join(query["sql"] for query in ctx.captured_queries)
    assert '"journeys_journeytemplate"' not in tables
    assert '"journeys_stage"' not in tables
    assert len(ctx.captured_queries) <= 5


def test_member_reads_come_precompiled_and_staff_still_get_their_page(world, client_as):
    from journeys import selectors
    from journeys.results import response_of
    from journeys.selectors import member_project

    journeys_world(world)
    project = world["journeys_project"]
    found = member_project(world["member"], project.public_id)
    assert found == selectors.project_for_page(world["member"], project.public_id)
    assert found.organisation.name == world["org"].name
    assert response_of(found).answers == {"strategie-1": 2}
    assert member_project(world["outsider"], project.public_id) is None
    assert member_project(world["staff_in"], project.public_id) is None
    url = reverse("journeys:diagnostic_result", args=[project.public_id])
    assert client_as(world["staff_in"]).get(url).status_code == 200
    assert client_as(world["staff_out"]).get(url).status_code == 404
    assert client_as(world["outsider"]).get(url).status_code == 404
