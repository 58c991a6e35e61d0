"""A member asks ANCT for ingénierie; the chargé de mission of the département, logged in with TOTP, accepts it,
mobilises an expert and answers; the member sees it; a chargé of another département sees none of it."""

import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from django.core import mail
from django.test import Client
from playwright.sync_api import expect

from assistance.models import AssistanceRequest
from tests.accounts.factories import activate_totp, login_with_second_factor
from tests.assistance.factories import ExpertFactory
from tests.journeys.factories import PDF_BYTES, ProjectFactory, move_to, sample_template

PASSWORD = "motdepasse-de-test-solide"
NOT_FOUND = "status of 404"


@pytest.fixture
def new_page(browser, browser_context_args, page_guard):
    """Another browser (own cookies) under the same guard as `page`: one per person."""
    contexts = []

    def _open():
        context = browser.new_context(**browser_context_args)
        contexts.append(context)
        other = context.new_page()
        other.set_default_timeout(10_000)
        other.on("console", page_guard.on_console)
        other.on("pageerror", page_guard.on_page_error)
        other.route(re.compile(r".*"), page_guard.on_route)
        other.on("load", lambda p: page_guard.audit(p))
        return other

    yield _open
    for context in contexts:
        context.close()


def _session_login(browser_page, user, live_server) -> None:
    """A session cookie; for ANCT staff, a session that passed the second factor, as the espace requires."""
    client = Client()
    if user.is_staff:
        login_with_second_factor(client, user)
    else:
        client.force_login(user)
    cookie = client.cookies["sessionid"]
    browser_page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


def _totp_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(iter(yield_hotp_counters_from_time()))))


def _login_with_totp(browser_page, user, live_server) -> None:
    """The real login: password, then the code of the authenticator app (a new one: the secret of the one the role
    fixture enrolled is not kept)."""
    Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).delete()
    secret = activate_totp(user)
    browser_page.goto(live_server.url + "/compte/login/?next=/espace-anct/")
    browser_page.get_by_label("Courriel").fill(user.email)
    browser_page.get_by_label("Mot de passe").fill(PASSWORD)
    browser_page.get_by_role("button", name="Se connecter").click()
    browser_page.get_by_label("Code").fill(_totp_code(secret))
    browser_page.get_by_role("button", name="Connexion").click()
    expect(browser_page.get_by_role("heading", level=1)).to_have_text("Espace ANCT")


