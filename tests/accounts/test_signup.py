"""Sign-up: name, fonction, email and password; the email is verified by a link before any use."""

import re

from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from accounts.models import User
from tests.accounts.factories import UserFactory

PASSWORD = "une-phrase-de-passe-solide"


def _signup(client, email="claire.martin@mairie-exemple.fr", password=PASSWORD, **extra):
    data = {
        "first_name": "Claire",
        "last_name": "Martin",
        "job_title": "Directrice générale des services",
        "email": email,
        "password1": password,
        "password2": password,
        **extra,
    }
    return client.post(reverse("account_signup"), data)


def _confirmation_link(message) -> str:
    return re.search(r"https?://[^\s]+/compte/confirm-email/[^\s]+/", message.body).group(0)


def test_visitor_signs_up_and_must_verify_the_email_before_logging_in(client):
    response = _signup(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(email="claire.martin@mairie-exemple.fr")
    assert (user.first_name, user.last_name, user.job_title) == (
        "Claire",
        "Martin",
        "Directrice générale des services",
    )
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert "/compte/confirm-email/" in mail.outbox[0].body

    client.logout()
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")


def test_visitor_verifies_the_email_and_lands_on_onboarding(client):
    _signup(client)
    link = _confirmation_link(mail.outbox[0])
    path = link.split("://", 1)[1].split("/", 1)[1]
    response = client.post("/" + path)
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:onboarding")
    assert EmailAddress.objects.get(email="claire.martin@mairie-exemple.fr").verified


def test_visitor_gets_french_errors_for_a_short_or_common_password(client):
    response = _signup(client, password="court")
    assert response.status_code == 200
    assert "Ce mot de passe est trop court. Il doit contenir au minimum 12 caractères." in response.content.decode()
    response = _signup(client, password="telechargement")
    assert "Ce mot de passe est trop courant." in response.content.decode()
    assert not User.objects.exists()


def test_visitor_must_give_name_and_fonction(client):
    response = _signup(client, first_name="", job_title="")
    assert response.status_code == 200
    assert "Ce champ est obligatoire." in response.content.decode()
    assert not User.objects.exists()


def test_email_already_in_use_creates_no_account_and_warns_its_owner(client):
    owner = UserFactory(email="deja@mairie-exemple.fr")
    response = _signup(client, email="deja@mairie-exemple.fr")
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Si cette adresse est déjà utilisée par un compte du portail" in page
    assert User.objects.filter(email="deja@mairie-exemple.fr").count() == 1
    assert [message.to for message in mail.outbox] == [[owner.email]]


def test_password_reset_does_not_reveal_whether_an_account_exists(client):
    UserFactory(email="connu@mairie-exemple.fr")
    known = client.post(reverse("account_reset_password"), {"email": "connu@mairie-exemple.fr"})
    unknown = client.post(reverse("account_reset_password"), {"email": "inconnu@mairie-exemple.fr"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == reverse("account_reset_password_done")


def test_a_verification_link_older_than_three_days_gets_the_french_expired_page(client):
    import datetime as dt

    import time_machine

    _signup(client)
    link = _confirmation_link(mail.outbox[0])
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    client.logout()
    with time_machine.travel(dt.datetime.now(tz=dt.UTC) + dt.timedelta(days=4)):
        page = client.get(path)
        response = client.post(path)
    assert "Lien de confirmation expiré ou invalide" in page.content.decode()
    assert response.status_code == 404
    assert not EmailAddress.objects.get(email="claire.martin@mairie-exemple.fr").verified
