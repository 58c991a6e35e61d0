"""The programme page is cached for every visitor, and any change of what it lists shows at the next request."""

import pytest
from django.urls import reverse

from territories import services
from territories.models import Commune, Epci, Programme
from territories.referential import read_package
from tests.territories.factories import ProgrammeFactory
from tests.territories.paths import DATA

pytestmark = pytest.mark.usefixtures("small_referential")


@pytest.fixture
def acv():
    programme = ProgrammeFactory(slug="action-coeur-de-ville", name="Action Cœur de Ville")
    programme.communes.add(*Commune.objects.filter(insee_code__in=["42187", "42095"]))
    return programme


def _page(client, programme) -> str:
    response = client.get(reverse("territories:programme_detail", kwargs={"slug": programme.slug}))
    assert response.status_code == 200
    return response.content.decode()


def test_a_second_visit_runs_no_query(client, acv, django_assert_num_queries):
    first = _page(client, acv)

    with django_assert_num_queries(0):
        second = _page(client, acv)

    assert "Roanne" in second
    main = slice(first.index("<h1>"), first.index("</main>"))
    assert first[main] == second[main]


def test_a_commune_added_or_removed_shows_at_once(client, acv):
    assert "Villeurbanne" not in _page(client, acv)
    villeurbanne = Commune.objects.get(insee_code="69266")

    acv.communes.add(villeurbanne)
    assert "Villeurbanne" in _page(client, acv)
    assert "3 communes dans 2 départements." in _page(client, acv)

    acv.communes.remove(villeurbanne)
    assert "Villeurbanne" not in _page(client, acv)


def test_an_epci_added_shows_at_once(client, acv):
    epci = Epci.objects.get(siren="200046977")
    assert epci.name not in _page(client, acv)

    acv.epcis.add(epci)

    assert epci.name in _page(client, acv)


def test_a_members_import_shows_at_once(client, acv):
    _page(client, acv)

    services.import_programme_members(programme=acv, content="insee\n69266\n")

    assert "Villeurbanne" in _page(client, acv)


def test_a_renamed_commune_and_programme_show_at_once(client, acv):
    _page(client, acv)
    roanne = Commune.objects.get(insee_code="42187")
    roanne.name = "Roanne-sur-Loire"
    roanne.save()
    acv.summary = "Un programme renommé."
    acv.save()

    content = _page(client, acv)

    assert "Roanne-sur-Loire" in content
    assert "Un programme renommé." in content


def test_a_referential_update_shows_at_once(client, acv):
    """Bulk writes send no signal: the loader moves the token itself."""
    Commune.objects.filter(insee_code="42187").update(name="Ancienne Roanne")
    assert "Ancienne Roanne" in _page(client, acv)

    services.load_referential(referential=read_package(DATA / "v1"))  # renames it back

    content = _page(client, acv)

    assert "Roanne" in content
    assert "Ancienne Roanne" not in content


def test_a_deleted_programme_is_404_at_once(client, acv):
    _page(client, acv)

    Programme.objects.filter(pk=acv.pk).delete()

    assert client.get(reverse("territories:programme_detail", kwargs={"slug": acv.slug})).status_code == 404
