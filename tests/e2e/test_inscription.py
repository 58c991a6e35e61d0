"""Inscription: sign up, verify the email, find « st etienne », become référent; a colleague joins, approved."""

import re

from django.core import mail
from playwright.sync_api import expect

from accounts.models import User
from tests.accounts.factories import UserFactory
from tests.territories.factories import CommuneFactory, DepartementFactory, RegionFactory

PASSWORD = "une-phrase-de-passe-solide"


def _saint_etienne():
    loire = DepartementFactory(code="42", name="Loire", region=RegionFactory(code="84", name="Auvergne-Rhône-Alpes"))
    CommuneFactory(name="Saint-Étienne", insee_code="42218", siren="214202186", postcodes="42000", departement=loire)
    CommuneFactory(name="Saint-Étienne-de-Baïgorry", insee_code="64475", siren="216404756", population=1500)


def _pick_saint_etienne(page, typed: str) -> None:
    field = page.get_by_role("combobox", name=re.compile("Nom, code postal, code Insee ou SIREN"))
    field.press_sequentially(typed, delay=30)
    page.get_by_role("option", name="Saint-Étienne (42) — commune").click()
    page.get_by_role("button", name="Rechercher").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Saint-Étienne (42) — commune")


def test_referent_signs_up_creates_the_organisation_and_approves_a_colleague(page, live_server, login_as):
    _saint_etienne()
    mail.outbox.clear()

    # 1. Sign up.
    page.goto(live_server.url + "/compte/signup/")
    page.fill("#id_first_name", "Claire")
    page.fill("#id_last_name", "Martin")
    page.fill("#id_job_title", "Directrice générale des services")
    page.fill("#id_email", "claire.martin@saint-etienne.example.fr")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.get_by_role("button", name="Créer mon compte").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vérifiez votre adresse électronique")

    # 2. Verify the email from the link received.
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/compte/confirm-email/\S+/", mail.outbox[0].body).group(0)
    page.goto(live_server.url + "/" + link.split("://", 1)[1].split("/", 1)[1])
    page.get_by_role("button", name="Confirmer mon adresse").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rejoindre ma collectivité")

    # 3. Find Saint-Étienne by typing "st etienne" and become its référent.
    _pick_saint_etienne(page, "st etienne")
    page.get_by_role("button", name="Créer l’espace et devenir référent").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mon compte")
    expect(page.get_by_text("est créé et vous en êtes le référent")).to_be_visible()
    expect(page.get_by_role("cell", name="référent")).to_be_visible()
    referent = User.objects.get(email="claire.martin@saint-etienne.example.fr")

    # 4. A colleague asks to join.
    colleague = UserFactory(first_name="Paul", last_name="Durand")
    page.context.clear_cookies()
    login_as(colleague)
    page.goto(live_server.url + "/mon-compte/rejoindre/")
    _pick_saint_etienne(page, "saint-etienne")
    page.get_by_text("Agent ou agente").click()
    page.get_by_label("Message aux référents").fill("Je pilote le projet de chatbot de la mairie.")
    page.get_by_role("button", name="Envoyer ma demande").click()
    expect(page.get_by_text("est envoyée à ses référents")).to_be_visible()
    assert any(referent.email in message.to for message in mail.outbox)

    # 5. The référent approves it.
    page.context.clear_cookies()
    login_as(referent)
    page.goto(live_server.url + "/mon-compte/")
    page.get_by_role("link", name=re.compile("Gérer les membres")).click()
    expect(page.get_by_role("heading", name="Paul Durand")).to_be_visible()
    page.get_by_role("button", name="Accepter Paul Durand").click()
    expect(page.get_by_text("Paul Durand a rejoint « Saint-Étienne »")).to_be_visible()
    assert any(colleague.email in message.to for message in mail.outbox)

    # 6. The colleague now sees the organisation.
    page.context.clear_cookies()
    login_as(colleague)
    page.goto(live_server.url + "/mon-compte/")
    expect(page.get_by_role("cell", name=re.compile("Saint-Étienne"))).to_be_visible()
    expect(page.get_by_role("cell", name="agent", exact=True)).to_be_visible()


def test_account_pages_pass_the_guard(page, live_server, login_as):
    """Login, sign-up, password and email pages, « Mon compte » and its sub-pages: accessible, no console error."""
    for path in ["/compte/login/", "/compte/signup/", "/compte/password/reset/", "/compte/confirm-email/inconnu/"]:
        page.goto(live_server.url + path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.goto(live_server.url + "/compte/login/")
    page.get_by_label("Courriel").fill("personne@example.fr")
    page.get_by_label("Mot de passe").fill("mauvais-mot-de-passe")
    page.get_by_role("button", name="Se connecter").click()
    expect(page.locator("#resume-erreurs")).to_contain_text("L’adresse électronique ou le mot de passe est incorrect.")
    expect(page.locator("#resume-erreurs")).to_be_focused()
    _saint_etienne()
    login_as(UserFactory())
    for path in [
        "/mon-compte/",
        "/mon-compte/rejoindre/?q=st+etienne",
        "/mon-compte/rejoindre/?q=99999",
        "/mon-compte/supprimer/",
        "/compte/email/",
        "/compte/password/change/",
        "/compte/2fa/",
    ]:
        page.goto(live_server.url + path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
