"""A member finds a service in the catalogue (search, facets, in place), opens it and declares their interest."""

import re

from django.core.cache import cache
from playwright.sync_api import expect

from catalogue.services import load_demo_services
from tests.accounts.factories import MembershipFactory


def test_member_searches_filters_opens_a_service_and_declares_interest(page, live_server, login_as):
    cache.clear()
    load_demo_services()
    member = MembershipFactory(organisation__name="Saint-Flour").user
    login_as(member)

    page.goto(live_server.url + "/catalogue/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Catalogue des services numériques")
    page.get_by_label("Rechercher un service").fill("donnees")
    page.get_by_label("Rechercher un service").press("Enter")
    expect(page.locator("#catalogue-count")).to_contain_text("pour « donnees »")
    expect(page).to_have_url(re.compile(r"q=donnees"))

    # A facet ticked with the mouse, another with the keyboard alone: the results update in place.
    page.get_by_role("button", name="Thématique", exact=True).click()
    page.locator("label", has_text=re.compile(r"^\s*Intelligence artificielle \(\d+\)")).click()
    expect(page).to_have_url(re.compile(r"theme=intelligence-artificielle"))
    expect(page.locator("label[for=id_ia_0]")).to_contain_text(re.compile(r"Utilise l’IA \(\d+\)"))
    page.get_by_role("button", name="Intelligence artificielle", exact=True).click()
    expect(page.locator("#id_ia_0")).to_be_visible()
    page.locator("#id_ia_0").focus()
    page.keyboard.press("Space")
    expect(page).to_have_url(re.compile(r"ia=oui"))
    assert page.evaluate("document.activeElement.name") == "ia"  # focus stays on the facet after the update
    # The shipped catalogue holds several AI services about data: the count says how many cards the list shows.
    cards = page.locator(".tia-service-list > li")
    expect(cards.first).to_be_visible()
    shown = cards.count()
    assert shown >= 2
    expect(page.locator("#catalogue-count")).to_contain_text(f"{shown} services trouvés pour « donnees »")
    for card in cards.all():
        expect(card).to_contain_text("Utilise l’IA")

    page.get_by_role("link", name="Albert API").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Albert API")
    expect(page.get_by_text("Aucune collectivité n’a encore déclaré ce service.")).to_be_visible()
    page.get_by_role("button", name="Ça nous intéresse (Saint-Flour)").click()

    expect(page.get_by_text("C’est noté : Saint-Flour")).to_be_visible()
    adopters = page.locator("#collectivites ~ ul").first
    expect(adopters).to_contain_text("Saint-Flour")
    expect(adopters).to_contain_text("Ça nous intéresse")


def test_catalogue_works_without_javascript(browser, live_server):
    cache.clear()
    load_demo_services()
    context = browser.new_context(java_script_enabled=False, locale="fr-FR")
    page = context.new_page()
    page.goto(live_server.url + "/catalogue/")
    page.get_by_label("Rechercher un service").fill("ecole")
    page.get_by_role("button", name="Appliquer les filtres").click()
    expect(page).to_have_url(re.compile(r"q=ecole"))
    expect(page.locator("#catalogue-count")).to_contain_text("pour « ecole »")
    context.close()
