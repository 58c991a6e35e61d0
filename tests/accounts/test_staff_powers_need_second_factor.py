"""ANCT staff powers on the site need a session that passed the second factor; until then, an ordinary user."""

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from django.urls import reverse

from accounts import permissions
from accounts.enums import JoinRequestStatus, Role
from accounts.models import JoinRequest, Membership
from journeys.models import Comment, StageValidation
from tests.accounts.factories import (
    JoinRequestFactory,
    MembershipFactory,
    OrganisationFactory,
    StaffUserFactory,
    activate_totp,
    login_with_second_factor,
)
from tests.journeys.factories import ProjectFactory, journeys_world, sample_template

PASSWORD = "motdepasse-de-test-solide"
NOTICE = "Vos droits de chargé de mission de l’ANCT exigent la double authentification"


@pytest.fixture(params=["no_totp", "totp_not_entered"])
def password_only(request, client, world):
    """A client logged in as staff covering world["org"] with a password alone (TOTP absent, or not entered)."""
    staff = StaffUserFactory(scope_departements=[world["org"].departement])
    if request.param == "totp_not_entered":
        activate_totp(staff)
    client.force_login(staff)
    client.staff = staff
    return client


def test_staff_with_a_password_alone_reads_no_project_deliverable_or_member_list(password_only, world):
    project = journeys_world(world)["journeys_project"]
    deliverable = project.answers.get(step__key="note-cadrage")
    urls = [
        project.get_absolute_url(),
        reverse("journeys:project_history", kwargs={"public_id": project.public_id}),
        reverse(
            "journeys:deliverable_download", kwargs={"public_id": project.public_id, "step_id": deliverable.step_id}
        ),
        reverse("accounts:member_list", kwargs={"public_id": world["org"].public_id}),
    ]
    for url in urls:
        response = password_only.get(url)
        assert response.status_code == 404, url
        assert world["member"].email not in response.content.decode()
    assert project.title not in password_only.get(reverse("journeys:project_list")).content.decode()


@pytest.mark.parametrize("action", ["join_request_approve", "join_request_refuse"])
def test_staff_with_a_password_alone_cannot_decide_a_join_request(password_only, world, action):
    join_request = JoinRequestFactory(organisation=world["org"])
    response = password_only.post(reverse(f"accounts:{action}", kwargs={"public_id": join_request.public_id}))
    assert response.status_code == 404
    join_request.refresh_from_db()
    assert join_request.status == JoinRequestStatus.PENDING
    assert not Membership.objects.filter(user=join_request.user).exists()


def test_staff_with_a_password_alone_cannot_change_a_role_or_remove_a_member(password_only, world):
    org, member = world["org"], world["member"]
    kwargs = {"public_id": org.public_id, "user_public_id": member.public_id}
    membership = Membership.objects.get(organisation=org, user=member)
    prefix = f"m{membership.pk}"
    response = password_only.post(
        reverse("accounts:member_role_update", kwargs=kwargs), {f"{prefix}-role": "referent"}
    )
    assert response.status_code == 404
    assert password_only.post(reverse("accounts:member_remove", kwargs=kwargs)).status_code == 404
    membership.refresh_from_db()
    assert membership.role == Role.AGENT


def test_staff_with_a_password_alone_cannot_validate_a_stage_or_comment(password_only, world):
    project = journeys_world(world)["journeys_project"]
    comments = Comment.objects.count()
    kwargs = {"public_id": project.public_id, "stage_id": project.current_stage_id}
    assert password_only.post(reverse("journeys:stage_validate", kwargs=kwargs)).status_code == 404
    comment_url = reverse("journeys:comment_create", kwargs={"public_id": project.public_id})
    assert password_only.post(comment_url, {"body": "Bonjour"}).status_code == 404
    assert not StageValidation.objects.filter(project=project).exists()
    assert Comment.objects.count() == comments


def test_staff_with_a_password_alone_keeps_the_rights_of_their_own_membership(password_only):
    sample_template()
    own = OrganisationFactory()
    MembershipFactory(user=password_only.staff, organisation=own, role=Role.REFERENT)
    project = ProjectFactory(organisation=own)
    assert password_only.get(project.get_absolute_url()).status_code == 200
    assert password_only.get(reverse("accounts:member_list", kwargs={"public_id": own.public_id})).status_code == 200


