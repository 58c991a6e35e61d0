"""The territorial referential: full load time, and the autocomplete's server time on the whole of France.

- Load: `manage.py load_territoires` in a subprocess against a fresh database (first load, then a second
  run that finds nothing to change), on the same server as BENCH_DATABASE_URL.
- Search: ~30 varied queries (names typed in every way, codes, postcodes, SIREN, labels), timed through
  the selector alone and through the test client (whole middleware stack), p50/p95 over all samples.
"""

import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from benchmarks.harness import Report, percentiles
from territories.models import Commune, Departement, Epci, Region
from territories.selectors import search_territories

ROOT = Path(__file__).resolve().parent.parent
QUERIES = [
    "saint etienne",
    "st-etienne",
    "ST ETIENNE",
    "Saint-Étienne (42) — commune",
    "lyon",
    "métropole de lyon",
    "paris",
    "marseille",
    "sa",
    "st",
    "bo",
    "saint",
    "sainte marie",
    "ecole",
    "chateauneuf",
    "l hay les roses",
    "bretagne",
    "loire",
    "communauté de communes",
    "agglo",
    "villeneuve",
    "saint denis 93",
    "42000",
    "75001",
    "420",
    "42218",
    "2A004",
    "200046977",
    "214202186",
    "zzzz",
]
ROUNDS = 20


def _run(args: list[str], env: dict) -> tuple[float, str]:
    started = time.monotonic()
    result = subprocess.run(  # noqa: S603 (our own manage.py, fixed arguments)
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return time.monotonic() - started, result.stdout


def _bench_load(report: Report) -> None:
    url = connection.settings_dict
    if connection.vendor != "postgresql":
        print(" - chargement : ignoré (BENCH_DATABASE_URL n’est pas PostgreSQL)")
        return
    name = f"{url['NAME']}_load"
    base = f"postgres://{url['USER']}@{url['HOST']}:{url['PORT'] or 5432}"
    env = {**os.environ, "DATABASE_URL": f"{base}/{name}"}
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        _run(["migrate", "--verbosity", "0"], env)
        first_wall, first_out = _run(["load_territoires"], env)
        second_wall, _ = _run(["load_territoires"], env)
        command_time = re.search(r"chargé en ([\d.]+) s", first_out)
        report.add(
            "chargement complet PostgreSQL (base vide)",
            command_s=float(command_time.group(1)) if command_time else None,
            process_wall_s=round(first_wall, 2),
        )
        report.add("second chargement (rien à changer)", process_wall_s=round(second_wall, 2))
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


def _bench_search(report: Report) -> None:
    # Load (or refresh: nothing to write when already there) the referential; the load also runs ANALYZE.
    call_command("load_territoires", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    report.add(
        "référentiel en base",
        communes=Commune.objects.active().count(),
        epci=Epci.objects.active().count(),
        departements=Departement.objects.active().count(),
        regions=Region.objects.active().count(),
    )
    for query in QUERIES:  # warm-up: connection, plans, caches
        search_territories(query)
    samples, cpu, worst = [], [], []
    for query in QUERIES:
        per_query = []
        for _ in range(ROUNDS):
            started, started_cpu = time.perf_counter(), time.process_time()
            search_territories(query)
            per_query.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        samples += per_query
        worst.append((sorted(per_query)[ROUNDS // 2], query))
    report.add(
        "recherche : sélecteur seul (30 requêtes x 20)",
        **percentiles(samples),
        python_cpu_p50_ms=round(statistics.median(cpu), 2),
        load_average=round(os.getloadavg()[0], 1),
    )
    slowest = sorted(worst, reverse=True)[:3]
    report.add("recherche : requêtes les plus lentes (médiane, ms)", **{q: round(ms, 2) for ms, q in slowest})

    client = Client()
    url = reverse("territories:autocomplete")
    samples = []
    for query in QUERIES:
        client.get(url, {"q": query})
    for query in QUERIES:
        full = f"{url}?{urlencode({'q': query})}"
        for _ in range(ROUNDS):
            started = time.perf_counter()
            response = client.get(full)
            samples.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
    with CaptureQueriesContext(connection) as ctx:
        client.get(url, {"q": "saint etienne"})
    report.add(
        "recherche : point d’accès /territoires/recherche/ (client de test)",
        **percentiles(samples),
        queries=len(ctx.captured_queries),
        load_average=round(os.getloadavg()[0], 1),
    )


def run(report: Report) -> None:
    _bench_load(report)
    _bench_search(report)
