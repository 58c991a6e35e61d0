"""Writes of the accounts app: onboarding, join requests, members (and leaving), ANCT confirmation or refusal,
account deletion.

Every function runs in a transaction and raises an `AccountsError` subclass with a French message
the views show as is; nothing is half-written when it raises. Emails leave on commit.
"""

import json
import re
from collections.abc import Callable

from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from accounts import emails
from accounts.enums import JoinRequestStatus, OrganisationStatus, Role
from accounts.models import JoinRequest, Membership, Organisation, StaffScope, User
from accounts.signals import organisation_status_changed
from territories.models import Commune, Departement, Epci, Region, TerritoryKind

ANONYMOUS_EMAIL_DOMAIN = "utilisateur-supprime.invalid"
JOINABLE_ROLES = {Role.ELU, Role.AGENT}
REJECTION_REASON_MAX_LENGTH = 2000
REJECTION_REASON_REQUIRED = "Indiquez le motif du refus : il est envoyé aux membres de la collectivité."
REJECTED_TERRITORY_MESSAGE = (
    "L’ANCT a refusé l’inscription de « {name} » sur le portail : on ne peut ni la créer ni la rejoindre pour "
    "l’instant. Si vous agissez bien pour cette collectivité, contactez le chargé de mission ANCT de votre "
    "département, qui peut revenir sur sa décision."
)


class AccountsError(Exception):
    """A rule of the accounts app refused the change; `str(error)` is a French message for the page."""


class OnboardingError(AccountsError):
    pass


class JoinRequestError(AccountsError):
    pass


class MembershipError(AccountsError):
    pass


class AccountDeletionError(AccountsError):
    pass


class OrganisationDecisionError(AccountsError):
    pass


Territory = Commune | Epci | Departement | Region


def organisation_of_territory(territory: Territory) -> Organisation | None:
    """The organisation already bound to this territory, if any."""
    field = _territory_field(territory)
    return Organisation.objects.filter(**{field: territory}).first()


def _territory_field(territory: Territory) -> str:
    if isinstance(territory, Commune):
        return "commune"
    if isinstance(territory, Epci):
        return "epci"
    if isinstance(territory, Departement):
        return "departement_territory"
    return "region_territory"


def _placement(territory: Territory) -> tuple[str, str | None, str | None]:
    """(kind, département code, région code) of a territory, for the organisation's denormalised scope."""
    if isinstance(territory, Commune):
        return TerritoryKind.COMMUNE, territory.departement_id, territory.region_id
    if isinstance(territory, Epci):
        region = territory.region_id or (territory.departement.region_id if territory.departement else None)
        return TerritoryKind.EPCI, territory.departement_id, region
    if isinstance(territory, Departement):
        return TerritoryKind.DEPARTEMENT, territory.code, territory.region_id
    return TerritoryKind.REGION, None, territory.code


def placement_of(territory: Territory) -> tuple[str, str | None, str | None]:
    """(kind, département code, région code) a collectivité bound to `territory` takes from the referential."""
    return _placement(territory)


@transaction.atomic
def register_organisation(*, user: User, territory: Territory) -> Organisation:
    """Create the organisation of a territory with `user` as its référent, pending ANCT confirmation.

    Raises OnboardingError when the territory already has an organisation (join it instead) or is inactive.
    """
    if not getattr(territory, "is_active", True):
        raise OnboardingError("Ce territoire n’existe plus dans le référentiel officiel.")
    existing = organisation_of_territory(territory)
    if existing is not None and existing.status == OrganisationStatus.REJECTED:
        raise OnboardingError(REJECTED_TERRITORY_MESSAGE.format(name=existing.name))
    if existing is not None:
        raise OnboardingError(
            f"« {existing.name} » est déjà inscrite sur le portail : demandez plutôt à rejoindre son espace."
        )
    kind, departement, region = _placement(territory)
    if region is None:
        raise OnboardingError("Ce territoire n’est rattaché à aucune région dans le référentiel : contactez l’ANCT.")
    try:
        with transaction.atomic():
            organisation = Organisation.objects.create(
                name=territory.name,
                kind=kind,
                departement_id=departement,
                region_id=region,
                status=OrganisationStatus.PENDING,
                created_by=user,
                **{_territory_field(territory): territory},
            )
    except IntegrityError as error:  # someone registered it a moment earlier
        raise OnboardingError(
            "Cette collectivité vient d’être inscrite par une autre personne : demandez à rejoindre son espace."
        ) from error
    Membership.objects.create(user=user, organisation=organisation, role=Role.REFERENT)
    transaction.on_commit(lambda: emails.send_organisation_to_confirm(organisation.pk))
    return organisation


