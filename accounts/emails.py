"""Emails of the accounts app. Each is built from accounts/emails/<name>_subject.txt, _body.txt and _body.html.

Functions take ids: services call them through `transaction.on_commit`, when the rows are visible.
"""

from django.conf import settings
from django.urls import reverse

from accounts import mailer
from accounts.enums import Role
from accounts.models import JoinRequest, Organisation, User
from accounts.permissions import staff_covering


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def send(name: str, *, to: list[str], context: dict, reply_to: list[str] | None = None) -> int:
    """Render accounts/emails/<name>_* and queue one message per recipient (see accounts.mailer)."""
    return mailer.render_and_send(f"accounts/emails/{name}", to=to, context=context, reply_to=reply_to)


def _referent_addresses(organisation: Organisation) -> list[str]:
    return list(
        User.objects.filter(
            memberships__organisation=organisation,
            memberships__role=Role.REFERENT,
            is_active=True,
            wants_notifications=True,
        ).values_list("email", flat=True)
    )


def send_join_request_received(join_request_id: int) -> int:
    """Tell the référents (who want notifications) that someone asks to join.

    An organisation left without any référent (its last member left) has its requests sent to the ANCT staff
    covering it, who may decide them from the « Membres » page.
    """
    join_request = JoinRequest.objects.select_related("user", "organisation").get(pk=join_request_id)
    organisation = join_request.organisation
    url = absolute(reverse("accounts:member_list", kwargs={"public_id": organisation.public_id}))
    to = _referent_addresses(organisation)
    to_staff = False
    if not User.objects.filter(
        memberships__organisation=organisation, memberships__role=Role.REFERENT, is_active=True
    ).exists():
        to = [user.email for user in staff_covering(organisation).filter(wants_notifications=True)]
        to_staff = True
    return send(
        "join_request_received",
        to=to,
        context={"join_request": join_request, "organisation": organisation, "url": url, "to_staff": to_staff},
    )


def send_join_request_decided(join_request_id: int) -> int:
    """Tell the requester whether their request was accepted or refused."""
    join_request = JoinRequest.objects.select_related("user", "organisation").get(pk=join_request_id)
    url = absolute(reverse("accounts:profile"))
    return send(
        "join_request_decided",
        to=[join_request.user.email],
        context={"join_request": join_request, "organisation": join_request.organisation, "url": url},
    )


def send_organisation_confirmed(organisation_id: int) -> int:
    """Tell the référents that ANCT confirmed their collectivité."""
    organisation = Organisation.objects.get(pk=organisation_id)
    to = list(
        User.objects.filter(
            memberships__organisation=organisation, memberships__role=Role.REFERENT, is_active=True
        ).values_list("email", flat=True)
    )
    url = absolute(reverse("accounts:profile"))
    return send("organisation_confirmed", to=to, context={"organisation": organisation, "url": url})


def send_organisation_to_confirm(organisation_id: int) -> int:
    """Tell the ANCT staff covering the territory that a new collectivité waits for their confirmation."""
    organisation = Organisation.objects.select_related("departement", "region").get(pk=organisation_id)
    referent = User.objects.filter(memberships__organisation=organisation, memberships__role=Role.REFERENT).first()
    # Chargés de mission confirm in the espace ANCT (its URL name, not an import: accounts sits below assistance).
    url = absolute(reverse("espace:organisation_detail", kwargs={"public_id": organisation.public_id}))
    to = [user.email for user in staff_covering(organisation).filter(wants_notifications=True)]
    return send(
        "organisation_to_confirm", to=to, context={"organisation": organisation, "referent": referent, "url": url}
    )


def send_organisation_rejected(organisation_id: int, recipients: list[str]) -> int:
    """Tell the people who were members (référents first of all) that ANCT refused the collectivité, and why.

    `recipients` is taken before the memberships are removed. Replies go to the chargé de mission who decided.
    """
    organisation = Organisation.objects.select_related("rejected_by").get(pk=organisation_id)
    decided_by = organisation.rejected_by
    url = absolute(reverse("accounts:onboarding"))
    return send(
        "organisation_rejected",
        to=recipients,
        context={"organisation": organisation, "decided_by": decided_by, "url": url},
        reply_to=[decided_by.email] if decided_by is not None and decided_by.is_active else None,
    )


def send_member_left(organisation_id: int, user_id: int) -> int:
    """Tell the référents (who want notifications) that a member left the collectivité."""
    organisation = Organisation.objects.get(pk=organisation_id)
    member = User.objects.get(pk=user_id)
    url = absolute(reverse("accounts:member_list", kwargs={"public_id": organisation.public_id}))
    to = [address for address in _referent_addresses(organisation) if address != member.email]
    return send("member_left", to=to, context={"organisation": organisation, "member": member, "url": url})


def send_second_factor_code(*, email: str, code: str) -> int:
    """Send the one-time code that lets a staff account activate its first TOTP (sent whatever the preferences)."""
    url = absolute(reverse("accounts:second_factor_email_code"))
    return send("second_factor_code", to=[email], context={"code": code, "url": url, "minutes": 10})
