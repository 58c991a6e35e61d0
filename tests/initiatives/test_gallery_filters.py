"""The gallery filters by theme, objective, kind and size of collectivité, programme and département."""

import pytest
from django.urls import reverse

from tests.accounts.factories import OrganisationFactory
from tests.initiatives.factories import InitiativeFactory
from tests.journeys.factories import ProjectFactory, ThemeFactory
from tests.territories.factories import CommuneFactory, DepartementFactory, ProgrammeFactory


@pytest.fixture
def gallery(db):
    departement = DepartementFactory(code="15", name="Cantal")
    village_commune = CommuneFactory(population=900, departement=departement, region=departement.region)
    programme = ProgrammeFactory(slug="villages-d-avenir")
    programme.communes.add(village_commune)
    village = ProjectFactory(organisation=OrganisationFactory(commune=village_commune))
    village.themes.set([ThemeFactory(slug="mobilite")])
    city = ProjectFactory(organisation=OrganisationFactory(commune=CommuneFactory(population=120_000)))
    city.themes.set([ThemeFactory(slug="donnees")])
    return {
        "village": InitiativeFactory(project=village, title="Le village", objective="transition"),
        "city": InitiativeFactory(project=city, title="La ville", objective="services"),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, {"Le village", "La ville"}),
        ({"theme": "mobilite"}, {"Le village"}),
        ({"objectif": "services"}, {"La ville"}),
        ({"type": "commune", "taille": "lt2k"}, {"Le village"}),
        ({"taille": "gt50k"}, {"La ville"}),
        ({"programme": "villages-d-avenir"}, {"Le village"}),
        ({"departement": "15"}, {"Le village"}),
    ],
)
def test_filters(client, gallery, query, expected):
    response = client.get(reverse("initiatives:gallery"), query)
    assert response.status_code == 200
    html = response.content.decode()
    assert {title for title in ("Le village", "La ville") if title in html} == expected


def test_unknown_filter_value_is_explained_not_a_500(client, gallery):
    response = client.get(reverse("initiatives:gallery"), {"objectif": "inconnu"})
    assert response.status_code == 400
    assert "Un filtre demandé n’existe pas" in response.content.decode()