@transaction.atomic
def request_to_join(*, user: User, organisation: Organisation, role: str, message: str = "") -> JoinRequest:
    """Ask the référents of `organisation` to let `user` in with `role` (élu or agent); emails them on commit.

    Raises JoinRequestError when the user is already a member or already has a pending request there.
    """
    if role not in JOINABLE_ROLES:
        raise JoinRequestError("Choisissez le rôle « élu » ou « agent ».")
    if organisation.status == OrganisationStatus.REJECTED:
        raise JoinRequestError(REJECTED_TERRITORY_MESSAGE.format(name=organisation.name))
    if Membership.objects.filter(user=user, organisation=organisation).exists():
        raise JoinRequestError(f"Vous êtes déjà membre de « {organisation.name} ».")
    if JoinRequest.objects.filter(user=user, organisation=organisation, status=JoinRequestStatus.PENDING).exists():
        raise JoinRequestError(
            f"Vous avez déjà une demande en attente pour « {organisation.name} » : "
            "les référents vont y répondre, inutile de la renvoyer."
        )
    try:
        with transaction.atomic():
            join_request = JoinRequest.objects.create(
                user=user, organisation=organisation, role=role, message=message.strip()[:1000]
            )
    except IntegrityError as error:  # the partial unique constraint: a double submission
        raise JoinRequestError(f"Vous avez déjà une demande en attente pour « {organisation.name} ».") from error
    transaction.on_commit(lambda: emails.send_join_request_received(join_request.pk))
    return join_request


def _decide(join_request: JoinRequest, decided_by: User, status: str) -> JoinRequest:
    locked = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if locked.status != JoinRequestStatus.PENDING:
        raise JoinRequestError("Cette demande a déjà été traitée.")
    locked.status = status
    locked.decided_at = timezone.now()
    locked.decided_by = decided_by
    locked.save(update_fields=["status", "decided_at", "decided_by"])
    return locked


@transaction.atomic
def approve_join_request(*, join_request: JoinRequest, decided_by: User) -> Membership:
    """Accept a pending request: the requester becomes a member with the role asked; emailed on commit.

    Raises JoinRequestError when the request is no longer pending, or the organisation was refused by ANCT.
    """
    # Locked first, as reject_organisation does: an approval racing with a refusal either lands before it (and
    # the refusal removes the new member) or sees the refusal; it never leaves a member in a refused collectivité.
    organisation = Organisation.objects.select_for_update().get(pk=join_request.organisation_id)
    if organisation.status == OrganisationStatus.REJECTED:
        raise JoinRequestError(REJECTED_TERRITORY_MESSAGE.format(name=organisation.name))
    decided = _decide(join_request, decided_by, JoinRequestStatus.APPROVED)
    membership, _created = Membership.objects.get_or_create(
        user_id=decided.user_id, organisation_id=decided.organisation_id, defaults={"role": decided.role}
    )
    transaction.on_commit(lambda: emails.send_join_request_decided(decided.pk))
    return membership


@transaction.atomic
def refuse_join_request(*, join_request: JoinRequest, decided_by: User) -> JoinRequest:
    """Refuse a pending request; the requester is emailed on commit. Raises JoinRequestError if already decided."""
    decided = _decide(join_request, decided_by, JoinRequestStatus.REFUSED)
    transaction.on_commit(lambda: emails.send_join_request_decided(decided.pk))
    return decided


@transaction.atomic
def cancel_join_request(*, join_request: JoinRequest, user: User) -> JoinRequest:
    """The requester withdraws their own pending request. Raises JoinRequestError otherwise."""
    if join_request.user_id != user.pk:
        raise JoinRequestError("Vous ne pouvez annuler que vos propres demandes.")
    return _decide(join_request, user, JoinRequestStatus.CANCELLED)


def _other_referents(organisation: Organisation, member: User) -> bool:
    return (
        Membership.objects.select_for_update()
        .filter(organisation=organisation, role=Role.REFERENT)
        .exclude(user=member)
        .exists()
    )


