"""The espace ANCT with 5,000 collectivités and 2,000 ingénierie requests: each page's server time and queries,
and its ratio to a bare page of the same layout measured in the same run (target: ten times at most).

Two bare pages: anonymous (as the other benchmarks) and logged in (same session and user lookups as the espace).
"""

import statistics
import time

from django.db import connection
from django.test import Client

from accounts.enums import OrganisationStatus, ScopeLevel
from accounts.models import Organisation, StaffScope, User
from assistance.enums import LocalSupport, RequestKind, RequestStatus
from assistance.models import AssistanceRequest, Expert
from benchmarks.harness import Report, time_page
from journeys.content.loader import load_default_content
from journeys.models import Project
from journeys.selectors import current_template
from territories.models import Commune, Departement, Region
from tests.accounts.factories import login_with_second_factor

PREFIX = "Bench espace"
ORGANISATIONS = 5_000
REQUESTS = 2_000
PROJECTS = 1_000
DEPARTEMENTS = 10
ANALYSED_TABLES = [
    "accounts_organisation",
    "accounts_membership",
    "accounts_joinrequest",
    "journeys_project",
    "journeys_stagevalidation",
    "assistance_assistancerequest",
    "assistance_follow",
    "assistance_expert",
    "territories_commune",
    "territories_departement",
    "territories_region",
]


def generate() -> dict:
    """Create the data once (the bench database persists between runs)."""
    load_default_content()
    template = current_template()
    first_stage = template.stages.order_by("order").first()
    if Organisation.objects.filter(name__startswith=PREFIX).count() < ORGANISATIONS:
        region, _ = Region.objects.get_or_create(code="ZZ", defaults={"name": "Région de mesure", "search_name": "x"})
        departements = [
            Departement.objects.get_or_create(
                code=f"Z{i}", defaults={"name": f"Département de mesure {i}", "region": region, "search_name": "x"}
            )[0]
            for i in range(DEPARTEMENTS)
        ]
        communes = Commune.objects.bulk_create(
            Commune(
                insee_code=f"Z{i:04d}",
                name=f"{PREFIX} {i}",
                population=500 + (i * 37) % 20_000,
                departement=departements[i % DEPARTEMENTS],
                region=region,
                search_name=f"bench espace {i}",
            )
            for i in range(ORGANISATIONS)
        )
        organisations = Organisation.objects.bulk_create(
            Organisation(
                name=commune.name,
                kind="commune",
                commune=commune,
                departement_id=commune.departement_id,
                region_id=region.code,
                status=OrganisationStatus.PENDING if i % 25 == 0 else OrganisationStatus.CONFIRMED,
            )
            for i, commune in enumerate(communes)
        )
        projects = Project.objects.bulk_create(
            Project(
                organisation=organisations[i],
                title=f"Projet de mesure {i}",
                template=template,
                current_stage=first_stage,
            )
            for i in range(PROJECTS)
        )
        kinds, statuses = list(RequestKind.values), list(RequestStatus.values)
        AssistanceRequest.objects.bulk_create(
            AssistanceRequest(
                project=projects[i % PROJECTS],
                organisation_id=projects[i % PROJECTS].organisation_id,
                kind=kinds[i % len(kinds)],
                need="Un besoin décrit en quelques phrases. " * 5,
                local_support=LocalSupport.DECLINED,
                status=statuses[i % len(statuses)],
                redirected_to="Agence départementale",
                refusal_reason="Hors champ",
                outcome="Fait",
            )
            for i in range(REQUESTS)
        )
        Expert.objects.bulk_create(
            Expert(
                name=f"Expert de mesure {i}", organisation="Cerema", email=f"expert{i}@example.fr", is_national=True
            )
            for i in range(60)
        )
    if connection.vendor == "postgresql":
        # Fresh statistics, as autovacuum would give a real database (it may be off where the bench runs): without
        # them the planner took 5,000 collectivités for 847 and 2,000 requests for 500.
        with connection.cursor() as cursor:
            for table in ANALYSED_TABLES:
                cursor.execute(f"ANALYZE {table}")
    return {
        "collectivités": Organisation.objects.filter(name__startswith=PREFIX).count(),
        "demandes": AssistanceRequest.objects.filter(organisation__name__startswith=PREFIX).count(),
    }


def _cpu_p50(client: Client, url: str, repeat: int = 30) -> float:
    """Median CPU time of the web process for a page (the machine is shared: wall time also counts waiting)."""
    samples = []
    for _ in range(repeat):
        started = time.process_time()
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
        samples.append((time.process_time() - started) * 1000)
    return round(statistics.median(samples), 2)


def _staff(email: str, level: str, departements=()) -> User:
    user, _ = User.objects.get_or_create(email=email, defaults={"is_staff": True})
    scope, _ = StaffScope.objects.update_or_create(user=user, defaults={"level": level})
    scope.departements.set(departements)
    return user


def run(report: Report) -> None:
    report.add("données générées", **generate())
    anonymous_bare = time_page(Client(), "/plan-du-site/", repeat=200)
    anonymous_bare["cpu_p50_ms"] = _cpu_p50(Client(), "/plan-du-site/", repeat=100)
    report.add("plan du site, anonyme (page nue, même gabarit)", **anonymous_bare)
    national = _staff("mesure-national@anct.example.fr", ScopeLevel.NATIONAL)
    departemental = _staff(
        "mesure-z0@anct.example.fr", ScopeLevel.DEPARTEMENTAL, Departement.objects.filter(code="Z0")
    )
    sample = AssistanceRequest.objects.filter(organisation__name__startswith=PREFIX).order_by("pk").first()
    pages = {
        "accueil de l’espace": "/espace-anct/",
        "demandes": "/espace-anct/demandes/",
        "demandes filtrées et triées": "/espace-anct/demandes/?statut=deposee&type=amo&tri=-depot",
        "demandes, page 20": "/espace-anct/demandes/?page=20",
        "collectivités": "/espace-anct/collectivites/",
        "collectivités à confirmer": "/espace-anct/collectivites/?statut=pending&tri=-inscription",
        "projets": "/espace-anct/projets/",
        "experts": "/espace-anct/experts/",
        "une demande": sample.get_espace_url(),
    }
    for who, user in (("national (tout)", national), ("départemental (1 département sur 10)", departemental)):
        client = Client()
        login_with_second_factor(client, user)
        logged_bare = time_page(client, "/plan-du-site/", repeat=200)
        report.add(f"plan du site, connecté {who}", **logged_bare)
        for label, url in pages.items():
            if who.startswith("départemental") and label == "une demande":
                continue
            figures = time_page(client, url, repeat=40)
            figures["ratio_anonyme"] = round(figures["p50_ms"] / anonymous_bare["p50_ms"], 1)
            figures["ratio_connecte"] = round(figures["p50_ms"] / logged_bare["p50_ms"], 1)
            figures["cpu_p50_ms"] = _cpu_p50(client, url)
            figures["ratio_cpu_anonyme"] = round(figures["cpu_p50_ms"] / anonymous_bare["cpu_p50_ms"], 1)
            report.add(f"espace ANCT, {who} — {label}", **figures)
        export = time_page(client, "/espace-anct/demandes/export.csv", repeat=10)
        export["cpu_p50_ms"] = _cpu_p50(client, "/espace-anct/demandes/export.csv", repeat=10)
        report.add(f"export CSV des demandes, {who}", **export)
