"""The one place that answers "may this user see or change this?".

Every view, selector and admin of the portal asks these helpers; none re-implements a rule.
Organisation-level rules: a member sees the organisation's work; a référent manages its
members; an ANCT chargé de mission sees the organisations of the territory they cover.

Staff powers need a session that passed the second factor (TOTP). The rule lives here and denies by
default: accounts.second_factor.SecondFactorMiddleware marks each request's user object with
`mark_second_factor`, and a staff user object that carries no mark (a bare model instance, a task's
user, a session that gave only a password) holds no staff power: it is an ordinary user.
"""

from typing import cast

from django.db.models import Q, QuerySet

from accounts.enums import Role, ScopeLevel
from accounts.models import Membership, Organisation, StaffScope, User

# Attributes set on the user object (names kept here so that no helper spells them twice).
_SECOND_FACTOR_MARK = "_passed_second_factor"
_MEMBERSHIP_CACHE = "_membership_cache"
_STAFF_SCOPE_CACHE = "_staff_scope"
_UNREAD = object()


def _is_authenticated(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def mark_second_factor(user, *, passed: bool) -> None:
    """Record on this user object whether the session it belongs to passed the second factor."""
    setattr(user, _SECOND_FACTOR_MARK, passed)


def has_staff_powers(user) -> bool:
    """True for an active ANCT staff user whose session passed the second factor; False when unmarked."""
    return _is_authenticated(user) and user.is_staff and getattr(user, _SECOND_FACTOR_MARK, False) is True


def membership_of(user, organisation: Organisation) -> Membership | None:
    """The user's membership of the organisation, or None. Cached per (user, organisation) on the user."""
    if not _is_authenticated(user):
        return None
    cache = user.__dict__.setdefault(_MEMBERSHIP_CACHE, {})
    if organisation.pk not in cache:
        cache[organisation.pk] = Membership.objects.filter(user=user, organisation=organisation).first()
    return cache[organisation.pk]


def remember_membership(user, organisation_id: int, membership: Membership | None) -> None:
    """Give this user object its membership of the organisation (or None), read by the caller in a query of its
    own (e.g. with the project of a page); membership_of then asks nothing."""
    if _is_authenticated(user):
        user.__dict__.setdefault(_MEMBERSHIP_CACHE, {})[organisation_id] = membership


def is_member(user, organisation: Organisation) -> bool:
    return membership_of(user, organisation) is not None


def is_referent(user, organisation: Organisation) -> bool:
    membership = membership_of(user, organisation)
    return membership is not None and membership.role == Role.REFERENT


def remember_staff_scope(user, scope: StaffScope | None) -> None:
    """Give this user object its scope, read by the caller (accounts.second_factor reads it in the same query as
    the second factor); staff_scope_of then asks nothing."""
    setattr(user, _STAFF_SCOPE_CACHE, scope)


def staff_scope_of(user) -> StaffScope | None:
    """The ANCT scope of a staff user who passed the second factor (None for everyone else). Cached on the user."""
    if not has_staff_powers(user):
        return None
    # getattr/setattr, not __dict__: they reach the user inside request.user's lazy wrapper, where the middleware
    # leaves the scope it read (remember_staff_scope).
    scope = getattr(user, _STAFF_SCOPE_CACHE, _UNREAD)
    if scope is _UNREAD:
        scope = StaffScope.objects.filter(user=user).prefetch_related("departements").first()
        setattr(user, _STAFF_SCOPE_CACHE, scope)
    return cast("StaffScope | None", scope)


def staff_organisation_filter(user, prefix: str = "") -> Q | None:
    """A Q on Organisation (through `prefix`, e.g. "organisation__") for what a staff user covers; None: nothing.

    A superuser covers everything. National covers all; regional covers its région; départemental its départements.
    Nothing without the second factor (see has_staff_powers).
    """
    if not has_staff_powers(user):
        return None
    if user.is_superuser:
        return Q()
    scope = staff_scope_of(user)
    if scope is None:
        return None
    if scope.level == ScopeLevel.NATIONAL:
        return Q()
    if scope.level == ScopeLevel.REGIONAL:
        return Q(**{f"{prefix}region_id": scope.region_id}) if scope.region_id else None
    codes = [departement.code for departement in scope.departements.all()]
    return Q(**{f"{prefix}departement_id__in": codes}) if codes else None


def staff_covers(user, organisation: Organisation) -> bool:
    """True when an ANCT staff user's territorial scope includes the organisation."""
    condition = staff_organisation_filter(user)
    if condition is None:
        return False
    if condition == Q():
        return True
    return Organisation.objects.filter(condition, pk=organisation.pk).exists()


def organisations_of(user) -> QuerySet[Organisation]:
    """Organisations the user is a member of (any role)."""
    if not _is_authenticated(user):
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user)


def organisations_visible_to(user) -> QuerySet[Organisation]:
    """Organisations whose private work the user may read: their own, plus the staff scope."""
    if not _is_authenticated(user):
        return Organisation.objects.none()
    condition = Q(memberships__user=user)
    staff = staff_organisation_filter(user)
    if staff is not None:
        condition = condition | staff if staff != Q() else Q()
    return Organisation.objects.filter(condition).distinct()


def can_view_organisation(user, organisation: Organisation) -> bool:
    return is_member(user, organisation) or staff_covers(user, organisation)


def can_manage_members(user, organisation: Organisation) -> bool:
    """Référents manage members (approve or refuse join requests); so do staff covering the territory."""
    return is_referent(user, organisation) or staff_covers(user, organisation)


def can_edit_organisation_work(user, organisation: Organisation) -> bool:
    """Members (élus, agents, référents) edit their organisation's projects; staff only read and comment."""
    return is_member(user, organisation)


def staff_covering(organisation: Organisation) -> QuerySet[User]:
    """Active ANCT staff whose territorial scope includes the organisation (the inverse of staff_covers).

    About other people (whom to notify), not about a session: the second factor plays no part here.
    """
    condition = Q(staff_scope__level=ScopeLevel.NATIONAL) | Q(
        staff_scope__level=ScopeLevel.REGIONAL, staff_scope__region_id=organisation.region_id
    )
    if organisation.departement_id:
        condition |= Q(
            staff_scope__level=ScopeLevel.DEPARTEMENTAL, staff_scope__departements__code=organisation.departement_id
        )
    return User.objects.filter(condition, is_staff=True, is_active=True).distinct()
