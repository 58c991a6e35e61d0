"""A request's themes on its two pages (the collectivité's and the espace ANCT's), in the themes' order, escaped;
the espace page reads them with the request on PostgreSQL."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.assistance.factories import AssistanceRequestFactory
from tests.journeys.factories import ThemeFactory


def _request_with_themes(world):
    found = AssistanceRequestFactory(project__organisation=world["org"])
    found.themes.add(
        ThemeFactory(slug="second", name="Mobilités", position=2),
        ThemeFactory(slug="premier", name="Eau & <assainissement>", position=1),
    )
    return found


EXPECTED = "<dt>Thématiques</dt><dd>Eau &amp; &lt;assainissement&gt;, Mobilités</dd>"


def test_the_espace_page_lists_the_themes_in_order(client_as, world):
    found = _request_with_themes(world)
    client = client_as(world["staff_in"])
    client.get(found.get_espace_url())
    with CaptureQueriesContext(connection) as queries:
        page = client.get(found.get_espace_url()).content.decode()
    assert EXPECTED in page
    if connection.vendor == "postgresql":
        assert not [query for query in queries.captured_queries if "assistancerequest_themes" in query["sql"]][1:]


def test_the_collectivité_page_lists_the_themes_in_order(client_as, world):
    found = _request_with_themes(world)
    page = client_as(world["member"]).get(found.get_absolute_url()).content.decode()
    assert EXPECTED in page


def test_no_theme_no_heading(client_as, world):
    found = AssistanceRequestFactory(project__organisation=world["org"])
    assert "Thématiques" not in client_as(world["staff_in"]).get(found.get_espace_url()).content.decode()
