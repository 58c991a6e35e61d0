"""The audit grid docs/rgaa.md decides all 106 RGAA 4.1 criteria; the statement shows the rate computed from it."""

import html
import re
from pathlib import Path

import pytest
from django.urls import reverse

from portal.accessibility import AUDIT

GRID = Path(__file__).resolve().parents[2] / "docs" / "rgaa.md"
# Criteria per theme in RGAA 4.1: images, cadres, couleurs, multimédia, tableaux, liens, scripts, éléments
# obligatoires, structuration, présentation, formulaires, navigation, consultation.
CRITERIA_PER_THEME = [9, 2, 3, 13, 8, 2, 5, 10, 4, 14, 13, 11, 12]


def grid() -> dict[str, tuple[str, str, str]]:
    rows = {}
    for line in GRID.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\|\s*(\d+\.\d+)\s*\|(.*)\|\s*(C|NC|NA)\s*\|(.*)\|(.*)\|\s*$", line)
        if match:
            number, _title, status, pages, decided_by = match.groups()
            assert number not in rows, f"critère {number} en double"
            rows[number] = (status, pages.strip(), decided_by.strip())
    return rows


def test_grid_decides_every_criterion_once():
    rows = grid()
    expected = {f"{theme}.{n}" for theme, count in enumerate(CRITERIA_PER_THEME, 1) for n in range(1, count + 1)}
    assert len(expected) == 106
    assert set(rows) == expected
    for number, (status, pages, decided_by) in rows.items():
        assert decided_by, f"{number}: nothing says what decides it"
        if status != "NA":
            assert pages not in {"", "—"}, f"{number}: no sample page"


def test_statement_figures_come_from_the_grid():
    statuses = [status for status, _pages, _decided in grid().values()]
    assert (AUDIT.compliant, AUDIT.non_compliant, AUDIT.not_applicable) == (
        statuses.count("C"),
        statuses.count("NC"),
        statuses.count("NA"),
    )


@pytest.mark.django_db
def test_statement_and_footer_show_the_rate_and_level(client):
    statuses = [status for status, _pages, _decided in grid().values()]
    rate = round(100 * statuses.count("C") / (statuses.count("C") + statuses.count("NC")), 1)
    level = "totalement conforme" if rate == 100 else "partiellement conforme" if rate >= 50 else "non conforme"
    page = html.unescape(client.get(reverse("portal:accessibility")).content.decode()).replace("\u00a0", " ")
    assert f"{rate:.1f}".replace(".", ",") + " %" in page
    assert f"est <strong>{level}</strong>" in page
    assert f"Accessibilité : {level}</a>" in page
    for section in [
        "Contenus non accessibles",
        "Dérogations pour charge disproportionnée",
        "Environnement de test",
        "Retour d’information et contact",
        "mailto:",
        "Voies de recours",
        "https://formulaire.defenseurdesdroits.fr/",
        "Cette déclaration a été établie le",
    ]:
        assert section in page, section
