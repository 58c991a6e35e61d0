"""The shipped snapshot: the whole of France, loaded once (a few seconds)."""

import time

from django.core.management import call_command

from territories.models import Commune, CommunePostcode, Departement, Epci, Region
from territories.selectors import search_territories


def test_bootstrap_loads_the_shipped_snapshot_with_the_official_counts(capsys):
    started = time.monotonic()
    call_command("load_territoires")
    elapsed = time.monotonic() - started

    assert Commune.objects.count() == 34_969  # communes actuelles, COG 2026 (including 94 in the COM)
    assert Epci.objects.count() == 1_255  # EPCI à fiscalité propre (DGCL 2026)
    assert Departement.objects.count() == 109  # 101 + 8 collectivités d’outre-mer
    assert Region.objects.count() == 26  # 18 + 8 collectivités d’outre-mer
    assert Commune.objects.filter(epci__isnull=False).count() == 34_871
    assert CommunePostcode.objects.count() == 35_493
    assert Commune.objects.get(insee_code="42218").epci.name == "Saint-Étienne Métropole"
    assert search_territories("st etienne")[0].label == "Saint-Étienne (42) — commune"
    assert "Référentiel territorial chargé" in capsys.readouterr().out
    assert elapsed < 120  # a sanity bound only: timings live in benchmarks/bench_territories.py
