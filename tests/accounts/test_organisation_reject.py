"""The ANCT back-office refuses a pending collectivité, with a reason emailed to its members."""

import pytest
from django.contrib.admin.models import LogEntry
from django.core import mail
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts import services
from accounts.enums import JoinRequestStatus, OrganisationStatus, Role
from accounts.models import JoinRequest, Membership, Organisation
from tests.accounts.factories import (
    JoinRequestFactory,
    MembershipFactory,
    OrganisationFactory,
    StaffUserFactory,
    login_with_second_factor,
)

CHANGELIST = "admin:accounts_organisation_changelist"
REASON = "Vous avez choisi la commune homonyme d’un autre département : inscrivez la vôtre."


@pytest.fixture
def pending(db):
    """A pending organisation with a référent, an agent and a pending join request; a chargé de mission covering it."""
    organisation = OrganisationFactory(pending=True, name="Commune dedans")
    referent = MembershipFactory(organisation=organisation, role=Role.REFERENT).user
    agent = MembershipFactory(organisation=organisation, role=Role.AGENT).user
    join_request = JoinRequestFactory(organisation=organisation)
    staff = StaffUserFactory(scope_departements=[organisation.departement], first_name="Claire", last_name="Martin")
    return {"org": organisation, "referent": referent, "agent": agent, "join_request": join_request, "staff": staff}


def _reject(client, pks, *, follow=False, **extra):
    data = {"action": "reject_organisations", "_selected_action": pks, **extra}
    return client.post(reverse(CHANGELIST), data, follow=follow)


def test_staff_is_asked_for_a_reason_before_refusing(client, pending):
    login_with_second_factor(client, pending["staff"])
    response = _reject(client, [pending["org"].pk])
    assert response.status_code == 200
    html = response.content.decode()
    assert "Motif du refus" in html
    assert "Commune dedans" in html
    assert Organisation.objects.get(pk=pending["org"].pk).status == OrganisationStatus.PENDING
    assert mail.outbox == []


def test_staff_refuses_a_pending_organisation_and_its_members_are_emailed_the_reason(
    client, pending, django_capture_on_commit_callbacks
):
    organisation, staff = pending["org"], pending["staff"]
    login_with_second_factor(client, staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = _reject(client, [organisation.pk], apply="1", reason=f"  {REASON}  ")
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.status == OrganisationStatus.REJECTED
    assert (organisation.rejected_by, organisation.rejection_reason) == (staff, REASON)
    assert organisation.rejected_at is not None
    # Memberships go: the people lose access and may pick another collectivité; the row stays as a record.
    assert not Membership.objects.filter(organisation=organisation).exists()
    join_request = JoinRequest.objects.get(pk=pending["join_request"].pk)
    assert (join_request.status, join_request.decided_by) == (JoinRequestStatus.REFUSED, staff)
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {pending["referent"].email, pending["agent"].email, join_request.user.email}
    rejected_email = by_recipient[pending["referent"].email]
    assert "L’ANCT n’a pas confirmé l’inscription de Commune dedans" in rejected_email.subject
    assert REASON in rejected_email.body
    assert "Claire Martin" in rejected_email.body
    assert rejected_email.reply_to == [staff.email]
    assert "votre demande pour rejoindre son espace est donc close" in by_recipient[join_request.user.email].body
    assert LogEntry.objects.filter(object_id=str(organisation.pk), change_message__contains=REASON).exists()


def test_staff_without_a_reason_gets_a_french_error_and_nothing_changes(client, pending):
    login_with_second_factor(client, pending["staff"])
    response = _reject(client, [pending["org"].pk], apply="1", reason="   ")
    assert response.status_code == 200
    assert "Indiquez le motif du refus" in response.content.decode()
    assert Organisation.objects.get(pk=pending["org"].pk).status == OrganisationStatus.PENDING
    assert Membership.objects.filter(organisation=pending["org"]).count() == 2
    assert mail.outbox == []


def test_staff_cannot_refuse_an_organisation_outside_their_scope(client, pending, django_capture_on_commit_callbacks):
    outside = OrganisationFactory(pending=True, name="Commune dehors")
    MembershipFactory(organisation=outside, role=Role.REFERENT)
    login_with_second_factor(client, pending["staff"])
    with django_capture_on_commit_callbacks(execute=True):
        response = _reject(client, [outside.pk], apply="1", reason=REASON)
    assert response.status_code == 302  # the scoped queryset drops the row: nothing is selected
    outside.refresh_from_db()
    assert (outside.status, outside.rejected_by, outside.rejection_reason) == (OrganisationStatus.PENDING, None, "")
    assert Membership.objects.filter(organisation=outside).exists()
    assert mail.outbox == []


def test_staff_refusing_a_confirmed_organisation_is_warned_and_nothing_changes(client, pending):
    confirmed = OrganisationFactory(departement=pending["org"].departement, region=pending["org"].region)
    login_with_second_factor(client, pending["staff"])
    response = _reject(client, [confirmed.pk], apply="1", reason=REASON, follow=True)
    assert "Aucune des collectivités sélectionnées n’est en attente de confirmation" in response.content.decode()
    assert Organisation.objects.get(pk=confirmed.pk).status == OrganisationStatus.CONFIRMED


def test_staff_cannot_change_the_status_on_the_change_form(client, pending):
    login_with_second_factor(client, pending["staff"])
    html = client.get(reverse("admin:accounts_organisation_change", args=[pending["org"].pk])).content.decode()
    assert 'name="status"' not in html
    assert "Motif du refus" in html


def test_staff_confirms_a_refused_organisation_after_all(client, pending, django_capture_on_commit_callbacks):
    organisation = pending["org"]
    services.reject_organisation(organisation=organisation, rejected_by=pending["staff"], reason=REASON)
    login_with_second_factor(client, pending["staff"])
    response = client.post(
        reverse(CHANGELIST), {"action": "confirm_organisations", "_selected_action": [organisation.pk]}
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.status == OrganisationStatus.CONFIRMED
    assert organisation.rejection_reason == REASON  # kept as history


def test_service_refuses_only_a_pending_organisation_once(pending):
    services.reject_organisation(organisation=pending["org"], rejected_by=pending["staff"], reason=REASON)
    with pytest.raises(services.OrganisationDecisionError, match="n’est pas en attente de confirmation"):
        services.reject_organisation(organisation=pending["org"], rejected_by=pending["staff"], reason=REASON)
    with pytest.raises(services.OrganisationDecisionError, match="Indiquez le motif"):
        services.reject_organisation(organisation=OrganisationFactory(pending=True), rejected_by=None, reason=" ")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(reason=st.text(max_size=2500))
def test_no_reason_makes_the_refusal_fail(client, pending, reason):
    login_with_second_factor(client, pending["staff"])
    response = _reject(client, [pending["org"].pk], apply="1", reason=reason.replace("\x00", ""))
    assert response.status_code in {200, 302}
