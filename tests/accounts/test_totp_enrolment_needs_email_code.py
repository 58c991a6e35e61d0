"""A staff account activates its first TOTP only with a code emailed to its verified address, not a password alone."""

import datetime
import re

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from django.core import mail
from django.urls import reverse

from accounts.second_factor import (
    EnrolmentCodeError,
    check_enrolment_code,
    has_enrolment_proof,
    has_passed_second_factor,
)
from tests.accounts.factories import StaffUserFactory, UserFactory

PASSWORD = "motdepasse-de-test-solide"
CODE_PAGE = "accounts:second_factor_email_code"


def _totp(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(iter(yield_hotp_counters_from_time()))))


def _login(client, user) -> None:
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302


def _send_code(client, django_capture_on_commit_callbacks) -> str:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse(CODE_PAGE), {"action": "send"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    return re.search(r"\b(\d{6})\b", mail.outbox[0].body).group(1)


def _enter(client, code: str):
    return client.post(reverse(CODE_PAGE), {"action": "check", "code": code})


@pytest.fixture
def staff(db):
    return StaffUserFactory()


def test_staff_cannot_activate_totp_with_the_password_alone(client, staff):
    _login(client, staff)
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 302
    assert response["Location"] == reverse(CODE_PAGE)
    # Even with a code computed from a secret of its own, the activation POST is turned away.
    secret = client.session.get("mfa.totp.secret", "JBSWY3DPEHPK3PXP")
    response = client.post(reverse("mfa_activate_totp"), {"code": _totp(secret)})
    assert response.status_code == 302
    assert response["Location"] == reverse(CODE_PAGE)
    assert not Authenticator.objects.filter(user=staff).exists()


def test_the_code_page_explains_in_french_where_the_code_goes(client, staff):
    _login(client, staff)
    body = client.get(reverse(CODE_PAGE)).content.decode()
    assert "double authentification" in body
    assert staff.email in body
    assert "M’envoyer un code" in body


@pytest.mark.django_db(transaction=True)  # allauth announces the new factor on commit, inside the request
def test_staff_activates_totp_with_the_code_emailed_to_their_verified_address(client, staff):
    _login(client, staff)
    response = client.post(reverse(CODE_PAGE), {"action": "send"})
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == [staff.email]
    assert message.subject == "[Territoires IA] Votre code pour activer la double authentification"
    code = re.search(r"\b(\d{6})\b", message.body).group(1)
    response = _enter(client, code)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    assert client.get(reverse("mfa_activate_totp")).status_code == 200
    secret = client.session["mfa.totp.secret"]
    response = client.post(reverse("mfa_activate_totp"), {"code": _totp(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=staff, type=Authenticator.Type.TOTP).exists()
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_wrong_code_is_refused_and_five_wrong_codes_void_it(client, staff, django_capture_on_commit_callbacks):
    _login(client, staff)
    code = _send_code(client, django_capture_on_commit_callbacks)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    response = _enter(client, wrong)
    assert response.status_code == 400
    assert "Ce code est incorrect" in response.content.decode()
    for _ in range(4):
        _enter(client, wrong)
    response = _enter(client, code)  # the right code, too late
    assert response.status_code == 400
    assert "Demandez un nouveau code" in response.content.decode()
    assert client.get(reverse("mfa_activate_totp"))["Location"] == reverse(CODE_PAGE)


def test_the_code_is_single_use(client, staff, django_capture_on_commit_callbacks):
    _login(client, staff)
    code = _send_code(client, django_capture_on_commit_callbacks)
    assert _enter(client, code).status_code == 302
    response = _enter(client, code)
    assert response.status_code == 400
    assert "Demandez un nouveau code" in response.content.decode()


def test_the_code_expires_after_ten_minutes(client, staff, django_capture_on_commit_callbacks):
    _login(client, staff)
    code = _send_code(client, django_capture_on_commit_callbacks)
    later = datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(minutes=11)
    with time_machine.travel(later):
        response = _enter(client, code)
    assert response.status_code == 400
    assert "Ce code a expiré" in response.content.decode()


def test_the_proof_expires_if_totp_is_not_activated_soon(client, staff, django_capture_on_commit_callbacks):
    _login(client, staff)
    assert _enter(client, _send_code(client, django_capture_on_commit_callbacks)).status_code == 302
    later = datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(minutes=11)
    with time_machine.travel(later):
        assert client.get(reverse("mfa_activate_totp"))["Location"] == reverse(CODE_PAGE)


def test_a_new_code_waits_a_minute(client, staff, django_capture_on_commit_callbacks):
    _login(client, staff)
    _send_code(client, django_capture_on_commit_callbacks)
    response = client.post(reverse(CODE_PAGE), {"action": "send"}, follow=True)
    assert len(mail.outbox) == 1
    assert "Un code vient de vous être envoyé" in response.content.decode()


def test_the_code_of_one_account_does_not_open_another_account(client, staff, django_capture_on_commit_callbacks, rf):
    _login(client, staff)
    code = _send_code(client, django_capture_on_commit_callbacks)
    request = rf.post("/")
    request.session = client.session
    request.user = StaffUserFactory()  # the session's code was sent for `staff`, not for this account
    with pytest.raises(EnrolmentCodeError, match="Aucun code"):
        check_enrolment_code(request, code)
    assert not has_enrolment_proof(request)


def test_an_ordinary_user_activates_totp_without_an_emailed_code(client):
    user = UserFactory()
    _login(client, user)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})  # allauth's own "confirm access"
    assert client.get(reverse("mfa_activate_totp")).status_code == 200
    assert client.get(reverse(CODE_PAGE))["Location"] == reverse("mfa_activate_totp")


def test_the_email_code_is_not_a_second_factor(client, staff, django_capture_on_commit_callbacks, rf):
    _login(client, staff)
    assert _enter(client, _send_code(client, django_capture_on_commit_callbacks)).status_code == 302
    request = rf.get("/")
    request.session = client.session
    request.user = staff
    assert not has_passed_second_factor(request)
    assert client.get(reverse("admin:index")).status_code == 302
