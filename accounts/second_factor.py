"""ANCT staff powers need a second factor: TOTP (allauth MFA), for the back-office and on the site alike.

- `admin.site` is wired in accounts/admin.py: its login page is allauth's (one throttled login for the whole
  portal) and its permission check also asks `has_passed_second_factor`.
- On the site, `SecondFactorMiddleware` marks each request's user object with whether this session passed the
  second factor; the permission helpers (accounts.permissions) grant no staff power to a user without the mark.
- A staff account activates its first TOTP only after proving its mailbox with a short-lived, single-use code
  sent to its verified address: a stolen password alone must not be enough to obtain the second factor.
"""

import secrets
import time
from functools import partial

from allauth.account import app_settings as account_settings
from allauth.account.internal.flows.login import get_authentication_records, record_authentication
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth.middleware import get_user
from django.core.cache import cache
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode

from accounts import emails, permissions
from accounts.models import StaffScope, User
from common.precompiled import Markers, precompiled
from territories.models import Departement

EMAIL_CODE_PAGE = "accounts:second_factor_email_code"
EMAIL_CODE_LENGTH = 6
EMAIL_CODE_VALIDITY = 10 * 60  # seconds: the code, and then the proof it gives, last this long
EMAIL_CODE_MAX_ATTEMPTS = 5
EMAIL_CODE_RESEND_DELAY = 60
EMAIL_CODES_PER_HOUR = 10  # per account, across sessions: bounds the guesses an attacker can make
_CODE_KEY = "accounts.second_factor.email_code"
_PROOF_KEY = "accounts.second_factor.enrolment_proof"


class EnrolmentCodeError(Exception):
    """A French message for the person: why no code was sent, or why the code is refused."""


