"""The tile-grid map: every département of the referential has one tile of its own, each a link with its figures."""

import csv
import gzip
from pathlib import Path

from django.urls import reverse

from initiatives.francemap import TILES, Tile, render_svg
from tests.accounts.factories import OrganisationFactory
from tests.journeys.factories import ProjectFactory
from tests.territories.factories import CommuneFactory, DepartementFactory

REFERENTIAL = Path(__file__).resolve().parents[2] / "territories" / "data" / "departements.csv.gz"
# Collectivités d’outre-mer and the Pacific (codes 975, 977, 978, 98x) are not départements: no tile.
COM_PREFIXES = ("975", "977", "978", "98")


def _departement_codes() -> set[str]:
    """Départements of metropolitan France and the DROM in the shipped referential."""
    with gzip.open(REFERENTIAL, "rt", encoding="utf-8") as handle:
        return {row["code"] for row in csv.DictReader(handle) if not row["code"].startswith(COM_PREFIXES)}


def test_every_departement_has_one_tile_of_its_own():
    assert len(set(TILES.values())) == len(TILES), "deux départements sur la même case"
    assert {"2A", "2B", "971", "972", "973", "974", "976"} <= set(TILES)
    assert len(TILES) == 101
    assert _departement_codes() == set(TILES)


def test_each_tile_links_to_its_departement_and_says_its_figures():
    url = "/initiatives/departements/12/"
    svg = render_svg([Tile(code="12", name="Aveyron", organisations=3, projects=5, url=url)])
    assert f'<a href="{url}" aria-label="Aveyron (12) : 3 collectivités engagées, 5 projets">' in svg


def test_clicking_a_departement_opens_its_page(client):
    departement = DepartementFactory(code="12", name="Aveyron")
    organisation = OrganisationFactory(commune=CommuneFactory(departement=departement, region=departement.region))
    ProjectFactory(organisation=organisation)
    html = client.get(reverse("initiatives:map")).content.decode()
    url = reverse("initiatives:departement", args=["12"])
    assert f'href="{url}"' in html
    assert "Aveyron (12) : 1 collectivité engagée, 1 projet" in html
    page = client.get(url)
    assert page.status_code == 200
    assert organisation.name in page.content.decode()
