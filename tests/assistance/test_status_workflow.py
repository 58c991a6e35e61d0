"""A request moves along its workflow only from the right status, with what each status needs; all is recorded."""

import pytest
from django.core import mail

from assistance import services
from assistance.enums import TRANSITIONS, EventKind, RequestStatus
from assistance.models import AssistanceRequest, Mobilisation
from tests.assistance.factories import AssistanceRequestFactory, ExpertFactory

DETAILS = {"redirected_to": "Agence technique de la Gironde", "refusal_reason": "Hors champ.", "outcome": "Fait."}
PAIRS = [(source, target) for source in RequestStatus.values for target in RequestStatus.values]


@pytest.fixture
def assistance_request(world):
    return AssistanceRequestFactory(project__organisation=world["org"])


@pytest.mark.parametrize(("source", "target"), PAIRS)
def test_only_the_workflow_transitions_are_allowed(world, source, target):
    found = AssistanceRequestFactory(project__organisation=world["org"], status=source, **DETAILS)
    if source in (RequestStatus.ACCEPTED, RequestStatus.EXPERTS_MOBILISED):
        Mobilisation.objects.create(request=found, expert=ExpertFactory(), reason="Spécialiste des données.")
    if target in TRANSITIONS[source]:
        services.change_status(request=found, user=world["staff_in"], to_status=target, **DETAILS)
        found.refresh_from_db()
        assert found.status == target
        assert found.events.get().to_status == target
    else:
        with pytest.raises(services.TransitionError, match="rien n’a été modifié"):
            services.change_status(request=found, user=world["staff_in"], to_status=target, **DETAILS)
        found.refresh_from_db()
        assert found.status == source
        assert not found.events.exists()


@pytest.mark.parametrize(
    ("source", "target", "missing"),
    [
        (RequestStatus.REVIEWING, RequestStatus.REDIRECTED, "L’acteur vers qui la demande est réorientée"),
        (RequestStatus.REVIEWING, RequestStatus.REFUSED, "Le motif du refus"),
        (RequestStatus.ACCEPTED, RequestStatus.CLOSED, "Le résultat"),
    ],
)
def test_each_final_status_needs_its_detail(world, source, target, missing):
    found = AssistanceRequestFactory(project__organisation=world["org"], status=source)
    with pytest.raises(services.AssistanceError, match=missing):
        services.change_status(request=found, user=world["staff_in"], to_status=target)
    found.refresh_from_db()
    assert found.status == source


def test_experts_mobilised_comes_with_a_mobilisation(world):
    found = AssistanceRequestFactory(project__organisation=world["org"], accepted=True)
    with pytest.raises(services.TransitionError, match="Mobilisez d’abord un expert"):
        services.change_status(request=found, user=world["staff_in"], to_status=RequestStatus.EXPERTS_MOBILISED)


@pytest.mark.parametrize("role", ["staff_out", "member", "referent", "outsider"])
def test_only_covering_staff_change_the_status(world, assistance_request, role):
    with pytest.raises(services.NotAllowedError):
        services.change_status(request=assistance_request, user=world[role], to_status=RequestStatus.REVIEWING)
    assistance_request.refresh_from_db()
    assert assistance_request.status == RequestStatus.SUBMITTED


def test_a_change_is_recorded_and_emailed_to_members_and_covering_staff(
    world, assistance_request, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.change_status(
            request=assistance_request, user=world["staff_in"], to_status=RequestStatus.REVIEWING, note="On regarde."
        )
    assistance_request.refresh_from_db()
    assert assistance_request.first_answered_at is not None
    event = assistance_request.events.get()
    assert (event.kind, event.from_status, event.to_status) == (
        EventKind.STATUS,
        RequestStatus.SUBMITTED,
        RequestStatus.REVIEWING,
    )
    assert event.actor == world["staff_in"]
    recipients = {message.to[0]: message for message in mail.outbox}
    assert set(recipients) == {world["member"].email, world["referent"].email}  # the actor is not told about it
    assert "en instruction" in recipients[world["member"].email].subject
    assert "On regarde." in recipients[world["member"].email].body
    assert world["staff_in"].email not in recipients[world["member"].email].body


def test_refusal_reason_reaches_the_members(world, django_capture_on_commit_callbacks):
    found = AssistanceRequestFactory(project__organisation=world["org"], reviewing=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.change_status(
            request=found, user=world["staff_in"], to_status=RequestStatus.REFUSED, refusal_reason="Déjà financé."
        )
    found.refresh_from_db()
    assert found.closed_at is not None
    assert any("Motif\u00a0: Déjà financé." in message.body for message in mail.outbox)


def test_database_refuses_a_refusal_without_reason(world):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        AssistanceRequest.objects.filter(pk=AssistanceRequestFactory(project__organisation=world["org"]).pk).update(
            status=RequestStatus.REFUSED
        )
