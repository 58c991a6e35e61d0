"""Pages of « Mon compte »: profile, onboarding (« Rejoindre ma collectivité »), members, RGPD."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts import second_factor, selectors, services
from accounts.enums import JoinRequestStatus, Role
from accounts.forms import (
    AccountDeleteForm,
    EmailCodeForm,
    JoinRequestForm,
    MemberRoleForm,
    NotificationsForm,
    TerritoryChoiceForm,
    TerritorySearchForm,
)
from accounts.models import JoinRequest, Membership, Organisation, User
from accounts.permissions import can_manage_members, is_referent, organisations_visible_to
from accounts.rgpd import export_user_data
from territories.selectors import get_territory, search_territories, territory_hit

SEARCH_LIMIT = 10
UNKNOWN_TERRITORY = (
    "Nous ne trouvons pas cette collectivité dans le référentiel officiel. Recherchez-la par son nom, "
    "son code postal, son code Insee ou son SIREN, puis choisissez-la dans la liste."
)


@require_safe
def profile(request: HttpRequest) -> HttpResponse:
    memberships = list(selectors.memberships_of(request.user))
    join_requests = list(selectors.join_requests_of(request.user).filter(status=JoinRequestStatus.PENDING))
    return render(
        request,
        "accounts/profile.html",
        {
            "memberships": memberships,
            "join_requests": join_requests,
            "rejected_organisations": list(selectors.rejected_organisations_requested_by(request.user)),
            "notifications_form": NotificationsForm(initial={"wants_notifications": request.user.wants_notifications}),
            "referent_role": Role.REFERENT,
        },
    )


@require_safe
def onboarding(request: HttpRequest) -> HttpResponse:
    form = TerritorySearchForm(request.GET or None)
    hits = None
    if form.is_bound and form.is_valid():
        hits = search_territories(form.cleaned_data["q"], limit=SEARCH_LIMIT)
    return render(request, "accounts/onboarding.html", {"form": form, "hits": hits})


def _confirm_context(request: HttpRequest, territory, join_form: JoinRequestForm | None = None) -> dict:
    organisation = services.organisation_of_territory(territory)
    membership = None
    pending = None
    if organisation is not None:
        membership = Membership.objects.filter(user=request.user, organisation=organisation).first()
        pending = JoinRequest.objects.filter(
            user=request.user, organisation=organisation, status=JoinRequestStatus.PENDING
        ).first()
    hit = territory_hit(territory)
    return {
        "territory": territory,
        "hit": hit,
        "organisation": organisation,
        "membership": membership,
        "pending_request": pending,
        "join_form": join_form or JoinRequestForm(initial={"territory": hit.value, "role": Role.AGENT}),
        "choice_form": TerritoryChoiceForm(initial={"territory": hit.value}),
    }


def _unknown_territory(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "accounts/onboarding.html",
        {
            "form": TerritorySearchForm(),
            "hits": None,
            "error": UNKNOWN_TERRITORY,
        },
    )


@require_safe
def onboarding_confirm(request: HttpRequest) -> HttpResponse:
    territory = get_territory(request.GET.get("territory", ""))
    if territory is None:
        return _unknown_territory(request)
    return render(request, "accounts/onboarding_confirm.html", _confirm_context(request, territory))


@require_POST
def organisation_create(request: HttpRequest) -> HttpResponse:
    form = TerritoryChoiceForm(request.POST)
    territory = get_territory(form.data.get("territory", "")) if form.is_valid() else None
    if territory is None:
        return _unknown_territory(request)
    try:
        organisation = services.register_organisation(user=request.user, territory=territory)
    except services.AccountsError as error:
        context = _confirm_context(request, territory)
        context["error"] = str(error)
        return render(request, "accounts/onboarding_confirm.html", context)
    messages.success(
        request,
        f"L’espace de « {organisation.name} » est créé et vous en êtes le référent. L’ANCT va confirmer "
        "l’inscription ; vous pouvez déjà accueillir vos collègues.",
    )
    return redirect("accounts:profile")


@require_POST
def join_request_create(request: HttpRequest) -> HttpResponse:
    form = JoinRequestForm(request.POST)
    territory = get_territory(form.data.get("territory", ""))
    if territory is None:
        return _unknown_territory(request)
    context = _confirm_context(request, territory, join_form=form)
    organisation = context["organisation"]
    if organisation is None:
        context["error"] = "Cette collectivité n’est pas encore inscrite : créez son espace ci-dessous."
        return render(request, "accounts/onboarding_confirm.html", context)
    if not form.is_valid():
        return render(request, "accounts/onboarding_confirm.html", context)
    try:
        services.request_to_join(
            user=request.user,
            organisation=organisation,
            role=form.cleaned_data["role"],
            message=form.cleaned_data["message"],
        )
    except services.AccountsError as error:
        context["error"] = str(error)
        return render(request, "accounts/onboarding_confirm.html", context)
    messages.success(
        request,
        f"Votre demande pour rejoindre « {organisation.name} » est envoyée à ses référents. "
        "Vous recevrez un courriel dès qu’ils y auront répondu.",
    )
    return redirect("accounts:profile")


@require_POST
def join_request_cancel(request: HttpRequest, public_id) -> HttpResponse:
    join_request = get_object_or_404(JoinRequest, user=request.user, public_id=public_id)
    try:
        services.cancel_join_request(join_request=join_request, user=request.user)
    except services.AccountsError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Votre demande pour « {join_request.organisation.name} » est annulée.")
    return redirect("accounts:profile")


def _managed_organisation(request: HttpRequest, public_id) -> Organisation:
    organisation = get_object_or_404(organisations_visible_to(request.user), public_id=public_id)
    if not can_manage_members(request.user, organisation):
        raise PermissionDenied
    return organisation


@require_safe
def member_list(request: HttpRequest, public_id) -> HttpResponse:
    organisation = _managed_organisation(request, public_id)
    members = list(selectors.members_of(organisation))
    rows = [
        {
            "membership": membership,
            "form": MemberRoleForm(initial={"role": membership.role}, prefix=f"m{membership.pk}"),
        }
        for membership in members
    ]
    return render(
        request,
        "accounts/member_list.html",
        {
            "organisation": organisation,
            "rows": rows,
            "join_requests": list(selectors.pending_join_requests_for(organisation)),
            "is_referent": is_referent(request.user, organisation),
        },
    )


def _decide(request: HttpRequest, public_id, approve: bool) -> HttpResponse:
    join_request = get_object_or_404(selectors.join_requests_visible_to(request.user), public_id=public_id)
    organisation = join_request.organisation
    if not can_manage_members(request.user, organisation):
        raise PermissionDenied
    who = join_request.user.get_full_name() or join_request.user.email
    try:
        if approve:
            services.approve_join_request(join_request=join_request, decided_by=request.user)
            messages.success(request, f"{who} a rejoint « {organisation.name} ». Un courriel l’en informe.")
        else:
            services.refuse_join_request(join_request=join_request, decided_by=request.user)
            messages.success(request, f"La demande de {who} est refusée. Un courriel l’en informe.")
    except services.AccountsError as error:
        messages.error(request, str(error))
    return redirect("accounts:member_list", public_id=organisation.public_id)


@require_POST
def join_request_approve(request: HttpRequest, public_id) -> HttpResponse:
    return _decide(request, public_id, approve=True)


@require_POST
def join_request_refuse(request: HttpRequest, public_id) -> HttpResponse:
    return _decide(request, public_id, approve=False)


def _member(organisation: Organisation, user_public_id) -> User:
    membership = get_object_or_404(
        Membership.objects.select_related("user"), organisation=organisation, user__public_id=user_public_id
    )
    return membership.user


@require_POST
def member_role_update(request: HttpRequest, public_id, user_public_id) -> HttpResponse:
    organisation = _managed_organisation(request, public_id)
    member = _member(organisation, user_public_id)
    membership = Membership.objects.get(organisation=organisation, user=member)
    form = MemberRoleForm(request.POST, prefix=f"m{membership.pk}")
    if not form.is_valid():
        messages.error(request, "Choisissez un rôle dans la liste : référent, élu ou agent.")
    else:
        try:
            updated = services.change_member_role(
                organisation=organisation, member=member, role=form.cleaned_data["role"]
            )
        except services.AccountsError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"{member} est désormais {updated.get_role_display()}.")
    return redirect("accounts:member_list", public_id=organisation.public_id)


@require_POST
def member_remove(request: HttpRequest, public_id, user_public_id) -> HttpResponse:
    organisation = _managed_organisation(request, public_id)
    member = _member(organisation, user_public_id)
    try:
        services.remove_member(organisation=organisation, member=member)
    except services.AccountsError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"{member} ne fait plus partie de « {organisation.name} ».")
    if member == request.user:
        return redirect("accounts:profile")
    return redirect("accounts:member_list", public_id=organisation.public_id)


@require_http_methods(["GET", "HEAD", "POST"])
def membership_leave(request: HttpRequest, public_id) -> HttpResponse:
    """« Quitter la collectivité »: a confirmation page, then the POST that leaves (refused for the last référent)."""
    membership = get_object_or_404(selectors.memberships_of(request.user), organisation__public_id=public_id)
    organisation = membership.organisation
    error = None
    if request.method == "POST":
        try:
            services.leave_organisation(user=request.user, organisation=organisation)
        except services.AccountsError as exc:
            error = str(exc)
        else:
            messages.success(
                request,
                f"Vous avez quitté « {organisation.name} » : vous n’avez plus accès à ses projets. "
                "Ses référents en sont informés.",
            )
            return redirect("accounts:profile")
    return render(
        request,
        "accounts/membership_leave.html",
        {
            "membership": membership,
            "organisation": organisation,
            "blocked": selectors.is_last_referent_with_other_members(membership),
            "is_last_member": not selectors.has_other_members(membership),
            "error": error,
        },
    )


@require_POST
def notifications_update(request: HttpRequest) -> HttpResponse:
    form = NotificationsForm(request.POST)
    wants = form.is_valid() and form.cleaned_data["wants_notifications"]
    services.update_notifications(user=request.user, wants_notifications=bool(wants))
    if wants:
        messages.success(request, "Vous recevrez les notifications par courriel.")
    else:
        messages.success(request, "Vous ne recevrez plus de notifications par courriel.")
    return redirect("accounts:profile")


@require_safe
def data_export(request: HttpRequest) -> HttpResponse:
    data = export_user_data(request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2, default=str), content_type="application/json; charset=utf-8"
    )
    filename = f"territoires-ia-mes-donnees-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def account_delete(request: HttpRequest) -> HttpResponse:
    form = AccountDeleteForm(request.POST or None, user=request.user)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            services.delete_account(user=request.user)
        except services.AccountsError as exc:
            error = str(exc)
        else:
            logout(request)
            messages.success(request, "Votre compte est supprimé. Ce que vous aviez rédigé reste, sans votre nom.")
            return redirect(reverse("portal:home"))
    memberships = list(selectors.memberships_of(request.user))
    return render(request, "accounts/account_delete.html", {"form": form, "error": error, "memberships": memberships})


@require_http_methods(["GET", "HEAD", "POST"])
def second_factor_email_code(request: HttpRequest) -> HttpResponse:
    """A staff account proves its mailbox with an emailed code before it may activate its first TOTP."""
    if not second_factor.needs_enrolment_proof(request.user):
        return redirect("mfa_index" if second_factor.has_totp(request.user) else "mfa_activate_totp")
    checking = request.method == "POST" and request.POST.get("action") == "check"
    form = EmailCodeForm(request.POST if checking else None)
    if request.method == "POST" and not checking:
        try:
            email = second_factor.send_enrolment_code(request)
        except second_factor.EnrolmentCodeError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, f"Un code à 6 chiffres vient d’être envoyé à {email}. Il est valable 10 minutes."
            )
        return redirect("accounts:second_factor_email_code")
    if checking and form.is_valid():
        try:
            second_factor.check_enrolment_code(request, form.cleaned_data["code"])
        except second_factor.EnrolmentCodeError as error:
            form.add_error("code", str(error))
        else:
            messages.success(
                request, "Votre adresse est vérifiée : activez maintenant votre application d’authentification."
            )
            return redirect("mfa_activate_totp")
    return render(
        request,
        "accounts/second_factor_email_code.html",
        {"form": form, "email": request.user.email},
        status=400 if form.errors else 200,
    )


@require_POST
def session_extend(request: HttpRequest) -> JsonResponse:
    """Restart the session's time limit (RGAA 13.1): asked by the warning static/js/portal.js shows before it ends."""
    request.session.set_expiry(settings.SESSION_COOKIE_AGE)
    request.session.modified = True
    return JsonResponse({"expires_at": int(request.session.get_expiry_date().timestamp())})
