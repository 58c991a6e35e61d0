"""End to end on a real Celery worker through Redis: the report is rendered, stored, read back, and emailed through a
real SMTP server with the very file that was stored."""

import hashlib
import io
import time

import pytest
from celery.result import EagerResult
from django.urls import reverse
from pypdf import PdfReader

from journeys.models import DiagnosticResponse
from journeys.selectors import diagnostic_with_questions
from reports import tasks
from reports.enums import DeliveryStatus, ReportStatus
from reports.models import Report, ReportDelivery
from tests.reports.conftest import pdf_text


def wait_for(condition, timeout: float = 60, message: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(message or "condition jamais remplie")
        time.sleep(0.2)


@pytest.mark.django_db(transaction=True)
def test_worker_renders_stores_and_emails_the_report(celery_worker, smtp_server, client_as, world, project):
    published = []
    original = tasks.render_report.apply_async

    def spy(*args, **kwargs):
        result = original(*args, **kwargs)
        published.append(result)
        return result

    tasks.render_report.apply_async = spy
    try:
        started = time.monotonic()
        response = client_as(world["member"]).post(
            reverse("reports:report_generate", kwargs={"public_id": project.public_id})
        )
        answered_in = time.monotonic() - started
    finally:
        del tasks.render_report.apply_async
    assert response.status_code == 302
    assert published
    assert not isinstance(published[0], EagerResult)  # really sent through Redis
    assert answered_in < 2
    report = Report.objects.get(project=project)

    def done() -> bool:
        report.refresh_from_db()
        return report.status in (ReportStatus.READY, ReportStatus.FAILED)

    wait_for(done, message="le worker n’a pas produit le rapport")
    assert report.status == ReportStatus.READY, report.error
    recipients = {world["member"].email, world["referent"].email} | set(
        ReportDelivery.objects.filter(report=report).values_list("email", flat=True)
    )
    wait_for(lambda: len(smtp_server) >= len(recipients), message="courriels non reçus")
    time.sleep(0.5)  # nothing more arrives
    assert sorted(message["X-Envelope-To"] for message in smtp_server) == sorted(recipients)

    with report.file.open("rb") as handle:
        stored = handle.read()
    assert hashlib.sha256(stored).hexdigest() == report.checksum
    text = pdf_text(stored)
    assert project.title in text
    response_ = DiagnosticResponse.objects.get(project=project)
    for dimension in diagnostic_with_questions(response_.diagnostic).dimensions.all():
        assert f"{dimension.name} {response_.scores[dimension.key]}/100" in text
    assert "Démarches simplifiées" in text
    assert len(PdfReader(io.BytesIO(stored)).pages) >= 5

    for message in smtp_server:
        assert str(message["Subject"]).strip().startswith("[Territoires IA] Rapport de diagnostic du projet")
        (attachment,) = list(message.iter_attachments())
        assert attachment.get_content_type() == "application/pdf"
        assert attachment.get_content() == stored
    assert set(ReportDelivery.objects.filter(report=report).values_list("status", flat=True)) == {DeliveryStatus.SENT}