@transaction.atomic
def change_member_role(*, organisation: Organisation, member: User, role: str) -> Membership:
    """Give a member another role. Raises MembershipError for an unknown role or for the last référent."""
    if role not in Role.values:
        raise MembershipError("Rôle inconnu.")
    membership = Membership.objects.select_for_update().filter(organisation=organisation, user=member).first()
    if membership is None:
        raise MembershipError("Cette personne n’est pas membre de la collectivité.")
    if membership.role == Role.REFERENT and role != Role.REFERENT and not _other_referents(organisation, member):
        raise MembershipError(
            "C’est le dernier référent de la collectivité : nommez d’abord un autre référent, puis changez ce rôle."
        )
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def remove_member(*, organisation: Organisation, member: User) -> None:
    """Remove a member from the organisation. Raises MembershipError for the last référent."""
    membership = Membership.objects.select_for_update().filter(organisation=organisation, user=member).first()
    if membership is None:
        raise MembershipError("Cette personne n’est pas membre de la collectivité.")
    if membership.role == Role.REFERENT and not _other_referents(organisation, member):
        raise MembershipError("Impossible de retirer le dernier référent : nommez d’abord un autre référent.")
    membership.delete()


@transaction.atomic
def leave_organisation(*, user: User, organisation: Organisation) -> None:
    """The user leaves the organisation; its remaining référents are emailed on commit.

    Raises MembershipError when the user is not a member, or is its last référent while others remain
    (they must name another référent first). The last member may leave: the organisation stays, without members.
    """
    membership = Membership.objects.select_for_update().filter(organisation=organisation, user=user).first()
    if membership is None:
        raise MembershipError(f"Vous n’êtes pas membre de « {organisation.name} ».")
    others = Membership.objects.filter(organisation=organisation).exclude(user=user)
    if membership.role == Role.REFERENT and not _other_referents(organisation, user) and others.exists():
        raise MembershipError(
            f"Vous êtes le dernier référent de « {organisation.name} », qui compte d’autres membres : "
            "nommez d’abord un autre référent depuis la page « Membres », puis quittez la collectivité."
        )
    membership.delete()
    organisation_id, user_id = organisation.pk, user.pk
    transaction.on_commit(lambda: emails.send_member_left(organisation_id, user_id))


@transaction.atomic
def reject_organisation(*, organisation: Organisation, rejected_by: User, reason: str) -> Organisation:
    """ANCT refuses a pending organisation, with a reason its members read in the email sent on commit.

    The organisation row stays (status REJECTED, who, when, why) and keeps its territory, so nobody can register
    or join it again until ANCT reconsiders (« Confirmer »). Its memberships are removed, so the people lose
    access and may pick another collectivité; pending join requests to it are refused.
    Raises OrganisationDecisionError without a reason or when the organisation is not pending.
    """
    reason = reason.strip()
    if not reason:
        raise OrganisationDecisionError(REJECTION_REASON_REQUIRED)
    if len(reason) > REJECTION_REASON_MAX_LENGTH:
        raise OrganisationDecisionError(
            f"Le motif du refus ne doit pas dépasser {REJECTION_REASON_MAX_LENGTH} caractères."
        )
    locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if locked.status != OrganisationStatus.PENDING:
        raise OrganisationDecisionError(
            f"« {locked.name} » n’est pas en attente de confirmation ({locked.get_status_display()}) : "
            "seule une inscription en attente peut être refusée."
        )
    recipients = list(
        User.objects.filter(memberships__organisation=locked, is_active=True)
        .order_by("pk")
        .values_list("email", flat=True)
    )
    locked.status = OrganisationStatus.REJECTED
    locked.rejected_at = timezone.now()
    locked.rejected_by = rejected_by
    locked.rejection_reason = reason
    locked.save(update_fields=["status", "rejected_at", "rejected_by", "rejection_reason"])
    Membership.objects.filter(organisation=locked).delete()
    refused = list(
        JoinRequest.objects.filter(organisation=locked, status=JoinRequestStatus.PENDING).values_list("pk", flat=True)
    )
    JoinRequest.objects.filter(pk__in=refused).update(
        status=JoinRequestStatus.REFUSED, decided_at=locked.rejected_at, decided_by=rejected_by
    )
    organisation_status_changed.send(sender=Organisation, organisation=locked)

    def notify() -> None:
        emails.send_organisation_rejected(locked.pk, recipients)
        for join_request_id in refused:
            emails.send_join_request_decided(join_request_id)

    transaction.on_commit(notify)
    return locked


