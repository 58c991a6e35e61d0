"""A keyboard user filters the catalogue: the in-place update never pulls focus back nor erases typed text."""

import re
import time

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.cache import cache
from playwright.sync_api import expect

import catalogue.views
from catalogue.services import load_demo_services

LATENCY = 1.5  # seconds: the slow network of the audit


@pytest.fixture
def slow_catalogue(monkeypatch):
    """The in-place (HX-Request) catalogue responses take LATENCY seconds, as on a slow connection."""
    render = catalogue.views._render_region

    def slow_render(request, version):
        if request.headers.get("HX-Request"):
            time.sleep(LATENCY)
        return render(request, version)

    monkeypatch.setattr(catalogue.views, "_render_region", slow_render)


def active(page, prop: str = "id") -> str:
    return page.evaluate(f"document.activeElement && document.activeElement.{prop}")


def tab_until(page, predicate: str, *, backwards: bool = False, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if page.evaluate(predicate):
            return
    raise AssertionError(f"never reached {predicate} with the keyboard")


def test_facet_update_keeps_focus_and_typed_text(page, live_server, slow_catalogue):
    cache.clear()
    load_demo_services()
    page.goto(live_server.url + "/catalogue/")
    count_before = page.locator("#catalogue-count").inner_text()

    # Open the « Utilise l’IA » group with the keyboard and tick its first box with Space.
    tab_until(page, "document.activeElement.getAttribute('aria-controls') === 'facette-ia-groupe'")
    page.keyboard.press("Enter")
    expect(page.locator("#id_ia_0")).to_be_visible()
    page.keyboard.press("Tab")
    assert active(page, "name") == "ia"
    page.keyboard.press("Space")

    # While the response travels, the user goes back to the search field and types.
    tab_until(page, "document.activeElement.name === 'q'", backwards=True)
    page.keyboard.type("ecole")
    expect(page.locator("#catalogue-count")).not_to_have_text(count_before, timeout=8_000)
    expect(page).to_have_url(re.compile(r"ia=oui"))
    assert active(page, "name") == "q", "the update pulled focus away from the search field"
    assert page.locator("#id_q").input_value() == "ecole", "the update erased the typed text"
    expect(page.locator("#catalogue-announce")).to_contain_text(re.compile(r"\d+ service"))
    expect(page).to_have_title(re.compile(r"Utilise l’IA|filtre"))

    # « Appliquer les filtres » (here Entrée in the search field) moves focus to the results heading.
    page.keyboard.press("Enter")
    expect(page.locator("#catalogue-count")).to_contain_text("« ecole »", timeout=8_000)
    expect(page.locator("#resultats")).to_be_focused()
    expect(page).to_have_title(re.compile(r"«\u00a0ecole\u00a0»"))


def test_apply_button_moves_focus_to_results_heading(page, live_server):
    cache.clear()
    load_demo_services()
    page.goto(live_server.url + "/catalogue/")
    page.get_by_label("Rechercher un service").fill("donnees")
    button = page.get_by_role("button", name="Appliquer les filtres")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#catalogue-count")).to_contain_text("pour « donnees »")
    expect(page.locator("#resultats")).to_be_focused()


def test_skip_to_results_comes_before_the_filters(page, live_server):
    cache.clear()
    load_demo_services()
    page.goto(live_server.url + "/catalogue/")
    tab_until(page, "document.activeElement.textContent.trim() === 'Aller aux résultats'")
    # No checkbox and no filter group button before the skip link.
    assert page.evaluate(
        """() => {
          const link = document.activeElement;
          const first = document.querySelector('#catalogue-region input[type=checkbox], .fr-accordion__btn');
          return !!(link.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING);
        }"""
    )
    page.keyboard.press("Enter")
    expect(page.locator("#resultats")).to_be_focused()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#catalogue-results') !== null")


def test_filter_groups_are_collapsed_on_a_phone(page, live_server):
    cache.clear()
    load_demo_services()
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(live_server.url + "/catalogue/?theme=intelligence-artificielle")
    expect(page.locator("#id_ia_0")).to_be_hidden()
    # A group with a ticked value stays open.
    expect(page.locator("label", has_text=re.compile(r"^\s*Intelligence artificielle"))).to_be_visible()
    button = page.locator("[aria-controls=facette-ia-groupe]")
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#id_ia_0")).to_be_visible()


def test_results_keep_their_contrast_while_new_ones_load(page, live_server):
    """While the in-place update runs (aria-busy), the old results stay readable: no fade under 4.5:1 (RGAA 3.2)."""
    cache.clear()
    load_demo_services()
    page.goto(live_server.url + "/catalogue/")
    page.evaluate("document.getElementById('catalogue-results').setAttribute('aria-busy', 'true')")

    results = Axe().run(page, context="#catalogue-results", options={"runOnly": ["color-contrast"]})
    assert results.response["violations"] == []
