"""A project's themes are read by the pages that show them (its page), not by its other pages."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.journeys.factories import ThemeFactory, journeys_world, sample_template


def _sql(client, url) -> tuple[str, str]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return " ".join(query["sql"] for query in ctx.captured_queries), response.content.decode()


def test_diagnostic_results_do_not_read_the_themes(client_as, world):
    sample_template()
    project = journeys_world(world)["journeys_project"]
    project.themes.add(ThemeFactory(slug="mobilite"))
    url = reverse("journeys:diagnostic_result", kwargs={"public_id": project.public_id})
    sql, _html = _sql(client_as(world["member"]), url)
    assert '"catalogue_theme"' not in sql


def test_project_page_shows_the_themes_in_one_query(client_as, world):
    sample_template()
    project = journeys_world(world)["journeys_project"]
    project.themes.add(ThemeFactory(slug="mobilite"), ThemeFactory(slug="sante"))
    sql, html = _sql(client_as(world["member"]), project.get_absolute_url())
    assert sql.count('FROM "catalogue_theme"') == 1
    assert "Mobilite" in html
    assert "Sante" in html
