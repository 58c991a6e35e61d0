"""Demo content: the shared themes and at least 25 real services, loaded once and idempotently."""

import io
import re
from pathlib import Path

from django.apps import apps

from catalogue.licences import SPDX_LICENCES
from catalogue.models import Service, Theme

ROOT = Path(__file__).resolve().parents[2]


def test_bootstrap_loads_themes_and_demo_services_once(db):
    config = apps.get_app_config("catalogue")
    out = io.StringIO()
    config.bootstrap(out)
    assert Theme.objects.count() == 15
    count = Service.objects.count()
    assert count >= 25
    assert "services de démonstration chargés" in out.getvalue()
    config.bootstrap(io.StringIO())
    assert Service.objects.count() == count


def test_demo_services_are_complete_searchable_and_honest_about_ai(db):
    apps.get_app_config("catalogue").bootstrap(io.StringIO())
    for service in Service.objects.prefetch_related("themes"):
        assert service.licence in SPDX_LICENCES
        assert service.source_code_url.startswith("https://"), service
        assert service.themes.exists(), service
        assert len(service.description) > 200, service
        assert service.search_text
    assert Service.objects.get(slug="albert-api").uses_ai
    assert not Service.objects.get(slug="qgis").uses_ai


def test_every_theme_linked_from_journeys_and_resources_exists_in_the_catalogue(db):
    from catalogue.demo import THEMES

    slugs = {slug for slug, _name in THEMES}
    assert [slug for slug, _name in THEMES][:3] == ["donnees", "intelligence-artificielle", "relation-usagers"]
    sources = [
        *sorted((ROOT / "journeys" / "content").glob("*.py")),
        *sorted((ROOT / "resources" / "content" / "ressources").glob("*.md")),
    ]
    linked = {slug for path in sources for slug in re.findall(r"theme=([a-z0-9-]+)", path.read_text())}
    assert linked, "no catalogue theme link found in the shipped content"
    assert linked <= slugs, f"themes linked but unknown to the catalogue: {sorted(linked - slugs)}"


def test_a_collectivite_looking_for_ai_or_for_anct_services_finds_several(db):
    apps.get_app_config("catalogue").bootstrap(io.StringIO())
    ai = Service.objects.filter(is_published=True, themes__slug="intelligence-artificielle")
    assert ai.count() >= 3
    assert all(service.uses_ai for service in ai)
    assert Service.objects.filter(publisher__kind="anct").exists()
    assert Service.objects.filter(themes__slug="environnement-energie").exists()
