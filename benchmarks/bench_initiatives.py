"""The public face: the home page (figures and map, warm and cold cache), the map page, a département's page and the
gallery, each against a bare page of the same layout, measured alternately in CPU time (wall clock is noisy here)."""

import statistics
import time

from django.test import Client

from benchmarks.harness import Report
from initiatives import figures
from initiatives.francemap import TILES
from initiatives.models import Initiative
from journeys.content.loader import load_default_content
from tests.accounts.factories import OrganisationFactory
from tests.initiatives.factories import InitiativeFactory
from tests.journeys.factories import ProjectFactory
from tests.territories.factories import CommuneFactory, DepartementFactory

ORGANISATIONS = 200
BARE = "/plan-du-site/"


def _data() -> str:
    """200 engaged collectivités over the real département codes, 2 projects each, one in four published."""
    codes = sorted(code for code in TILES if len(code) <= 2)
    if Initiative.objects.count() < ORGANISATIONS // 4:
        load_default_content(None)
        for index in range(ORGANISATIONS):
            departement = DepartementFactory(code=codes[index % len(codes)])
            commune = CommuneFactory(departement=departement, region=departement.region, population=500 + index * 150)
            organisation = OrganisationFactory(commune=commune)
            project = ProjectFactory(organisation=organisation)
            ProjectFactory(organisation=organisation)
            if index % 4 == 0:
                InitiativeFactory(project=project)
    return codes[0]


def _cpu_ms(client: Client, url: str, before=None) -> float:
    if before:
        before()
    started = time.process_time()
    response = client.get(url)
    elapsed = (time.process_time() - started) * 1000
    assert response.status_code == 200, f"{url}: {response.status_code}"
    return elapsed


def _compare(client: Client, url: str, *, rounds: int = 60, before=None) -> dict:
    """Median CPU ms of the page and of the bare page, fetched alternately, and their ratio."""
    for _ in range(5):
        _cpu_ms(client, url, before)
        _cpu_ms(client, BARE)
    page, bare = [], []
    for _ in range(rounds):
        page.append(_cpu_ms(client, url, before))
        bare.append(_cpu_ms(client, BARE))
    page_ms, bare_ms = statistics.median(page), statistics.median(bare)
    kb = round(len(client.get(url).content) / 1024, 1)
    return {
        "cpu_p50_ms": round(page_ms, 2),
        "bare_cpu_p50_ms": round(bare_ms, 2),
        "ratio": round(page_ms / bare_ms, 2),
        "kb": kb,
    }


def run(report: Report) -> None:
    code = _data()
    client = Client()
    report.add("accueil anonyme, chiffres en cache", **_compare(client, "/"))
    report.add("accueil anonyme, cache vidé à chaque fois", **_compare(client, "/", before=figures.invalidate))
    report.add("carte des départements", **_compare(client, "/initiatives/carte/"))
    report.add(f"page du département {code}", **_compare(client, f"/initiatives/departements/{code}/"))
    report.add("galerie des initiatives", **_compare(client, "/initiatives/"))
