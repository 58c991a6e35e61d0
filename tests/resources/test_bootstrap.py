import io
import re
from collections import Counter

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import Resolver404, resolve

from resources import services
from resources.content import RESOURCES
from resources.enums import ResourceKind
from resources.models import Resource
from tests.resources.factories import ThemeFactory

INTERNAL_LINK = re.compile(r"\]\((/[^)\s]*)\)")


def bootstrap() -> str:
    out = io.StringIO()
    apps.get_app_config("resources").bootstrap(out)
    return out.getvalue()


def test_bootstrap_loads_the_library():
    output = bootstrap()

    kinds = Counter(Resource.objects.published().values_list("kind", flat=True))
    assert kinds[ResourceKind.BIBLIOGRAPHY] >= 8
    assert kinds[ResourceKind.USE_CASE] >= 6
    assert 4 <= kinds[ResourceKind.FRAMEWORK] <= 7
    assert f"Ressources : {len(RESOURCES)} créées, 0 mises à jour." in output
    air = Resource.objects.get(slug="prevision-qualite-air")
    assert {theme.slug for theme in air.themes.all()} >= {"environnement-energie", "mobilite"}


def test_bootstrap_twice_changes_nothing():
    bootstrap()
    before = {row["slug"]: row for row in Resource.objects.values()}

    output = bootstrap()

    assert output == ""
    assert {row["slug"]: row for row in Resource.objects.values()} == before


def test_bootstrap_through_the_command_is_idempotent():
    call_command("bootstrap", stdout=io.StringIO())
    count = Resource.objects.count()
    call_command("bootstrap", stdout=io.StringIO())

    assert Resource.objects.count() == count


def test_bootstrap_keeps_a_resource_edited_in_the_administration_and_says_so():
    bootstrap()
    air = Resource.objects.get(slug="prevision-qualite-air")
    air.title = "Titre modifié"
    air.save()
    air.themes.clear()

    output = bootstrap()

    air.refresh_from_db()
    assert air.title == "Titre modifié"
    assert not air.themes.exists()
    assert "laissées telles quelles : prevision-qualite-air." in output


def test_bootstrap_brings_a_row_written_before_the_shipped_hash_up_to_date():
    bootstrap()
    Resource.objects.filter(slug="prevision-qualite-air").update(title="Ancien titre livré", shipped_hash="")

    output = bootstrap()

    air = Resource.objects.get(slug="prevision-qualite-air")
    assert air.title == "Prévoir la qualité de l’air à l’échelle de la rue"
    assert "0 créées, 1 mises à jour" in output


def test_unknown_theme_is_refused_before_anything_is_written():
    ThemeFactory(slug="donnees")
    entries = [
        {"slug": "a", "kind": "guide", "title": "A", "summary": "Résumé", "themes": ["donnees"]},
        {"slug": "b", "kind": "guide", "title": "B", "summary": "Résumé", "themes": ["inexistant"]},
    ]

    with pytest.raises(services.ContentError, match="thématique inconnue inexistant"):
        services.load_resources(entries=entries)

    assert not Resource.objects.exists()


def test_duplicate_slug_is_refused():
    entries = [{"slug": "a", "kind": "guide", "title": "A", "summary": "R"}] * 2

    with pytest.raises(services.ContentError, match="en double : a"):
        services.load_resources(entries=entries)


def test_every_internal_link_of_the_content_leads_somewhere(client):
    bootstrap()
    slugs = set(Resource.objects.values_list("slug", flat=True))
    fields = ["body", "problem", "data_used", "approach", "results", "adopters", "ethics"]
    links = {link for entry in RESOURCES for name in fields for link in INTERNAL_LINK.findall(entry.get(name, ""))}

    assert links
    for link in links:
        path = link.split("?")[0]
        try:
            match = resolve(path)
        except Resolver404:
            pytest.fail(f"lien interne cassé : {link}")
        if match.view_name == "resources:resource_detail":
            assert match.kwargs["slug"] in slugs, link


def test_content_uses_french_typography():
    for entry in RESOURCES:
        for name in ("title", "summary", "body"):
            text = entry.get(name, "")
            assert " :" not in text, f"{entry['slug']}.{name}"
            assert "« " not in text, f"{entry['slug']}.{name}"


def test_titles_and_summaries_are_plain_text():
    for entry in RESOURCES:
        for name in ("title", "summary"):
            assert not re.search(r"[*_\[\]<>#]", entry[name]), f"{entry['slug']}.{name}"
