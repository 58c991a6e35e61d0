"""A keyboard user fills the ethics and legal check: each key moves focus where expected, the saved result is read
from the confirmation next to it, and dismissing the confirmation does not drop focus to the top of the page."""

from playwright.sync_api import expect

from tests.journeys.factories import ProjectFactory, move_to, sample_template

FOCUSED_ID = "document.activeElement.id"


def test_ethics_check_with_the_keyboard(page, live_server, login_as, world):
    sample_template()
    project = move_to(ProjectFactory(organisation=world["org"], created_by=world["member"]), "cadrage")
    login_as(world["member"])
    page.goto(live_server.url + project.get_absolute_url())
    page.get_by_role("link", name="Faire le cadrage éthique et juridique").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Cadrage éthique et juridique")

    # A yes/no group: focus its first radio, Space chooses it.
    page.locator("#dp_traitement-oui").focus()
    page.keyboard.press("Space")
    expect(page.locator("#dp_traitement-oui")).to_be_checked()
    # Tab leaves the radio group for the first checkbox of the next question; Space ticks, Tab goes to the next box.
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED_ID) == "dp_categories-identite_contact"
    page.keyboard.press("Space")
    for _ in range(3):
        page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED_ID) == "dp_categories-sante"
    page.keyboard.press("Space")
    expect(page.locator("#dp_categories-sante")).to_be_checked()
    # Shift+Tab goes back a box without changing it.
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(FOCUSED_ID) == "dp_categories-numero_securite_sociale"
    expect(page.locator("#dp_categories-numero_securite_sociale")).not_to_be_checked()
    # A single-choice group: the arrow keys move and choose within it.
    page.locator("#dp_base_legale-mission_interet_public").focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    assert page.evaluate(FOCUSED_ID) == "dp_base_legale-obligation_legale"
    expect(page.locator("#dp_base_legale-obligation_legale")).to_be_checked()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.evaluate(FOCUSED_ID) == "dp_base_legale-consentement"  # raises an alert in the result
    expect(page.locator("#dp_base_legale-consentement")).to_be_checked()

    page.get_by_role("button", name="Enregistrer et voir le résultat").focus()
    page.keyboard.press("Enter")

    # After saving, focus is on the confirmation, placed at the top of the result, not on <body>.
    confirmation = page.get_by_role("status").filter(has_text="Le cadrage éthique et juridique est enregistré.")
    expect(confirmation).to_be_focused()
    expect(confirmation).to_be_in_viewport()
    assert page.evaluate("!!document.activeElement.closest('#resultat')")
    page.wait_for_timeout(1_000)
    expect(confirmation).to_be_focused()  # nothing pulls it elsewhere afterwards

    # The result with its alerts follows the confirmation in reading order: reached by reading on from the focus.
    alerts = page.locator("#resultat .fr-alert--warning")
    expect(alerts.filter(has_text="consentement").first).to_be_visible()
    assert page.evaluate(
        """() => [...document.querySelectorAll('#resultat .fr-alert--warning')].every(
             (alert) => document.activeElement.compareDocumentPosition(alert) & Node.DOCUMENT_POSITION_FOLLOWING)"""
    )
    expect(page.locator("#resultat")).to_contain_text("Oui, le projet traite des données personnelles.")

    # Tab reaches the confirmation's close button; closing it keeps focus on the result, not <body>.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "Masquer le message"
    page.keyboard.press("Enter")
    expect(confirmation).to_have_count(0)
    assert page.evaluate("document.activeElement.tagName") != "BODY"
    assert page.evaluate("!!document.activeElement.closest('#resultat')")
    # From there, Tab goes on into the form below the result, not back to the top of the page.
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('#contenu form')")
