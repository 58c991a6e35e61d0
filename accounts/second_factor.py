"""The back-office needs a second factor: ANCT staff pass TOTP (allauth MFA) before any admin page.

`admin.site` is wired in accounts/admin.py: its login page is allauth's (one throttled login for the whole
portal) and its permission check also asks `has_passed_second_factor`.
"""

import time

from allauth.account import app_settings as account_settings
from allauth.account.internal.flows.login import get_authentication_records, record_authentication
from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode


def has_totp(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def has_passed_second_factor(request: HttpRequest) -> bool:
    """True when this session's login included a second factor (TOTP code or recovery code)."""
    user = request.user
    if not user.is_authenticated:
        return False
    records = get_authentication_records(request, user)
    return any(record.get("method") == "mfa" for record in records) and has_totp(user)


def second_factor_redirect(request: HttpRequest, next_url: str) -> HttpResponse | None:
    """Where a staff member must go before the back-office, with a French explanation; None when all is done."""
    user = request.user
    if not has_totp(user):
        _count_fresh_login_as_reauthentication(request)
        messages.warning(
            request,
            "Le back-office de l’ANCT exige une double authentification. Activez une application "
            "d’authentification (code à usage unique), puis revenez au back-office.",
        )
        return HttpResponseRedirect(reverse("mfa_activate_totp"))
    if not has_passed_second_factor(request):
        messages.warning(
            request,
            "Pour accéder au back-office, saisissez le code de votre application d’authentification.",
        )
        return HttpResponseRedirect(f"{reverse('mfa_reauthenticate')}?{urlencode({'next': next_url})}")
    return None


def _count_fresh_login_as_reauthentication(request: HttpRequest) -> None:
    """A password typed at login a moment ago is enough for allauth's "confirm access" step before adding TOTP.

    allauth asks for the password again unless it was given within REAUTHENTICATION_TIMEOUT *as a
    reauthentication*; asking twice in a row on the way to the back-office helps nobody.
    """
    now = time.time()
    records = get_authentication_records(request, request.user)
    fresh = any(
        record.get("method") == "password" and now - record.get("at", 0) < account_settings.REAUTHENTICATION_TIMEOUT
        for record in records
    )
    already = any(record.get("reauthenticated") for record in records)
    if fresh and not already:
        record_authentication(request, request.user, "password", reauthenticated=True)


def record_totp_activation(sender, request, user, authenticator, **kwargs) -> None:
    """Activating TOTP proves the code in this session: count it as the session's second factor."""
    if request is not None and authenticator.type == Authenticator.Type.TOTP:
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type, activation=True)
