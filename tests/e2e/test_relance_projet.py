"""A chargé de mission follows a project from the espace list, waits on the collectivité from the project page; the
member reads what is expected, acts on the project, and the espace no longer counts the collectivité as silent."""

from datetime import timedelta

from django.core import mail
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from assistance import services
from tests.accounts.factories import login_with_second_factor
from tests.journeys.factories import ProjectFactory, sample_template


def _session_login(browser_page, user, live_server, *, staff: bool) -> None:
    client = Client()
    if staff:
        login_with_second_factor(client, user)
    else:
        client.force_login(user)
    cookie = client.cookies["sessionid"]
    browser_page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


def test_a_chargé_waits_on_a_project_and_the_member_answers_by_acting_on_it(page, live_server, world, settings):
    settings.ASSISTANCE_REMINDER_DAYS = 7
    sample_template()
    project = ProjectFactory(organisation=world["org"], title="Tableau de bord des déchets")

    # The chargé de mission follows the project from the espace list (one form, a button per project).
    _session_login(page, world["staff_in"], live_server, staff=True)
    page.goto(live_server.url + "/espace-anct/projets/")
    page.get_by_role("button", name="Je suis ce projet : Tableau de bord des déchets").click()
    expect(page.get_by_text("Vous suivez « Tableau de bord des déchets ».")).to_be_visible()
    expect(page.get_by_role("button", name="Ne plus suivre : Tableau de bord des déchets")).to_be_visible()

    # From the project page, they wait on the collectivité.
    page.goto(live_server.url + project.get_absolute_url())
    page.get_by_label("Ce que vous attendez de la collectivité").fill("Le compte rendu du conseil municipal")
    page.get_by_role("button", name="Attendre la réponse de la collectivité").click()
    expect(page.get_by_text("La collectivité est prévenue ; elle sera relancée")).to_be_visible()
    assert any("Tableau de bord des déchets" in message.subject for message in mail.outbox)

    # A week later nobody has acted: reminded, the collectivité shows on the espace home as silent.
    services.send_due_reminders(now=timezone.now() + timedelta(days=8))
    page.goto(live_server.url + "/espace-anct/")
    expect(page.locator("section#projects_no_reaction")).to_contain_text("Tableau de bord des déchets")

    # The member reads what is expected on the project page and answers with a comment.
    page.context.clear_cookies()
    _session_login(page, world["member"], live_server, staff=False)
    page.goto(live_server.url + project.get_absolute_url())
    expect(page.get_by_text("L’ANCT attend de votre part")).to_contain_text("Le compte rendu du conseil municipal")
    page.get_by_label("Votre commentaire").fill("Le compte rendu est en pièce jointe de l’étape.")
    page.get_by_role("button", name="Publier le commentaire").click()
    expect(page.locator("#commentaires")).to_contain_text("Le compte rendu est en pièce jointe de l’étape.")

    # The espace no longer counts it, and no reminder leaves any more.
    page.context.clear_cookies()
    _session_login(page, world["staff_in"], live_server, staff=True)
    page.goto(live_server.url + "/espace-anct/")
    expect(page.locator("section#projects_no_reaction")).not_to_contain_text("Tableau de bord des déchets")
    assert services.send_due_reminders(now=timezone.now() + timedelta(days=30)) == 0
