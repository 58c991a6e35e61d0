"""Deadlines with escalation, and reminders to a collectivité ANCT waits on (the hourly job)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from accounts.enums import ScopeLevel
from accounts.models import StaffScope
from assistance import services, tasks
from assistance.enums import EventKind, RequestStatus
from assistance.models import AssistanceRequest
from tests.accounts.factories import StaffUserFactory
from tests.assistance.factories import AssistanceRequestFactory


def _staff(level: str, **scope) -> object:
    user = StaffUserFactory()
    StaffScope.objects.filter(user=user).update(level=level, **scope)
    return user


def _age(found, days: int) -> None:
    AssistanceRequest.objects.filter(pk=found.pk).update(created_at=timezone.now() - timedelta(days=days))


def test_a_request_without_answer_past_the_deadline_goes_to_the_regional_and_national_levels(
    world, settings, django_capture_on_commit_callbacks
):
    settings.ASSISTANCE_ESCALATION_DAYS = 20
    regional = _staff(ScopeLevel.REGIONAL, region_id=world["org"].region_id)
    national = _staff(ScopeLevel.NATIONAL)
    late = AssistanceRequestFactory(project__organisation=world["org"])
    recent = AssistanceRequestFactory(project__organisation=world["org"])
    answered = AssistanceRequestFactory(project__organisation=world["org"], reviewing=True)
    _age(late, 21)
    _age(recent, 19)
    _age(answered, 30)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.escalate_overdue() == 1
    late.refresh_from_db()
    assert late.escalated_at is not None
    assert late.events.get().kind == EventKind.ESCALATED
    assert {message.to[0] for message in mail.outbox} == {regional.email, national.email}
    assert "sans réponse depuis 20 jours" in mail.outbox[0].subject
    assert services.escalate_overdue() == 0  # once


def test_reminders_follow_the_cadence_and_stop_at_the_maximum(world, settings, django_capture_on_commit_callbacks):
    settings.ASSISTANCE_REMINDER_DAYS = 7
    settings.ASSISTANCE_REMINDER_MAX = 2
    found = AssistanceRequestFactory(project__organisation=world["org"], reviewing=True)
    services.wait_for_collectivite(request=found, user=world["staff_in"], waiting_for="Le plan de financement")
    start = timezone.now()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_due_reminders(now=start + timedelta(days=6)) == 0
        assert services.send_due_reminders(now=start + timedelta(days=7, minutes=1)) == 1
        assert services.send_due_reminders(now=start + timedelta(days=10)) == 0
        assert services.send_due_reminders(now=start + timedelta(days=14, minutes=2)) == 1
        assert services.send_due_reminders(now=start + timedelta(days=60)) == 0  # maximum reached
    found.refresh_from_db()
    assert found.reminders_sent == 2
    assert len(mail.outbox) == 2 * 2  # two members, twice
    assert all(message.subject.startswith("[Territoires IA] Relance") for message in mail.outbox)
    assert "Le plan de financement" in mail.outbox[0].body


def test_an_answer_or_a_closure_stops_the_reminders(world, settings):
    settings.ASSISTANCE_REMINDER_DAYS = 7
    answered = AssistanceRequestFactory(project__organisation=world["org"], reviewing=True)
    closed = AssistanceRequestFactory(project__organisation=world["org"], accepted=True)
    for found in (answered, closed):
        services.wait_for_collectivite(request=found, user=world["staff_in"], waiting_for="Un document")
    services.post_message(request=answered, author=world["referent"], body="Le voici.")
    services.change_status(request=closed, user=world["staff_in"], to_status=RequestStatus.CLOSED, outcome="Fait.")
    assert services.send_due_reminders(now=timezone.now() + timedelta(days=30)) == 0


def test_waiting_on_a_closed_request_is_refused(world):
    found = AssistanceRequestFactory(project__organisation=world["org"], closed=True)
    with pytest.raises(services.TransitionError):
        services.wait_for_collectivite(request=found, user=world["staff_in"], waiting_for="x")


def test_the_hourly_job_runs_both(world, settings):
    settings.ASSISTANCE_ESCALATION_DAYS = 1
    late = AssistanceRequestFactory(project__organisation=world["org"])
    _age(late, 2)
    assert tasks.follow_up_requests() == {"escalated": 1, "reminded": 0}