def test_a_request_from_submission_to_experts_and_back_to_the_member(
    page, new_page, live_server, world, tmp_path, page_guard
):
    sample_template()
    project = move_to(ProjectFactory(organisation=world["org"], title="Assistant pour l’accueil"), "cadrage")
    member, chargé = world["member"], world["staff_in"]
    chargé.first_name, chargé.last_name = "Camille", "Roussel"
    chargé.save()
    expert = ExpertFactory(name="Claire Dubois", organisation="Cerema")
    note = tmp_path / "note-de-cadrage.pdf"
    note.write_bytes(PDF_BYTES)

    # The member asks from the Cadrage stage of the project.
    _session_login(page, member, live_server)
    page.goto(live_server.url + project.get_absolute_url())
    page.get_by_role("link", name="Demander l’avis de l’ANCT sur le cadrage").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Demander un appui à l’ANCT")
    expect(page.get_by_label("Quel appui demandez-vous ?")).to_have_value("avis_cadrage")
    page.get_by_label("Votre besoin, dans vos mots").fill("Un avis sur notre note de cadrage avant le conseil.")
    page.get_by_text("oui, elle ne peut pas nous accompagner sur ce sujet").click()
    page.get_by_text("l’intercommunalité").click()
    page.get_by_label("Documents utiles").set_input_files(str(note))
    page.get_by_role("button", name="Envoyer la demande").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Avis sur le cadrage")
    expect(page.get_by_text("déposée", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="note-de-cadrage.pdf")).to_be_visible()
    request = AssistanceRequest.objects.get()

    # The chargé de mission of the département logs in with TOTP and finds it on the espace home.
    desk = new_page()
    _login_with_totp(desk, chargé, live_server)
    new_requests = desk.locator("section#new")
    expect(new_requests).to_contain_text(world["org"].name)
    new_requests.get_by_role("link", name=re.compile("avis sur le cadrage")).click()
    expect(desk.get_by_role("heading", level=1)).to_contain_text(world["org"].name)
    desk.get_by_label("Nouveau statut").select_option(label="en instruction")
    desk.get_by_role("button", name="Enregistrer le statut").click()
    expect(desk.get_by_text("La demande est désormais « en instruction ».")).to_be_visible()
    desk.get_by_label("Nouveau statut").select_option(label="acceptée")
    desk.get_by_role("button", name="Enregistrer le statut").click()
    expect(desk.get_by_text("La demande est désormais « acceptée ».")).to_be_visible()
    desk.get_by_label("Expert", exact=True).select_option(label=str(expert))
    desk.get_by_label("Pourquoi cet expert ?").fill("Relit les notes de cadrage des projets de données.")
    desk.get_by_role("button", name="Mobiliser l’expert").click()
    expect(desk.get_by_text("Claire Dubois est mobilisé")).to_be_visible()
    desk.get_by_label("Votre message").fill("Bonjour, **Claire Dubois** (Cerema) vous contactera cette semaine.")
    desk.get_by_role("button", name="Envoyer à la collectivité").click()
    expect(desk.get_by_text("Votre message est envoyé à la collectivité.")).to_be_visible()

    # The member sees the new status and the message.
    page.reload()
    expect(page.get_by_text("experts mobilisés", exact=True).first).to_be_visible()
    expect(page.locator("#echanges strong", has_text="Claire Dubois")).to_be_visible()
    expect(page.locator("#echanges").get_by_text("Camille Roussel (ANCT)")).to_be_visible()
    expect(page.get_by_text("Claire Dubois (Cerema)", exact=False).first).to_be_visible()

    # The emails, read back from the outbox: member, chargé de mission, expert; no one sees another's address.
    by_recipient: dict[str, list] = {}
    for message in mail.outbox:
        by_recipient.setdefault(message.to[0], []).append(message)
    assert any("transmise à l’ANCT" in m.subject for m in by_recipient[member.email])
    assert any("experts mobilisés" in m.subject for m in by_recipient[member.email])
    assert any("Nouveau message" in m.subject and "Claire Dubois" in m.body for m in by_recipient[member.email])
    assert any("Nouvelle demande d’ingénierie" in m.subject for m in by_recipient[chargé.email])
    to_expert = by_recipient[expert.email]
    assert len(to_expert) == 1
    assert "Un avis sur notre note de cadrage avant le conseil." in to_expert[0].body
    assert request.get_espace_url() in to_expert[0].body
    assert all(chargé.email not in m.body for m in by_recipient[member.email])
    assert all(member.email not in m.body for m in by_recipient[chargé.email])

    # A chargé de mission of another département sees none of it, by any URL or filter.
    elsewhere = new_page()
    _session_login(elsewhere, world["staff_out"], live_server)
    elsewhere.goto(live_server.url + "/espace-anct/")
    expect(elsewhere.get_by_role("heading", level=1)).to_have_text("Espace ANCT")
    expect(elsewhere.get_by_text(world["org"].name)).to_have_count(0)
    elsewhere.goto(live_server.url + "/espace-anct/demandes/")
    expect(elsewhere.get_by_text(world["org"].name)).to_have_count(0)
    for url in (
        request.get_espace_url(),
        request.get_absolute_url(),
        f"/espace-anct/demandes/?departement={world['org'].departement_id}",
        f"/espace-anct/collectivites/{world['org'].public_id}/",
    ):
        response = elsewhere.goto(live_server.url + url)
        assert response.status == 404, url
        expect(elsewhere.get_by_text("Assistant pour l’accueil")).to_have_count(0)
    # The browser logs the 404s we expect; any other problem still fails the test.
    page_guard.problems[:] = [p for p in page_guard.problems if NOT_FOUND not in p]
