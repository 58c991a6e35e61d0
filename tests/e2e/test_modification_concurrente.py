"""Two members of a collectivité edit the same project at once, each in their own browser: nothing is lost."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from journeys.models import DiagnosticResponse, StepAnswer
from tests.accounts.factories import MembershipFactory
from tests.journeys.factories import ProjectFactory, move_to, sample_diagnostic, sample_template

STALE_STATUS = "status of 409"


@pytest.fixture
def other_page(browser, browser_context_args, live_server, page_guard):
    """A second browser (own cookies) for another member, under the same guard as `page`."""
    context = browser.new_context(**browser_context_args)
    second = context.new_page()
    second.set_default_timeout(10_000)
    second.on("console", page_guard.on_console)
    second.on("pageerror", page_guard.on_page_error)
    second.route(re.compile(r".*"), page_guard.on_route)
    second.on("load", lambda p: page_guard.audit(p))
    yield second
    context.close()


def _log_in(browser_page, user, live_server) -> None:
    client = Client()  # one client per person: logging another user in would flush the first session
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    browser_page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


def _team(world):
    alice = world["member"]
    alice.first_name, alice.last_name = "Alice", "Durand"
    alice.save()
    bruno = MembershipFactory(organisation=world["org"], user__first_name="Bruno", user__last_name="Martin").user
    return alice, bruno


def _answer(browser_page, key: str, label: str) -> None:
    browser_page.locator(f"#question-{key}").get_by_text(label, exact=True).click()


def _audit_again(browser_page, page_guard) -> None:
    """The 409 page has the URL of the form already audited: audit it as it is now."""
    page_guard.audited.discard(browser_page.url)
    page_guard.audit(browser_page)


def _expected_stale_log_only(page_guard) -> None:
    # The browser logs the 409 we expect; any other problem still fails the test.
    page_guard.problems[:] = [p for p in page_guard.problems if STALE_STATUS not in p]


def test_second_member_sees_both_diagnostic_answers_then_keeps_theirs_without_losing_the_first(
    page, other_page, live_server, world, page_guard
):
    sample_template()
    sample_diagnostic()
    project = move_to(ProjectFactory(organisation=world["org"]), "diagnostic")
    alice, bruno = _team(world)
    url = live_server.url + reverse("journeys:diagnostic_form", kwargs={"public_id": project.public_id})
    _log_in(other_page, alice, live_server)
    _log_in(page, bruno, live_server)
    other_page.goto(url)
    page.goto(url)

    _answer(other_page, "strategie-1", "Complètement")
    _answer(other_page, "strategie-2", "Un peu")
    other_page.get_by_role("button", name="Enregistrer mes réponses").click()
    expect(other_page.get_by_text("Réponses enregistrées. Il reste 10 question(s) sans réponse.")).to_be_visible()

    _answer(page, "strategie-1", "Pas du tout")
    _answer(page, "donnees-1", "Largement")
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.get_by_role("button", name="Enregistrer mes réponses").click()
    assert posted.value.status == 409
    expect(page.get_by_role("heading", name="Quelqu’un a enregistré le diagnostic entre-temps")).to_be_visible()
    expect(page.get_by_text("rien n’a été enregistré")).to_be_visible()
    expect(page.get_by_text("1 réponse diffère de la vôtre")).to_be_visible()
    conflict = page.locator("#question-strategie-1")
    expect(conflict.get_by_text("Réponse enregistrée par Alice Durand : Complètement")).to_be_visible()
    expect(conflict.get_by_text("Votre réponse (non enregistrée) : Pas du tout")).to_be_visible()
    expect(conflict.get_by_label("Pas du tout")).to_be_checked()
    expect(page.locator("#question-strategie-2").get_by_label("Un peu")).to_be_checked()
    expect(page.locator("#question-donnees-1").get_by_label("Largement")).to_be_checked()
    _audit_again(page, page_guard)
    saved = DiagnosticResponse.objects.get(project=project)
    assert saved.answers == {"strategie-1": 3, "strategie-2": 1}
    assert (saved.version, saved.updated_by) == (1, alice)

    # Bruno checked both versions and deliberately keeps his answer.
    page.get_by_role("button", name="Enregistrer mes réponses").click()
    expect(page.get_by_text("Réponses enregistrées. Il reste 9 question(s) sans réponse.")).to_be_visible()
    saved.refresh_from_db()
    assert saved.answers == {"strategie-1": 0, "strategie-2": 1, "donnees-1": 2}
    assert (saved.version, saved.updated_by) == (2, bruno)
    _expected_stale_log_only(page_guard)


def test_second_member_sees_both_versions_of_a_step_and_keeps_theirs(page, other_page, live_server, world, page_guard):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    alice, bruno = _team(world)
    _log_in(other_page, alice, live_server)
    _log_in(page, bruno, live_server)
    other_page.goto(live_server.url + project.get_absolute_url())
    page.goto(live_server.url + project.get_absolute_url())
    besoin = {
        p: p.locator("section", has=p.get_by_role("heading", name="Quel est le besoin ?")) for p in (page, other_page)
    }

    besoin[other_page].get_by_label("Votre réponse").fill("Réduire l’attente au guichet.")
    besoin[other_page].get_by_role("button", name="Enregistrer").click()
    expect(other_page.get_by_text("« Quel est le besoin ? » est enregistré.")).to_be_visible()

    besoin[page].get_by_label("Votre réponse").fill("Répondre le soir aux habitants.")
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        besoin[page].get_by_role("button", name="Enregistrer").click()
    assert posted.value.status == 409
    section = page.locator("section", has=page.get_by_role("heading", name="Quel est le besoin ?"))
    expect(section.get_by_role("alert")).to_contain_text("comparez les deux versions")
    expect(section.get_by_role("heading", name="Version enregistrée par Alice Durand")).to_be_visible()
    expect(section.get_by_text("Réduire l’attente au guichet.")).to_be_visible()
    expect(section.get_by_role("heading", name="Votre version (non enregistrée)")).to_be_visible()
    expect(section.get_by_label("Votre réponse")).to_have_value("Répondre le soir aux habitants.")
    answer = StepAnswer.objects.get(project=project)
    assert (answer.value, answer.version, answer.updated_by) == ({"text": "Réduire l’attente au guichet."}, 1, alice)

    section.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("« Quel est le besoin ? » est enregistré.")).to_be_visible()
    answer.refresh_from_db()
    assert (answer.value, answer.version, answer.updated_by) == ({"text": "Répondre le soir aux habitants."}, 2, bruno)
    _expected_stale_log_only(page_guard)
