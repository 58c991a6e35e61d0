"""A keyboard user who sends a form with mistakes lands on the error summary and reaches each field from it."""

import re

from playwright.sync_api import expect


def test_sign_up_error_summary_is_focused_and_leads_to_the_field(page, live_server):
    page.goto(live_server.url + "/compte/signup/")
    # The browser's own checks are skipped: they stop at the first field, the server's errors are the subject.
    page.evaluate("document.querySelector('#contenu form').noValidate = true")
    page.get_by_label("Courriel").fill("pas-une-adresse")
    page.get_by_role("button", name="Créer mon compte").focus()
    page.keyboard.press("Enter")

    summary = page.locator("#resume-erreurs")
    expect(summary).to_be_focused()
    expect(page).to_have_title(re.compile(r"^Erreur\u00a0: Créer un compte"))
    page.keyboard.press("Tab")
    focused_link = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused_link
    assert focused_link.startswith("#id_"), focused_link
    page.keyboard.press("Enter")
    assert page.evaluate("'#' + document.activeElement.id") == focused_link