def test_staff_who_passed_the_second_factor_has_the_powers_of_their_territory(client, world):
    project = journeys_world(world)["journeys_project"]
    join_request = JoinRequestFactory(organisation=world["org"])
    login_with_second_factor(client, StaffUserFactory(scope_departements=[world["org"].departement]))
    assert client.get(project.get_absolute_url()).status_code == 200
    response = client.post(reverse("accounts:join_request_approve", kwargs={"public_id": join_request.public_id}))
    assert response.status_code == 302
    assert JoinRequest.objects.get(pk=join_request.pk).status == JoinRequestStatus.APPROVED
    assert NOTICE not in client.get(reverse("journeys:project_list")).content.decode()


def test_staff_without_totp_is_told_to_activate_it_on_every_page_even_a_404(client, world):
    staff = StaffUserFactory(scope_departements=[world["org"].departement])
    client.force_login(staff)
    project = journeys_world(world)["journeys_project"]
    for response in (client.get(reverse("journeys:project_list")), client.get(project.get_absolute_url())):
        body = response.content.decode()
        assert NOTICE in body
        assert reverse("accounts:second_factor_email_code") in body


def test_staff_with_totp_is_told_to_enter_the_code(client, world):
    staff = StaffUserFactory(scope_departements=[world["org"].departement])
    activate_totp(staff)
    client.force_login(staff)
    body = client.get(reverse("journeys:project_list")).content.decode()
    assert NOTICE in body
    assert reverse("mfa_reauthenticate") in body


def test_ordinary_members_see_no_second_factor_notice(client_as, world):
    assert NOTICE not in client_as(world["member"]).get(reverse("journeys:project_list")).content.decode()


def test_helpers_grant_nothing_to_a_staff_user_object_that_did_not_pass_the_second_factor(world):
    staff = StaffUserFactory(scope_departements=[world["org"].departement])  # a fresh object: no session, no mark
    assert permissions.staff_scope_of(staff) is None
    assert permissions.staff_organisation_filter(staff) is None
    assert not permissions.staff_covers(staff, world["org"])
    assert not permissions.can_view_organisation(staff, world["org"])
    assert not permissions.can_manage_members(staff, world["org"])
    assert not permissions.organisations_visible_to(staff).exists()


def test_covering_staff_are_still_found_for_notifications_whatever_their_session(world):
    """staff_covering is about other people (who to notify), not about the session asking."""
    staff = StaffUserFactory(scope_departements=[world["org"].departement])
    assert staff in set(permissions.staff_covering(world["org"]))


def _current_code(secret: str) -> str:
    counter = next(iter(yield_hotp_counters_from_time()))
    return format_hotp_value(hotp_value(secret, counter))


def test_staff_who_logs_in_with_password_and_code_reads_the_project(client, world):
    project = journeys_world(world)["journeys_project"]
    staff = StaffUserFactory(scope_departements=[world["org"].departement])
    secret = activate_totp(staff)
    client.post(reverse("account_login"), {"login": staff.email, "password": PASSWORD})
    assert client.get(project.get_absolute_url()).status_code == 302  # still on the second step of the login
    client.post(reverse("mfa_authenticate"), {"code": _current_code(secret)})
    assert client.get(project.get_absolute_url()).status_code == 200


def test_staff_who_enters_the_code_from_the_banner_gets_the_powers(client, world):
    project = journeys_world(world)["journeys_project"]
    staff = StaffUserFactory(scope_departements=[world["org"].departement])
    secret = activate_totp(staff)
    client.force_login(staff)  # a session opened before TOTP was enrolled: password only
    assert client.get(project.get_absolute_url()).status_code == 404
    response = client.post(
        f"{reverse('mfa_reauthenticate')}?next={project.get_absolute_url()}", {"code": _current_code(secret)}
    )
    assert response.status_code == 302
    response = client.get(project.get_absolute_url())
    assert response.status_code == 200
    assert NOTICE not in response.content.decode()
