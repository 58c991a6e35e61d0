"""The régions and départements the staff lists' filters offer are kept per worker under the referential's
version (territories.selectors): no query once kept, and a territory saved shows at once."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from territories import selectors
from tests.territories.factories import DepartementFactory, RegionFactory


def test_choices_are_read_once(db):
    DepartementFactory(code="13", name="Bouches-du-Rhône", region=RegionFactory(code="93", name="Provence"))
    selectors.region_choices(), selectors.departement_choices()

    with CaptureQueriesContext(connection) as queries:
        assert ("93", "Provence") in selectors.region_choices()
        assert ("13", "Bouches-du-Rhône") in selectors.departement_choices()

    assert len(queries) == 0


def test_a_territory_saved_shows_at_once(db):
    region = RegionFactory(code="93", name="Provence")
    assert selectors.region_choices() == [("93", "Provence")]
    assert selectors.departement_choices() == []

    region.name = "Provence-Alpes-Côte d’Azur"
    region.save()
    DepartementFactory(code="13", name="Bouches-du-Rhône", region=region)

    assert selectors.region_choices() == [("93", "Provence-Alpes-Côte d’Azur")]
    assert selectors.departement_choices() == [("13", "Bouches-du-Rhône")]