def has_totp(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def _session_used_mfa(request: HttpRequest, user) -> bool:
    return any(record.get("method") == "mfa" for record in get_authentication_records(request, user))


def _passed(request: HttpRequest, user) -> bool:
    return _session_used_mfa(request, user) and has_totp(user)


def _totp_and_scope_query(markers: Markers) -> QuerySet:
    return (
        User.objects.filter(pk=markers.integer("user"))
        .order_by("staff_scope__departements__code")
        .values(
            *(f"staff_scope__{field.name}" for field in StaffScope._meta.concrete_fields),
            *(f"staff_scope__departements__{field.name}" for field in Departement._meta.concrete_fields),
            has_totp=Exists(Authenticator.objects.filter(user=OuterRef("pk"), type=Authenticator.Type.TOTP)),
        )
    )


def _totp_and_scope(user) -> tuple[bool, StaffScope | None]:
    """Whether the user has a TOTP, and their ANCT scope with its départements, in one precompiled query (the user
    joined to their scope and its départements). Every page of a staff session needs both: they were three
    queries, and building them cost more than running them."""
    rows = precompiled("accounts.second_factor.totp_and_scope", _totp_and_scope_query, user=user.pk)
    if not rows:
        return False, None
    first = rows[0]
    if first["staff_scope__id"] is None:
        return first["has_totp"], None
    scope = StaffScope(
        **{field.attname: first[f"staff_scope__{field.name}"] for field in StaffScope._meta.concrete_fields}
    )
    scope._state.adding, scope._state.db = False, StaffScope.objects.db
    departements = []
    for row in rows:
        if row["staff_scope__departements__id"] is not None:
            departement = Departement(
                **{
                    field.attname: row[f"staff_scope__departements__{field.name}"]
                    for field in Departement._meta.concrete_fields
                }
            )
            departement._state.adding, departement._state.db = False, StaffScope.objects.db
            departements.append(departement)
    cached = scope.departements.all()  # filled as prefetch_related("departements") would
    cached._result_cache, cached._prefetch_done = departements, True
    scope._prefetched_objects_cache = {"departements": cached}
    return first["has_totp"], scope


def has_passed_second_factor(request: HttpRequest) -> bool:
    """True when this session's login included a second factor (TOTP code or recovery code)."""
    user = request.user
    if not user.is_authenticated:
        return False
    return _passed(request, user)


def _marked_user(request: HttpRequest):
    user = get_user(request)
    if user.is_authenticated and user.is_staff:
        passed = False
        if _session_used_mfa(request, user):
            passed, scope = _totp_and_scope(user)
            permissions.remember_staff_scope(user, scope)
        permissions.mark_second_factor(user, passed=passed)
    return user


class SecondFactorMiddleware:
    """Marks request.user for the permission helpers, and keeps a staff account's first TOTP behind the email code.

    Goes after AuthenticationMiddleware. The user stays lazy: pages that never look at it cost nothing.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.user = SimpleLazyObject(partial(_marked_user, request))
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> HttpResponse | None:
        match = request.resolver_match
        if match is None or match.view_name != "mfa_activate_totp":
            return None
        if needs_enrolment_proof(request.user) and not has_enrolment_proof(request):
            return HttpResponseRedirect(reverse(EMAIL_CODE_PAGE))
        return None


def needs_enrolment_proof(user) -> bool:
    """True for a staff account without TOTP yet: it must prove its mailbox before activating one."""
    return user.is_authenticated and (user.is_staff or user.is_superuser) and not has_totp(user)


def _code_hash(user, code: str) -> str:
    return salted_hmac(_CODE_KEY, f"{user.pk}:{code}").hexdigest()


def _verified_address(user) -> str | None:
    address = EmailAddress.objects.filter(user=user, verified=True, primary=True).first()
    return address.email if address else None


def send_enrolment_code(request: HttpRequest) -> str:
    """Email a fresh one-time code to the account's verified address; returns that address.

    Raises EnrolmentCodeError when there is no verified address, a code was sent less than a minute ago, or the
    account asked for too many codes this hour.
    """
    user = request.user
    email = _verified_address(user)
    if email is None:
        raise EnrolmentCodeError(
            "Votre adresse électronique n’est pas vérifiée : vérifiez-la depuis « Adresses électroniques », "
            "puis demandez un code."
        )
    pending = request.session.get(_CODE_KEY) or {}
    if pending.get("user") == str(user.pk) and time.time() - pending.get("sent_at", 0) < EMAIL_CODE_RESEND_DELAY:
        raise EnrolmentCodeError(
            f"Un code vient de vous être envoyé à {email} : attendez une minute avant d’en demander un autre."
        )
    counter = f"accounts.second_factor.codes_sent:{user.pk}"
    try:
        cache.add(counter, 0, timeout=3600)
        sent = cache.incr(counter)
    except Exception as error:  # a cache outage must not let codes flow unbounded, nor cost a 500
        raise EnrolmentCodeError(
            "L’envoi du code est momentanément indisponible. Réessayez dans quelques minutes."
        ) from error
    if sent > EMAIL_CODES_PER_HOUR:
        raise EnrolmentCodeError(
            "Trop de codes demandés pour ce compte en une heure. Réessayez plus tard ; si vous n’êtes pas à "
            "l’origine de ces demandes, changez votre mot de passe."
        )
    code = f"{secrets.randbelow(10**EMAIL_CODE_LENGTH):0{EMAIL_CODE_LENGTH}d}"
    request.session[_CODE_KEY] = {
        "user": str(user.pk),
        "hash": _code_hash(user, code),
        "sent_at": time.time(),
        "attempts": 0,
    }
    transaction.on_commit(lambda: emails.send_second_factor_code(email=email, code=code))
    return email


def check_enrolment_code(request: HttpRequest, code: str) -> None:
    """Accept the emailed code once: the session may then activate a first TOTP for a short while.

    Raises EnrolmentCodeError when no code is pending for this account, it expired, or it is wrong (five wrong
    tries void it).
    """
    user = request.user
    pending = request.session.get(_CODE_KEY)
    if not pending or pending.get("user") != str(user.pk):
        raise EnrolmentCodeError("Aucun code n’est en cours pour votre compte. Demandez un nouveau code.")
    if time.time() - pending["sent_at"] >= EMAIL_CODE_VALIDITY:
        del request.session[_CODE_KEY]
        raise EnrolmentCodeError("Ce code a expiré (il était valable 10 minutes). Demandez un nouveau code.")
    if not constant_time_compare(pending["hash"], _code_hash(user, code)):
        pending["attempts"] += 1
        if pending["attempts"] >= EMAIL_CODE_MAX_ATTEMPTS:
            del request.session[_CODE_KEY]
            raise EnrolmentCodeError("Ce code est incorrect, et c’était le dernier essai. Demandez un nouveau code.")
        request.session[_CODE_KEY] = pending
        raise EnrolmentCodeError("Ce code est incorrect. Vérifiez le dernier courriel reçu et réessayez.")
    del request.session[_CODE_KEY]
    request.session[_PROOF_KEY] = {"user": str(user.pk), "at": time.time()}
    _count_fresh_login_as_reauthentication(request)


def has_enrolment_proof(request: HttpRequest) -> bool:
    """True when this session gave the emailed code for this account less than 10 minutes ago."""
    proof = request.session.get(_PROOF_KEY) or {}
    return proof.get("user") == str(request.user.pk) and time.time() - proof.get("at", 0) < EMAIL_CODE_VALIDITY


def second_factor_notice(request: HttpRequest) -> dict | None:
    """What to tell a staff member whose session holds no staff power yet, and where to go; None otherwise."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.is_active or not user.is_staff:
        return None
    if permissions.has_staff_powers(user):
        return None
    if has_totp(user):
        url = f"{reverse('mfa_reauthenticate')}?{urlencode({'next': request.get_full_path()})}"
        return {"url": url, "label": "Saisir le code de mon application"}
    return {"url": reverse(EMAIL_CODE_PAGE), "label": "Activer la double authentification"}


def second_factor_redirect(request: HttpRequest, next_url: str) -> HttpResponse | None:
    """Where a staff member must go before the back-office, with a French explanation; None when all is done."""
    user = request.user
    if not has_totp(user):
        _count_fresh_login_as_reauthentication(request)
        messages.warning(
            request,
            "L’administration du portail exige une double authentification. Activez une application "
            "d’authentification (code à usage unique), puis revenez à l’administration.",
        )
        return HttpResponseRedirect(reverse("mfa_activate_totp"))
    if not has_passed_second_factor(request):
        messages.warning(
            request,
            "Pour accéder à l’administration, saisissez le code de votre application d’authentification.",
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
    """Activating TOTP proves the code in this session: count it as the session's second factor.

    The emailed proof that allowed the activation is used up.
    """
    if request is not None and authenticator.type == Authenticator.Type.TOTP:
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type, activation=True)
        request.session.pop(_PROOF_KEY, None)
