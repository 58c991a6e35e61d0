"""A keyboard user files an ingénierie request from a project: a server-side error first (focus on the error
summary, which leads to each field), then the request is sent and its page read, with the keyboard alone."""

import re

from playwright.sync_api import expect

from assistance.models import AssistanceRequest
from tests.journeys.factories import ProjectFactory, move_to, sample_template

FOCUSED_ID = "document.activeElement.id"
BAD_REQUEST = "status of 400"


def test_request_filed_with_the_keyboard(page, live_server, login_as, world, page_guard):
    sample_template()
    project = move_to(ProjectFactory(organisation=world["org"], title="Assistant pour l’accueil"), "cadrage")
    login_as(world["member"])
    page.goto(live_server.url + project.get_absolute_url())
    page.get_by_role("link", name="Demander l’avis de l’ANCT sur le cadrage").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Demander un appui à l’ANCT")

    # The need is left empty and the local support unanswered: the server refuses the request.
    page.get_by_role("button", name="Envoyer la demande").focus()
    page.keyboard.press("Enter")
    summary = page.locator("#resume-erreurs")
    expect(summary).to_be_focused()
    expect(page).to_have_title(re.compile(r"^Erreur\u00a0: Demander un appui à l’ANCT"))
    page.wait_for_timeout(1_000)
    expect(summary).to_be_focused()  # nothing pulls focus away from the summary
    assert AssistanceRequest.objects.count() == 0

    # Tab reaches the first error's link; Enter puts focus in its field, where the answer is typed.
    page.keyboard.press("Tab")
    first_link = page.evaluate("document.activeElement.getAttribute('href')")
    assert first_link == "#id_need", first_link
    page.keyboard.press("Enter")
    assert page.evaluate(FOCUSED_ID) == "id_need"
    page.keyboard.type("Un avis sur notre note de cadrage avant le conseil.")

    # The next error's link, from the summary: Enter leads to the first choice of the radio group.
    link = summary.get_by_role("link", name=re.compile("Avez-vous sollicité"))
    link.focus()
    target = link.get_attribute("href")
    page.keyboard.press("Enter")
    assert "#" + page.evaluate(FOCUSED_ID) == target
    assert page.evaluate("document.activeElement.type") == "radio"
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    choice = page.evaluate(FOCUSED_ID)
    expect(page.locator(f"#{choice}")).to_be_checked()
    # Tab leaves the group for the first local actor; Space ticks it.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "local_actors"
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked")

    page.get_by_role("button", name="Envoyer la demande").focus()
    page.keyboard.press("Enter")

    # The request's page: its title, the confirmation, the status; the message form is reached with Tab.
    expect(page.get_by_role("heading", level=1)).to_have_text("Avis sur le cadrage")
    expect(page).to_have_title(re.compile(r"^Avis sur le cadrage"))
    expect(page.get_by_role("status").filter(has_text="Votre demande est transmise")).to_be_visible()
    expect(page.get_by_text("déposée", exact=True)).to_be_visible()
    request = AssistanceRequest.objects.get()
    assert request.need == "Un avis sur notre note de cadrage avant le conseil."
    assert request.local_actors
    page.wait_for_timeout(1_000)
    # A new page: the reading starts at its top (skip links first), nothing grabbed focus meanwhile.
    assert page.evaluate("document.activeElement.tagName") == "BODY"
    message = page.get_by_label("Votre message")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "body":
            break
    expect(message).to_be_focused()
    page.keyboard.type("Merci.")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("!!document.activeElement.closest('#echanges, #contenu')")
    # The browser logs the refused request (400) we asked for; any other problem still fails the test.
    page_guard.problems[:] = [p for p in page_guard.problems if BAD_REQUEST not in p]
