"""Nothing lost, nothing doubled: the render is idempotent, transient errors retried, the last failure recorded."""

import logging
from datetime import timedelta

import pytest
from celery.canvas import Signature
from celery.exceptions import Retry
from django.conf import settings
from django.core import mail
from django.utils import timezone

from reports import generation, rendering, tasks
from reports.enums import DeliveryStatus, ReportStatus
from reports.models import Report, ReportDelivery
from tests.journeys.factories import ProjectFactory
from tests.reports.factories import ReportFactory


def test_a_ready_report_is_never_rendered_again(project, monkeypatch):
    report = ReportFactory(project=project, ready=True)
    checksum, name = report.checksum, report.file.name
    monkeypatch.setattr(rendering, "render_pdf", lambda *a, **k: pytest.fail("rendered twice"))
    assert generation.render_report(report_id=report.pk) is None
    report.refresh_from_db()
    assert (report.status, report.file.name, report.checksum) == (ReportStatus.READY, name, checksum)


def test_a_report_left_en_cours_by_a_dead_worker_is_rendered_by_the_next_try(project):
    report = ReportFactory(project=project, status=ReportStatus.RUNNING, attempts=1)
    assert generation.render_report(report_id=report.pk) is not None
    report.refresh_from_db()
    assert report.status == ReportStatus.READY
    assert report.attempts == 2


def test_a_report_that_kills_its_workers_is_failed_after_max_attempts(project, caplog):
    report = ReportFactory(project=project, status=ReportStatus.RUNNING, attempts=generation.MAX_ATTEMPTS)
    with caplog.at_level(logging.ERROR, logger="reports.generation"):
        assert generation.render_report(report_id=report.pk) is None
    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED
    assert "plusieurs essais" in report.error
    assert str(report.public_id) in caplog.text


def test_transient_error_is_retried_with_backoff_then_failed(project, monkeypatch):
    report = ReportFactory(project=project)

    def flaky(html, **kwargs):
        raise ConnectionResetError("stockage injoignable")

    monkeypatch.setattr(rendering, "render_pdf", flaky)
    scheduled = []
    monkeypatch.setattr(Signature, "apply_async", lambda self, *args, **kwargs: scheduled.append(self))
    # A worker's first try: the task asks Celery to try again later, the report waits en attente.
    with pytest.raises(Retry) as retry:
        _run_as_worker(report.pk, retries=0)
    assert retry.value.when == tasks.BACKOFF_SECONDS
    assert scheduled[0].args == (report.pk,)
    report.refresh_from_db()
    assert report.status == ReportStatus.PENDING
    assert "stockage injoignable" in report.error
    # The last try gives up: échec, with the reason.
    _run_as_worker(report.pk, retries=tasks.MAX_RETRIES)
    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED
    assert "stockage injoignable" in report.error


def _run_as_worker(report_id: int, *, retries: int) -> None:
    """Run the task body as a worker would on its `retries`-th retry (not eager, so retries are real)."""
    task = tasks.render_report
    task.push_request(
        args=[report_id], kwargs={}, retries=retries, is_eager=False, called_directly=False, id="t", delivery_info={}
    )
    try:
        task.run(report_id)
    finally:
        task.pop_request()


def test_task_is_acknowledged_late_and_rejected_when_its_worker_is_lost():
    task = tasks.render_report
    assert task.acks_late is True
    assert task.reject_on_worker_lost is True
    assert task.max_retries == tasks.MAX_RETRIES


def test_beat_dispatches_reports_left_en_attente_and_stuck_en_cours(project, monkeypatch):
    old = timezone.now() - timedelta(hours=1)
    waiting = ReportFactory(project=project)
    stuck = ReportFactory(project=ProjectFactory(organisation=project.organisation), status=ReportStatus.RUNNING)
    fresh = ReportFactory(project=ProjectFactory(organisation=project.organisation))
    ReportFactory(project=ProjectFactory(organisation=project.organisation), failed=True)
    Report.objects.filter(pk__in=[waiting.pk, stuck.pk]).update(updated_at=old)
    sent = []
    monkeypatch.setattr(tasks, "enqueue_render", lambda report_id: sent.append(report_id) or True)
    assert tasks.dispatch_pending_reports() == 2
    assert sorted(sent) == sorted([waiting.pk, stuck.pk])
    assert fresh.pk not in sent
    # Handed over: not again at the next beat.
    sent.clear()
    assert tasks.dispatch_pending_reports() == 0


def test_beat_job_is_scheduled():
    schedule = settings.CELERY_BEAT_SCHEDULE["reports-dispatch-pending"]
    assert schedule["task"] == "reports.tasks.dispatch_pending_reports"
    assert schedule["schedule"] <= 60


def test_beat_sends_again_the_emails_whose_task_was_lost(project):
    report = ReportFactory(project=project, ready=True)
    lost = ReportDelivery.objects.create(report=report, email="elu@mairie.example.fr")
    ReportDelivery.objects.create(report=report, email="agent@mairie.example.fr")
    sent = ReportDelivery.objects.create(report=report, email="dga@mairie.example.fr", status=DeliveryStatus.SENT)
    ReportDelivery.objects.filter(pk__in=[lost.pk, sent.pk]).update(created_at=timezone.now() - timedelta(hours=1))
    tasks.dispatch_pending_reports()
    # Every delivery of that report not sent yet is queued again; each is claimed, so each goes once.
    assert sorted(message.to[0] for message in mail.outbox) == ["agent@mairie.example.fr", "elu@mairie.example.fr"]
    assert set(ReportDelivery.objects.exclude(pk=sent.pk).values_list("status", flat=True)) == {DeliveryStatus.SENT}
    tasks.dispatch_pending_reports()
    assert len(mail.outbox) == 2
