"""The « Membres » page: référents approve or refuse requests, change roles, remove members."""

import pytest
from django.core import mail
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.enums import JoinRequestStatus, Role
from accounts.models import JoinRequest, Membership
from tests.accounts.factories import JoinRequestFactory, MembershipFactory, OrganisationFactory


@pytest.fixture
def org_with_referent(db):
    organisation = OrganisationFactory()
    referent = MembershipFactory(organisation=organisation, role=Role.REFERENT).user
    return organisation, referent


def test_referent_sees_members_and_pending_requests(client, org_with_referent, django_assert_max_num_queries):
    organisation, referent = org_with_referent
    for _ in range(3):
        MembershipFactory(organisation=organisation)
    request = JoinRequestFactory(organisation=organisation, user__first_name="Inès", user__last_name="Robert")
    client.force_login(referent)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("accounts:member_list", kwargs={"public_id": organisation.public_id}))
    html = response.content.decode()
    assert "Membres (4)" in html
    assert "Inès Robert" in html
    assert request.message in html


def test_member_list_query_count_does_not_grow_with_members(client, org_with_referent, django_assert_max_num_queries):
    organisation, referent = org_with_referent
    for _ in range(20):
        MembershipFactory(organisation=organisation)
        JoinRequestFactory(organisation=organisation)
    client.force_login(referent)
    with django_assert_max_num_queries(12):
        client.get(reverse("accounts:member_list", kwargs={"public_id": organisation.public_id}))


def test_referent_approves_a_request_and_the_requester_is_emailed(
    client, org_with_referent, django_capture_on_commit_callbacks
):
    organisation, referent = org_with_referent
    join_request = JoinRequestFactory(organisation=organisation, role=Role.ELU)
    client.force_login(referent)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:join_request_approve", kwargs={"public_id": join_request.public_id}))
    assert response.status_code == 302
    assert Membership.objects.get(user=join_request.user, organisation=organisation).role == Role.ELU
    join_request.refresh_from_db()
    assert (join_request.status, join_request.decided_by) == (JoinRequestStatus.APPROVED, referent)
    assert [message.to for message in mail.outbox] == [[join_request.user.email]]
    assert "Votre demande a été acceptée" in mail.outbox[0].body


def test_referent_refuses_a_request_and_the_requester_is_emailed(
    client, org_with_referent, django_capture_on_commit_callbacks
):
    organisation, referent = org_with_referent
    join_request = JoinRequestFactory(organisation=organisation)
    client.force_login(referent)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:join_request_refuse", kwargs={"public_id": join_request.public_id}))
    assert not Membership.objects.filter(user=join_request.user).exists()
    assert JoinRequest.objects.get(pk=join_request.pk).status == JoinRequestStatus.REFUSED
    assert "n’ont pas accepté votre demande" in mail.outbox[0].body


def test_referent_cannot_approve_a_request_of_another_organisation(client, org_with_referent):
    _organisation, referent = org_with_referent
    elsewhere = JoinRequestFactory()
    client.force_login(referent)
    response = client.post(reverse("accounts:join_request_approve", kwargs={"public_id": elsewhere.public_id}))
    assert response.status_code == 404
    assert JoinRequest.objects.get(pk=elsewhere.pk).status == JoinRequestStatus.PENDING


def test_a_request_decided_twice_gets_a_french_message(client, org_with_referent):
    organisation, referent = org_with_referent
    join_request = JoinRequestFactory(organisation=organisation, status=JoinRequestStatus.REFUSED)
    client.force_login(referent)
    response = client.post(
        reverse("accounts:join_request_approve", kwargs={"public_id": join_request.public_id}), follow=True
    )
    assert "Cette demande a déjà été traitée." in response.content.decode()
    assert not Membership.objects.filter(user=join_request.user).exists()


