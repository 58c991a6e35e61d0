"""No « back-office » on screen: French pages and messages say « administration » (the home page aside)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The home page belongs to another piece of work; its wording is changed there.
SKIPPED = {ROOT / "portal" / "templates" / "portal" / "home.html"}


def test_templates_and_admin_titles_never_say_back_office():
    templates = [
        path
        for pattern in ("*/templates/**/*.html", "*/templates/**/*.txt", "templates/**/*.html", "templates/**/*.txt")
        for path in ROOT.glob(pattern)
        if ".venv" not in path.parts and path not in SKIPPED
    ]
    assert templates
    offending = [str(path.relative_to(ROOT)) for path in templates if "back-office" in path.read_text().lower()]
    assert not offending

    from django.contrib import admin

    assert "back-office" not in f"{admin.site.site_header} {admin.site.site_title}".lower()
