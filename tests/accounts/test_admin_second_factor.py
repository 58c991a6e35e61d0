"""ANCT staff reach the back-office only after a second factor (TOTP)."""

import re

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from django.core import mail
from django.urls import reverse

from tests.accounts.factories import (
    StaffUserFactory,
    UserFactory,
    activate_totp,
    login_with_second_factor,
)

PASSWORD = "motdepasse-de-test-solide"


def _current_code(secret: str) -> str:
    counter = next(iter(yield_hotp_counters_from_time()))
    return format_hotp_value(hotp_value(secret, counter))


def test_staff_without_totp_is_sent_to_activate_it_with_a_french_message(client):
    staff = StaffUserFactory()
    client.force_login(staff)
    response = client.get(reverse("admin:index"), follow=True)
    urls = [url for url, _status in response.redirect_chain]
    assert reverse("mfa_activate_totp") in urls
    assert "L’administration du portail exige une double authentification" in response.content.decode()


def test_staff_logged_in_without_the_second_factor_cannot_reach_the_admin(client):
    staff = StaffUserFactory()
    activate_totp(staff)
    client.force_login(staff)
    response = client.get(reverse("admin:accounts_organisation_changelist"), follow=True)
    final_url = response.redirect_chain[-1][0]
    assert final_url.startswith(reverse("mfa_reauthenticate"))
    assert "saisissez le code de votre application d’authentification" in response.content.decode()


def test_staff_who_passed_totp_reaches_the_admin(client):
    staff = StaffUserFactory()
    login_with_second_factor(client, staff)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert "administration ANCT" in response.content.decode()


def test_staff_logs_in_with_password_then_totp_code_and_reaches_the_admin(client):
    staff = StaffUserFactory()
    secret = activate_totp(staff)
    response = client.post(reverse("account_login"), {"login": staff.email, "password": PASSWORD, "next": "/admin/"})
    assert response["Location"] == reverse("mfa_authenticate")
    page = client.get(reverse("mfa_authenticate"))
    assert page.status_code == 200
    assert 'class="fr-input' in page.content.decode()
    response = client.post(reverse("mfa_authenticate"), {"code": _current_code(secret)})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_plain_user_gets_403_on_the_admin_login_once_logged_in(client):
    client.force_login(UserFactory())
    response = client.get(reverse("admin:login"))
    assert response.status_code == 403


@pytest.mark.django_db(transaction=True)  # allauth announces the new factor on commit, inside the request
def test_activating_totp_counts_as_the_second_factor_of_the_session(client):
    staff = StaffUserFactory()
    client.post(reverse("account_login"), {"login": staff.email, "password": PASSWORD})
    response = client.get(reverse("admin:index"), follow=True)
    # First the emailed code (a password alone must not be enough to enrol), then the password is not asked again.
    assert response.redirect_chain[-1][0] == reverse("accounts:second_factor_email_code")
    client.post(reverse("accounts:second_factor_email_code"), {"action": "send"})
    code = re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1)
    response = client.post(
        reverse("accounts:second_factor_email_code"), {"action": "check", "code": code}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("mfa_activate_totp")
    assert response.status_code == 200
    secret = client.session["mfa.totp.secret"]
    response = client.post(reverse("mfa_activate_totp"), {"code": _current_code(secret)})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