def test_requester_sees_nothing_of_the_organisation_until_approved(client, org_with_referent):
    organisation, _referent = org_with_referent
    join_request = JoinRequestFactory(organisation=organisation)
    client.force_login(join_request.user)
    url = reverse("accounts:member_list", kwargs={"public_id": organisation.public_id})
    assert client.get(url).status_code == 404
    Membership.objects.create(user=join_request.user, organisation=organisation, role=Role.AGENT)
    assert client.get(url).status_code == 403  # a member now, but not a référent


def test_referent_changes_a_role(client, org_with_referent):
    organisation, referent = org_with_referent
    membership = MembershipFactory(organisation=organisation, role=Role.AGENT)
    client.force_login(referent)
    url = reverse(
        "accounts:member_role_update",
        kwargs={"public_id": organisation.public_id, "user_public_id": membership.user.public_id},
    )
    response = client.post(url, {f"m{membership.pk}-role": Role.REFERENT}, follow=True)
    assert "est désormais référent" in response.content.decode()
    assert Membership.objects.get(pk=membership.pk).role == Role.REFERENT


def test_the_last_referent_cannot_be_demoted_or_removed(client, org_with_referent):
    organisation, referent = org_with_referent
    membership = Membership.objects.get(user=referent)
    client.force_login(referent)
    kwargs = {"public_id": organisation.public_id, "user_public_id": referent.public_id}
    response = client.post(
        reverse("accounts:member_role_update", kwargs=kwargs), {f"m{membership.pk}-role": Role.AGENT}, follow=True
    )
    assert "C’est le dernier référent de la collectivité" in response.content.decode()
    response = client.post(reverse("accounts:member_remove", kwargs=kwargs), follow=True)
    assert "Impossible de retirer le dernier référent" in response.content.decode()
    assert Membership.objects.get(pk=membership.pk).role == Role.REFERENT


def test_an_unknown_role_is_refused_with_a_french_message(client, org_with_referent):
    organisation, referent = org_with_referent
    membership = MembershipFactory(organisation=organisation)
    client.force_login(referent)
    url = reverse(
        "accounts:member_role_update",
        kwargs={"public_id": organisation.public_id, "user_public_id": membership.user.public_id},
    )
    response = client.post(url, {f"m{membership.pk}-role": "maire"}, follow=True)
    assert "Choisissez un rôle dans la liste" in response.content.decode()
    assert Membership.objects.get(pk=membership.pk).role == Role.AGENT


def test_referent_removes_a_member(client, org_with_referent):
    organisation, referent = org_with_referent
    membership = MembershipFactory(organisation=organisation)
    client.force_login(referent)
    url = reverse(
        "accounts:member_remove",
        kwargs={"public_id": organisation.public_id, "user_public_id": membership.user.public_id},
    )
    response = client.post(url, follow=True)
    assert "ne fait plus partie" in response.content.decode()
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_member_cannot_remove_anyone(client, org_with_referent):
    organisation, referent = org_with_referent
    member = MembershipFactory(organisation=organisation).user
    client.force_login(member)
    url = reverse(
        "accounts:member_remove", kwargs={"public_id": organisation.public_id, "user_public_id": referent.public_id}
    )
    assert client.post(url).status_code == 403
    assert Membership.objects.filter(user=referent).exists()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(role=st.text(max_size=50), confirmation=st.text(max_size=300))
def test_no_input_makes_the_member_and_deletion_forms_fail(client, org_with_referent, role, confirmation):
    organisation, referent = org_with_referent
    membership = Membership.objects.get(user=referent)
    client.force_login(referent)
    url = reverse(
        "accounts:member_role_update",
        kwargs={"public_id": organisation.public_id, "user_public_id": referent.public_id},
    )
    assert client.post(url, {f"m{membership.pk}-role": role.replace("\x00", "")}).status_code == 302
    response = client.post(reverse("accounts:account_delete"), {"confirmation": confirmation.replace("\x00", "")})
    assert response.status_code in {200, 302}
    assert Membership.objects.get(pk=membership.pk).role == Role.REFERENT
