"""Every data table of the site can take keyboard focus, so that it can be scrolled when it overflows (RGAA 12.13)."""

import re
from pathlib import Path

from django.conf import settings

EXCLUDED = {"emails", "pdf"}  # layout tables in emails, print-only tables in the PDF report
TABLE = re.compile(r"<table\b[^>]*>")


def site_templates() -> list[Path]:
    root = Path(settings.BASE_DIR)
    found = []
    for path in root.glob("*/templates/**/*.html"):
        if ".venv" in path.parts or EXCLUDED & set(path.parts):
            continue
        found.append(path)
    found += [p for p in (root / "templates").glob("**/*.html") if not EXCLUDED & set(p.parts)]
    return found


def test_every_data_table_is_focusable_or_sits_in_a_focusable_container():
    unreachable = []
    for path in site_templates():
        text = path.read_text()
        for match in TABLE.finditer(text):
            before = text[max(0, match.start() - 300) : match.start()]
            if 'tabindex="0"' in match.group(0) or 'fr-table__container" tabindex="0"' in before:
                continue
            unreachable.append(f"{path.relative_to(settings.BASE_DIR)}: {match.group(0)}")
    assert not unreachable, unreachable


def test_the_check_finds_tables():
    assert sum(TABLE.search(p.read_text()) is not None for p in site_templates()) >= 15
