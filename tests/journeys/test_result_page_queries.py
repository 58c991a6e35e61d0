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
    assert len(ctx.captured_queries) <= 6
