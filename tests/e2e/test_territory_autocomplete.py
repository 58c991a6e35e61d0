"""The territory picker in a real browser: type "st etienne", choose with the keyboard, see the card."""

import re

from playwright.sync_api import expect

from territories import services
from territories.referential import read_package
from tests.territories.paths import DATA


def test_visitor_picks_saint_etienne_with_the_keyboard(page, live_server):
    services.load_referential(referential=read_package(DATA / "v1"))
    page.goto(f"{live_server.url}/territoires/")

    combobox = page.get_by_role("combobox", name=re.compile("Nom, code postal, code Insee ou SIREN"))
    combobox.press_sequentially("st etienne", delay=20)
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    expect(page.get_by_role("option").first).to_have_text("Saint-Étienne (42) — commune")
    expect(combobox).to_have_attribute("aria-expanded", "true")

    combobox.press("ArrowDown")
    expect(page.get_by_role("option").first).to_have_attribute("aria-selected", "true")
    expect(combobox).to_have_attribute("aria-activedescendant", re.compile("option-0$"))
    combobox.press("Enter")

    expect(listbox).to_be_hidden()
    expect(combobox).to_have_value("Saint-Étienne (42) — commune")
    expect(page.locator("input[type=hidden][name=territory]")).to_have_value(re.compile(r"^commune:\d+$"))

    page.get_by_role("button", name="Afficher la fiche").click()
    expect(page.get_by_role("heading", level=2, name="Saint-Étienne (42) — commune")).to_be_visible()
    expect(page.get_by_text("Saint-Étienne Métropole")).to_be_visible()


def test_escape_closes_suggestions_and_typing_again_forgets_the_choice(page, live_server):
    services.load_referential(referential=read_package(DATA / "v1"))
    page.goto(f"{live_server.url}/territoires/")

    combobox = page.get_by_role("combobox", name=re.compile("Nom, code postal"))
    combobox.press_sequentially("lyon", delay=20)
    expect(page.get_by_role("option", name="Métropole de Lyon (69) — EPCI")).to_be_visible()
    page.get_by_role("option", name="Métropole de Lyon (69) — EPCI").click()
    hidden = page.locator("input[type=hidden][name=territory]")
    expect(hidden).to_have_value(re.compile(r"^epci:\d+$"))

    combobox.press("Backspace")
    expect(hidden).to_have_value("")
    combobox.fill("")
    combobox.press_sequentially("villeur", delay=20)
    expect(page.get_by_role("option", name="Villeurbanne (69) — commune")).to_be_visible()
    combobox.press("Escape")
    expect(page.get_by_role("listbox")).to_be_hidden()
    expect(combobox).to_have_attribute("aria-expanded", "false")
