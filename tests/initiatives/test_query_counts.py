"""The gallery and a département's page run as many queries with 2 initiatives as with 20."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.accounts.factories import OrganisationFactory
from tests.catalogue.factories import ServiceFactory
from tests.initiatives.factories import InitiativeFactory
from tests.journeys.factories import ProjectFactory, ThemeFactory
from tests.territories.factories import CommuneFactory, DepartementFactory


def _publish(departement, count: int) -> None:
    theme = ThemeFactory(slug="donnees")
    for _ in range(count):
        commune = CommuneFactory(departement=departement, region=departement.region)
        project = ProjectFactory(organisation=OrganisationFactory(commune=commune))
        project.themes.set([theme, ThemeFactory(slug="mobilite")])
        project.shortlist.create(service=ServiceFactory(), is_chosen=True)
        InitiativeFactory(project=project)


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/initiatives/", "/initiatives/departements/63/"])
def test_query_count_does_not_grow_with_the_initiatives(client, url):
    departement = DepartementFactory(code="63", name="Puy-de-Dôme")
    _publish(departement, 2)
    client.get(reverse("portal:home"))  # the cached figures (the gallery's département list) are warm
    small = _queries(client, url)
    _publish(departement, 18)
    client.get(reverse("portal:home"))
    large = _queries(client, url)
    assert small == large, f"{small} requêtes pour 2 initiatives, {large} pour 20"
