"""SMTP down when a report's emails go out: each delivery is kept « nouvel essai prévu » with the error and a retry
is scheduled; when the server is back, the retry sends each email exactly once. Runs the task as a worker would
(not inline), against a real SMTP port where nothing listens, then a real SMTP server."""

import pytest
from celery.canvas import Signature
from celery.exceptions import Retry

from accounts.tasks import deliver_email
from reports import emails, generation
from reports.enums import DeliveryStatus, ReportStatus
from reports.models import ReportDelivery
from tests.reports.factories import ReportFactory
from tests.reports.workers import free_port


def _run_as_worker(message: dict, retries: int = 0) -> None:
    deliver_email.push_request(retries=retries, is_eager=False, called_directly=False, id="t", args=[], kwargs=message)
    try:
        deliver_email.run(**message)
    finally:
        deliver_email.pop_request()


@pytest.fixture
def queued(monkeypatch, django_capture_on_commit_callbacks):
    """Produce a ready report; the emails it queues are kept here instead of going to a broker."""
    messages: list[dict] = []
    monkeypatch.setattr(deliver_email, "delay", lambda **kwargs: messages.append(kwargs))
    retries: list[dict] = []
    monkeypatch.setattr(Signature, "apply_async", lambda self, *args, **kwargs: retries.append(dict(self.kwargs)))

    def _produce(project):
        report = ReportFactory(project=project)
        with django_capture_on_commit_callbacks(execute=True):
            generation.render_report(report_id=report.pk)
        report.refresh_from_db()
        assert report.status == ReportStatus.READY
        return report, messages, retries

    return _produce


def test_smtp_down_keeps_every_delivery_and_the_retry_sends_each_once(project, queued, settings, smtp_server):
    report, messages, retries = queued(project)
    assert messages, "aucun courriel mis en file"
    addresses = sorted(m["to"] for m in messages)

    live_port = settings.EMAIL_PORT
    settings.EMAIL_PORT = free_port()  # the SMTP server is down: nothing listens there
    for message in messages:
        with pytest.raises(Retry):
            _run_as_worker(message)
    deliveries = ReportDelivery.objects.filter(report=report)
    assert sorted(deliveries.values_list("email", flat=True)) == addresses
    for delivery in deliveries:
        assert delivery.status == DeliveryStatus.RETRYING
        assert delivery.error  # the SMTP error, for whoever looks at the deliveries
        assert delivery.attempts == 1
    assert smtp_server == []
    assert len(retries) == len(messages)  # each one scheduled again (countdown: the task's backoff)

    settings.EMAIL_PORT = live_port  # back
    for retry in retries:
        _run_as_worker(retry, retries=1)
    assert sorted(m["X-Envelope-To"] for m in smtp_server) == addresses
    assert set(deliveries.values_list("status", flat=True)) == {DeliveryStatus.SENT}

    # The broker redelivers a task, or someone queues the report's emails again: nothing is sent twice.
    for retry in retries:
        _run_as_worker(retry, retries=1)
    assert emails.send_pending_deliveries(report_id=report.pk, include_retrying=True) == 0
    assert len(smtp_server) == len(addresses)
