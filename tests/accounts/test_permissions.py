from accounts import permissions
from accounts.enums import ScopeLevel
from accounts.models import StaffScope
from tests.accounts.factories import MembershipFactory, OrganisationFactory, StaffUserFactory, UserFactory


def test_member_sees_own_organisation_and_not_another(world):
    assert permissions.can_view_organisation(world["member"], world["org"])
    assert not permissions.can_view_organisation(world["outsider"], world["org"])
    assert list(permissions.organisations_visible_to(world["member"])) == [world["org"]]


def test_only_referent_manages_members(world):
    assert permissions.can_manage_members(world["referent"], world["org"])
    assert not permissions.can_manage_members(world["member"], world["org"])
    assert not permissions.can_manage_members(world["outsider"], world["org"])


def test_staff_sees_only_organisations_in_scope(world):
    assert permissions.staff_covers(world["staff_in"], world["org"])
    assert not permissions.staff_covers(world["staff_out"], world["org"])
    assert set(permissions.organisations_visible_to(world["staff_in"])) == {world["org"]}
    assert not permissions.can_edit_organisation_work(world["staff_in"], world["org"])


def test_regional_scope_covers_the_organisations_of_its_region(world):
    staff = StaffUserFactory(scope_departements=None)
    staff.staff_scope.level = ScopeLevel.REGIONAL
    staff.staff_scope.region = world["org"].region
    staff.staff_scope.save()
    assert permissions.staff_covers(staff, world["org"])
    assert not permissions.staff_covers(staff, world["other_org"])


def test_national_scope_covers_everything(world):
    staff = StaffUserFactory(scope_departements=None)
    StaffScope.objects.filter(user=staff).update(level=ScopeLevel.NATIONAL)
    assert set(permissions.organisations_visible_to(staff)) == {world["org"], world["other_org"]}


def test_staff_flag_without_scope_sees_nothing(world):
    staff = UserFactory(is_staff=True)
    assert not permissions.staff_covers(staff, world["org"])
    assert not permissions.organisations_visible_to(staff).exists()


def test_anonymous_and_plain_users_see_nothing(world):
    from django.contrib.auth.models import AnonymousUser

    assert not permissions.can_view_organisation(AnonymousUser(), world["org"])
    assert not permissions.organisations_visible_to(UserFactory()).exists()


def test_a_person_may_belong_to_a_commune_and_its_epci():
    person = UserFactory()
    commune_org = OrganisationFactory()
    epci_org = OrganisationFactory()
    MembershipFactory(user=person, organisation=commune_org)
    MembershipFactory(user=person, organisation=epci_org)
    assert set(permissions.organisations_of(person)) == {commune_org, epci_org}


def test_staff_covering_lists_the_staff_whose_scope_includes_the_organisation(world):
    regional = StaffUserFactory(scope_departements=None)
    StaffScope.objects.filter(user=regional).update(level=ScopeLevel.REGIONAL, region=world["org"].region)
    national = StaffUserFactory(scope_departements=None)
    StaffScope.objects.filter(user=national).update(level=ScopeLevel.NATIONAL)
    assert set(permissions.staff_covering(world["org"])) == {world["staff_in"], regional, national}
