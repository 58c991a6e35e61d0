"""A visitor looks for a use case in the resource library, then reads the legal framework it points to."""

import io
import re

from django.apps import apps
from playwright.sync_api import expect

from resources.models import Resource


def test_visitor_filters_use_cases_opens_air_quality_then_reads_the_legal_framework(page, live_server):
    apps.get_app_config("resources").bootstrap(io.StringIO())
    use_cases = Resource.objects.published().filter(kind="cas-usage").count()
    frameworks = Resource.objects.published().filter(kind="cadre").count()

    page.goto(live_server.url + "/ressources/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ressources pour les élus et les agents")
    kinds = page.get_by_role("group", name="Type de ressource")
    kinds.locator("label").filter(has_text="Cas d’usage").click()
    expect(kinds.get_by_label(f"Cas d’usage ({use_cases})")).to_be_checked()
    page.get_by_role("button", name="Appliquer les filtres").click()

    expect(page).to_have_url(re.compile(r"\?.*type=cas-usage"))
    results = page.get_by_role("list", name="Résultats")
    expect(results.get_by_role("heading", level=3)).to_have_count(use_cases)
    expect(page.get_by_role("status")).to_contain_text(f"{use_cases} ressources trouvées")

    results.get_by_role("link", name="Prévoir la qualité de l’air à l’échelle de la rue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Prévoir la qualité de l’air à l’échelle de la rue")
    summary = page.get_by_role("navigation", name="Sommaire")
    summary.get_by_role("link", name="Points d’attention éthiques et juridiques").click()
    expect(page).to_have_url(re.compile(r"#cas-ethics$"))

    page.get_by_role("link", name="analyse d’impact (AIPD)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Données personnelles\u00a0: le RGPD et l’analyse d’impact (AIPD)"
    )
    expect(page.get_by_role("navigation", name="Sommaire")).to_be_visible()
    source = page.get_by_role("complementary", name="Source et liens")
    expect(source.get_by_text("Délibération n° 2018-327 du 11 octobre 2018", exact=True)).to_be_visible()

    page.get_by_role("link", name="Toutes les ressources «\u00a0Cadre éthique et juridique\u00a0»").click()
    expect(page.get_by_role("status")).to_contain_text(f"{frameworks} ressources trouvées")
