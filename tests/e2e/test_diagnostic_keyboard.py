"""A keyboard user answers part of the diagnostic, is told what is left, and reaches each open question from there."""

import re

from playwright.sync_api import expect

from tests.journeys.factories import ProjectFactory, move_to, sample_diagnostic, sample_template


def test_partial_diagnostic_with_the_keyboard(page, live_server, login_as, world):
    sample_template()
    sample_diagnostic()
    project = move_to(ProjectFactory(organisation=world["org"], created_by=world["member"]), "diagnostic")
    login_as(world["member"])
    page.goto(live_server.url + project.get_absolute_url() + "diagnostic/")

    # First radio group: Tab into it, choose with the arrow keys (native radio group behaviour).
    first = page.locator("input[type=radio]").first
    first.focus()
    page.keyboard.press("ArrowDown")
    group = page.evaluate("document.activeElement.name")
    assert page.evaluate("document.activeElement.checked")
    page.get_by_role("button", name="Enregistrer mes réponses").focus()
    page.keyboard.press("Enter")

    expect(page.get_by_text(re.compile(r"Il reste \d+ question"))).to_be_visible()
    unanswered = page.locator("#questions-sans-reponse")
    expect(unanswered).to_be_visible()
    expect(unanswered.locator(f"a[href='#question-{group}']")).to_have_count(0)
    link = unanswered.get_by_role("link").first
    target = link.get_attribute("href")
    link.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("'#' + document.activeElement.id") == target
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "radio"
