"""RGAA 13.1: five minutes before the session ends, an alert offers to extend it; focus is kept and comes back."""

from django.conf import settings
from playwright.sync_api import expect

from tests.journeys.factories import ProjectFactory, sample_template


def test_session_end_is_announced_and_extended_with_the_keyboard(page, live_server, login_as, world, client):
    sample_template()
    project = ProjectFactory(organisation=world["org"], created_by=world["member"])
    login_as(world["member"])
    # The session ends in 5 minutes and 8 seconds: the warning (5 minutes before) comes 8 seconds after the load,
    # time enough to load and type on a busy machine before checking it is not there yet.
    session = client.session
    session.set_expiry(5 * 60 + 8)
    session.save()
    page.goto(live_server.url + project.get_absolute_url())
    field = page.locator("textarea").first
    field.focus()
    page.keyboard.type("Une réponse en cours")
    expect(page.locator("#session-alerte")).to_have_count(0)

    alert = page.get_by_role("alert").filter(has_text="Votre session se termine bientôt")
    expect(alert).to_be_visible(timeout=15_000)
    expect(field).to_be_focused()  # the alert does not take focus away

    button = alert.get_by_role("button", name="Prolonger ma session")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#session-alerte")).to_have_count(0)
    expect(page.locator("#session-statut")).to_have_text("Votre session est prolongée.")
    expect(field).to_be_focused()
    expect(field).to_have_value("Une réponse en cours")
    assert client.session.get_expiry_age() > settings.SESSION_COOKIE_AGE - 60
