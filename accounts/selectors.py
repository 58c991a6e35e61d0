"""Reads of the accounts app, scoped by permission and with their joins done."""

from django.db.models import Prefetch, QuerySet

from accounts.enums import JoinRequestStatus, OrganisationStatus, Role
from accounts.models import JoinRequest, Membership, Organisation, User
from accounts.permissions import organisations_visible_to


def needs_onboarding(user) -> bool:
    """True for a signed-in person with no collectivité and no pending request: they still have to pick one."""
    if not user.is_authenticated or user.is_staff:
        return False
    return not (
        Membership.objects.filter(user=user).exists()
        or JoinRequest.objects.filter(user=user, status=JoinRequestStatus.PENDING).exists()
    )


def memberships_of(user) -> QuerySet[Membership]:
    """The user's memberships with their organisations, by organisation name."""
    return (
        Membership.objects.filter(user=user)
        .select_related("organisation", "organisation__departement", "organisation__region")
        .order_by("organisation__name")
    )


def join_requests_of(user) -> QuerySet[JoinRequest]:
    """The user's own join requests, newest first."""
    return JoinRequest.objects.filter(user=user).select_related("organisation").order_by("-created_at")


def rejected_organisations_requested_by(user) -> QuerySet[Organisation]:
    """Collectivités the user registered and ANCT refused, latest refusal first (their memberships are gone)."""
    return Organisation.objects.filter(created_by=user, status=OrganisationStatus.REJECTED).order_by(
        "-rejected_at", "name"
    )


def members_of(organisation: Organisation) -> QuerySet[Membership]:
    """Members of an organisation, référents first, then by name."""
    return (
        Membership.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("role", "user__last_name", "user__first_name", "user__email")
    )


def pending_join_requests_for(organisation: Organisation) -> QuerySet[JoinRequest]:
    return (
        JoinRequest.objects.filter(organisation=organisation, status=JoinRequestStatus.PENDING)
        .select_related("user")
        .order_by("created_at")
    )


def join_requests_visible_to(user) -> QuerySet[JoinRequest]:
    """Join requests of the organisations the user may see (a request elsewhere is a 404)."""
    return JoinRequest.objects.filter(organisation__in=organisations_visible_to(user)).select_related(
        "organisation", "user"
    )


def referents_of(organisation: Organisation) -> QuerySet[User]:
    return User.objects.filter(
        memberships__organisation=organisation, memberships__role=Role.REFERENT, is_active=True
    ).order_by("pk")


def organisation_with_members(queryset: QuerySet[Organisation]) -> QuerySet[Organisation]:
    return queryset.prefetch_related(Prefetch("memberships", queryset=Membership.objects.select_related("user")))


def has_other_members(membership: Membership) -> bool:
    return Membership.objects.filter(organisation_id=membership.organisation_id).exclude(pk=membership.pk).exists()


def is_last_referent_with_other_members(membership: Membership) -> bool:
    """True when this référent is the only one of an organisation that has other members (they cannot leave)."""
    if membership.role != Role.REFERENT:
        return False
    others = Membership.objects.filter(organisation_id=membership.organisation_id).exclude(pk=membership.pk)
    return others.exists() and not others.filter(role=Role.REFERENT).exists()