@transaction.atomic
def confirm_organisation(*, organisation: Organisation, confirmed_by: User) -> Organisation:
    """ANCT confirms a pending (or previously refused) organisation; its référents are emailed on commit.

    Idempotent for a confirmed one. A refused organisation keeps its refusal fields as history.
    """
    locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if locked.status == OrganisationStatus.CONFIRMED:
        return locked
    locked.status = OrganisationStatus.CONFIRMED
    locked.confirmed_at = timezone.now()
    locked.confirmed_by = confirmed_by
    locked.save(update_fields=["status", "confirmed_at", "confirmed_by"])
    # The catalogue then lists its declarations and counts them (catalogue.signals).
    organisation_status_changed.send(sender=Organisation, organisation=locked)
    transaction.on_commit(lambda: emails.send_organisation_confirmed(locked.pk))
    return locked


@transaction.atomic
def update_notifications(*, user: User, wants_notifications: bool) -> User:
    """Record the user's choice about notification emails."""
    user.wants_notifications = wants_notifications
    user.save(update_fields=["wants_notifications"])
    return user


@transaction.atomic
def delete_account(*, user: User) -> User:
    """Delete what identifies the user and keep what they wrote, signed « Utilisateur supprimé ».

    Memberships, pending requests, email addresses, second factors and the staff scope go; the user row stays,
    anonymised and inactive; the back-office log no longer names them (`scrub_admin_log`). Pages show what they
    wrote through the user row, so « Utilisateur supprimé ». Raises AccountDeletionError when the user is the last
    référent of an organisation that has other members (they must name another référent first).
    """
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    blocking = []
    for membership in Membership.objects.filter(user=user, role=Role.REFERENT).select_related("organisation"):
        organisation = membership.organisation
        others = Membership.objects.filter(organisation=organisation).exclude(user=user)
        if others.exists() and not others.filter(role=Role.REFERENT).exists():
            blocking.append(organisation.name)
    if blocking:
        names = ", ".join(f"« {name} »" for name in sorted(blocking))
        raise AccountDeletionError(
            f"Vous êtes le dernier référent de {names}, qui compte d’autres membres. Nommez d’abord un autre "
            "référent depuis la page « Membres », puis supprimez votre compte."
        )
    traces = {user.email, *EmailAddress.objects.filter(user=user).values_list("email", flat=True)}
    if user.first_name.strip() and user.last_name.strip():
        traces.add(user.get_full_name())
    Membership.objects.filter(user=user).delete()
    JoinRequest.objects.filter(user=user, status=JoinRequestStatus.PENDING).delete()
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    StaffScope.objects.filter(user=user).delete()
    user.email = f"supprime-{user.public_id}@{ANONYMOUS_EMAIL_DOMAIN}"
    user.first_name = "Utilisateur"
    user.last_name = "supprimé"
    user.job_title = ""
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.wants_notifications = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    scrub_admin_log(user=user, traces=traces)
    return user


def _literally(text: str) -> Callable[[re.Match[str]], str]:
    """A re.sub replacement that inserts `text` as it is (no backslash or group reference processed)."""
    return lambda _match: text


def scrub_admin_log(*, user: User, traces: set[str]) -> int:
    """Replace the person's former name and addresses (`traces`) by their anonymised name in the admin log.

    LogEntry keeps a text copy of each object it logged (`object_repr`: « Claire Martin — Aurillac (agent) ») and
    free or JSON change messages; neither follows the anonymised user row. JSON messages escape accents, so both
    spellings are replaced. A trace shorter than 5 characters is ignored rather than erasing common words.
    Returns the number of entries changed.
    """
    replacement = str(user)
    pairs = []
    for trace in sorted({trace.strip() for trace in traces if len(trace.strip()) >= 5}, key=len, reverse=True):
        pairs.append((trace, replacement))
        escaped = json.dumps(trace)[1:-1]
        if escaped != trace:
            pairs.append((escaped, json.dumps(replacement)[1:-1]))
    user_type = ContentType.objects.get_for_model(User)
    condition = Q(content_type=user_type, object_id=str(user.pk))
    for trace, _replacement in pairs:
        condition |= Q(object_repr__icontains=trace) | Q(change_message__icontains=trace)
    changed = 0
    for entry in LogEntry.objects.filter(condition):
        object_repr, change_message = entry.object_repr, entry.change_message
        for trace, replacement_text in pairs:
            pattern = re.compile(re.escape(trace), re.IGNORECASE)
            object_repr = pattern.sub(_literally(replacement_text), object_repr)
            change_message = pattern.sub(_literally(replacement_text), change_message)
        if entry.content_type_id == user_type.pk and entry.object_id == str(user.pk):
            object_repr = replacement
        if (object_repr, change_message) != (entry.object_repr, entry.change_message):
            LogEntry.objects.filter(pk=entry.pk).update(object_repr=object_repr[:200], change_message=change_message)
            changed += 1
    return changed
