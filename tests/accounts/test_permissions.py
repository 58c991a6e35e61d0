"""Every permission helper, allowed and refused, for every role of the world, on org (in scope) and other_org.

org and other_org sit in different régions. Staff who passed the second factor are marked so by the world;
the staff without it (no mark) must get exactly what a person without any collectivité gets.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q

from accounts import permissions
from accounts.enums import ScopeLevel
from accounts.models import Membership, Organisation
from tests.accounts.factories import (
    MembershipFactory,
    OrganisationFactory,
    StaffUserFactory,
    UserFactory,
    staff_with_scope,
    with_second_factor,
)
from tests.territories.factories import DepartementFactory, RegionFactory

NOBODY = {"view": (False, False), "manage": (False, False), "edit": (False, False), "covers": (False, False)}
# role → helper → (answer for org, answer for other_org)
EXPECTED = {
    "outsider": {"view": (False, True), "manage": (False, True), "edit": (False, True), "covers": (False, False)},
    "member": {"view": (True, False), "manage": (False, False), "edit": (True, False), "covers": (False, False)},
    "referent": {"view": (True, False), "manage": (True, False), "edit": (True, False), "covers": (False, False)},
    "staff_out": {"view": (False, True), "manage": (False, True), "edit": (False, False), "covers": (False, True)},
    "staff_in": {"view": (True, False), "manage": (True, False), "edit": (False, False), "covers": (True, False)},
    "staff_regional": {
        "view": (True, False),
        "manage": (True, False),
        "edit": (False, False),
        "covers": (True, False),
    },
    "staff_national": {"view": (True, True), "manage": (True, True), "edit": (False, False), "covers": (True, True)},
    "superuser": {"view": (True, True), "manage": (True, True), "edit": (False, False), "covers": (True, True)},
    "staff_in_no_totp": NOBODY,
    "staff_in_password_only": NOBODY,
    "superuser_not_staff": NOBODY,
    "staff_demoted": NOBODY,
    "inactive_member": NOBODY,
    "anonymous": NOBODY,
}
HELPERS = {
    "view": permissions.can_view_organisation,
    "manage": permissions.can_manage_members,
    "edit": permissions.can_edit_organisation_work,
    "covers": permissions.staff_covers,
}
VISIBLE = {
    "outsider": {"other_org"},
    "member": {"org"},
    "referent": {"org"},
    "staff_out": {"other_org"},
    "staff_in": {"org"},
    "staff_regional": {"org"},
    "staff_national": {"org", "other_org"},
    "superuser": {"org", "other_org"},
}
MEMBER_OF = {"outsider": {"other_org"}, "member": {"org"}, "referent": {"org"}}


@pytest.mark.parametrize("role", EXPECTED)
@pytest.mark.parametrize("helper", HELPERS)
def test_each_helper_allows_and_refuses_each_role_in_and_out_of_scope(world, role, helper):
    person = world[role]
    answers = (HELPERS[helper](person, world["org"]), HELPERS[helper](person, world["other_org"]))
    assert answers == EXPECTED[role][helper]


@pytest.mark.parametrize("role", EXPECTED)
def test_organisations_visible_to_and_organisations_of_each_role(world, role):
    person = world[role]
    names = {"org": world["org"], "other_org": world["other_org"]}
    assert set(permissions.organisations_visible_to(person)) == {names[key] for key in VISIBLE.get(role, ())}
    assert set(permissions.organisations_of(person)) == {names[key] for key in MEMBER_OF.get(role, ())}


@pytest.mark.parametrize("role", EXPECTED)
def test_membership_helpers_of_each_role(world, role):
    person, org = world[role], world["org"]
    membership = permissions.membership_of(person, org)
    in_org = role in {"member", "referent"}
    assert (membership is not None) == in_org
    assert permissions.is_member(person, org) == in_org
    assert permissions.is_referent(person, org) == (role == "referent")
    if in_org:
        assert membership == Membership.objects.get(user=person, organisation=org)


def test_the_membership_cache_is_kept_per_organisation(world, django_assert_num_queries):
    referent = world["referent"]  # one user object, asked about two organisations in turn
    assert permissions.is_referent(referent, world["org"])
    assert not permissions.is_member(referent, world["other_org"])
    assert permissions.is_member(referent, world["org"])
    with django_assert_num_queries(0):
        assert permissions.membership_of(referent, world["org"]).organisation_id == world["org"].pk
        assert permissions.membership_of(referent, world["other_org"]) is None
    own = OrganisationFactory()
    MembershipFactory(user=world["outsider"], organisation=own)
    assert permissions.is_member(world["outsider"], own)
    assert permissions.is_referent(world["outsider"], world["other_org"])
    assert not permissions.is_referent(world["outsider"], own)


@pytest.mark.parametrize(
    ("role", "level"),
    [
        ("staff_in", ScopeLevel.DEPARTEMENTAL),
        ("staff_out", ScopeLevel.DEPARTEMENTAL),
        ("staff_regional", ScopeLevel.REGIONAL),
        ("staff_national", ScopeLevel.NATIONAL),
    ],
)
def test_staff_scope_of_staff_with_the_second_factor(world, role, level, django_assert_num_queries):
    scope = permissions.staff_scope_of(world[role])
    assert scope.user == world[role]
    assert scope.level == level
    with django_assert_num_queries(0):  # read once per user object, départements included
        assert permissions.staff_scope_of(world[role]) is scope
        list(permissions.staff_scope_of(world[role]).departements.all())


@pytest.mark.parametrize(
    "role",
    [
        "superuser",  # no scope row: covers everything through the flag, not a scope
        "staff_in_no_totp",
        "staff_in_password_only",
        "staff_demoted",
        "superuser_not_staff",
        "member",
        "inactive_member",
        "anonymous",
    ],
)
def test_staff_scope_of_everyone_else_is_none(world, role):
    assert permissions.staff_scope_of(world[role]) is None


def test_staff_organisation_filter_by_level_and_prefix(world):
    org, other = world["org"], world["other_org"]
    project_like = Membership.objects.filter  # filter memberships through their organisation (the prefix)
    for role, visible in [
        ("staff_in", {org}),
        ("staff_out", {other}),
        ("staff_regional", {org}),
        ("staff_national", {org, other}),
        ("superuser", {org, other}),
    ]:
        condition = permissions.staff_organisation_filter(world[role])
        assert set(Organisation.objects.filter(condition)) == visible, role
        prefixed = permissions.staff_organisation_filter(world[role], prefix="organisation__")
        assert {m.organisation for m in project_like(prefixed)} == visible, role
    assert permissions.staff_organisation_filter(world["staff_national"]) == Q()
    assert permissions.staff_organisation_filter(world["superuser"]) == Q()


@pytest.mark.parametrize(
    "role",
    ["staff_in_no_totp", "staff_in_password_only", "staff_demoted", "superuser_not_staff", "member", "anonymous"],
)
def test_staff_organisation_filter_gives_nothing_without_staff_powers(world, role):
    assert permissions.staff_organisation_filter(world[role]) is None
    assert permissions.staff_organisation_filter(world[role], prefix="organisation__") is None


def test_a_scope_without_territory_covers_nothing(world):
    departemental = with_second_factor(StaffUserFactory(scope_departements=None))
    regional = with_second_factor(staff_with_scope(ScopeLevel.REGIONAL, region=None))
    for staff in (departemental, regional):
        assert permissions.staff_organisation_filter(staff) is None
        assert not permissions.staff_covers(staff, world["org"])
        assert not permissions.organisations_visible_to(staff).exists()


def test_a_staff_flag_without_scope_sees_nothing(world):
    staff = with_second_factor(UserFactory(is_staff=True))
    assert permissions.staff_scope_of(staff) is None
    assert not permissions.staff_covers(staff, world["org"])
    assert not permissions.organisations_visible_to(staff).exists()


def test_national_staff_covers_any_organisation_without_a_query(world, django_assert_num_queries):
    national = world["staff_national"]
    permissions.staff_scope_of(national)
    with django_assert_num_queries(0):
        assert permissions.staff_covers(national, OrganisationFactory.build(pk=987654))


def test_second_factor_mark_is_required_and_only_true_counts(world):
    staff = StaffUserFactory(scope_departements=[world["org"].departement])
    assert not permissions.has_staff_powers(staff)  # no mark at all: deny
    permissions.mark_second_factor(staff, passed=False)
    assert not permissions.has_staff_powers(staff)
    assert not permissions.staff_covers(staff, world["org"])
    permissions.mark_second_factor(staff, passed=True)
    assert permissions.has_staff_powers(staff)
    assert permissions.staff_covers(staff, world["org"])
    assert not permissions.has_staff_powers(world["staff_demoted"])  # marked, but no longer is_staff
    assert not permissions.has_staff_powers(with_second_factor(UserFactory(is_staff=True, is_active=False)))
    assert not permissions.has_staff_powers(None)
    assert not permissions.has_staff_powers(AnonymousUser())


def test_a_person_may_belong_to_a_commune_and_its_epci():
    person = UserFactory()
    commune_org = OrganisationFactory()
    epci_org = OrganisationFactory()
    MembershipFactory(user=person, organisation=commune_org)
    MembershipFactory(user=person, organisation=epci_org)
    assert set(permissions.organisations_of(person)) == {commune_org, epci_org}
    assert set(permissions.organisations_visible_to(person)) == {commune_org, epci_org}


def test_staff_who_is_also_a_member_sees_both_their_collectivite_and_their_territory(world):
    staff = world["staff_out"]
    MembershipFactory(user=staff, organisation=world["org"], role="agent")
    assert set(permissions.organisations_visible_to(staff)) == {world["org"], world["other_org"]}
    assert permissions.can_edit_organisation_work(staff, world["org"])
    assert not permissions.can_manage_members(staff, world["org"])


def _region_organisation(region):
    return OrganisationFactory(
        kind="region", commune=None, region_territory=region, region=region, departement=None, name="Région test"
    )


def test_staff_covering_is_the_inverse_of_staff_covers(world):
    org = world["org"]
    roles = ("staff_regional", "staff_national", "staff_in_no_totp", "staff_in_password_only", "staff_demoted")
    assert all(world[role] for role in roles)  # created on first use: before the query below
    other_departement = world["other_org"].departement
    regional_out = staff_with_scope(ScopeLevel.REGIONAL, region=world["other_org"].region)
    # Stale fields of a scope count only for its level: a départemental scope's région, a régional's départements.
    departemental_with_region = staff_with_scope(
        ScopeLevel.DEPARTEMENTAL, region=org.region, departements=[other_departement]
    )
    regional_with_departements = staff_with_scope(
        ScopeLevel.REGIONAL, region=world["other_org"].region, departements=[org.departement]
    )
    inactive_national = staff_with_scope(ScopeLevel.NATIONAL, is_active=False)
    two_departements = staff_with_scope(
        ScopeLevel.NATIONAL, departements=[org.departement, DepartementFactory(region=org.region)]
    )
    covering = list(permissions.staff_covering(org))
    assert set(covering) == {
        world["staff_in"],
        world["staff_regional"],
        world["staff_national"],
        world["staff_in_no_totp"],  # the session plays no part: they are told, and enrol to act
        world["staff_in_password_only"],
        two_departements,
    }
    assert covering.count(two_departements) == 1
    everyone = [
        world[role]
        for role in ("staff_in", "staff_out", "staff_regional", "staff_national", "staff_demoted", "superuser")
    ] + [regional_out, departemental_with_region, regional_with_departements, inactive_national, two_departements]
    for staff in everyone:
        with_second_factor(staff)
        if staff is not world["superuser"]:  # a superuser covers all without a scope; notified only with one
            assert (staff in covering) == permissions.staff_covers(staff, org), staff


def test_staff_covering_a_region_organisation_leaves_out_departemental_staff(world):
    national = world["staff_national"]
    region = RegionFactory()
    organisation = _region_organisation(region)
    regional = staff_with_scope(ScopeLevel.REGIONAL, region=region)
    departemental_without_departement = StaffUserFactory(scope_departements=None)
    departemental_in_region = StaffUserFactory(scope_departements=[DepartementFactory(region=region)])
    assert set(permissions.staff_covering(organisation)) == {regional, national}
    assert departemental_without_departement not in permissions.staff_covering(organisation)
    assert not permissions.staff_covers(with_second_factor(departemental_in_region), organisation)
