"""A worker killed (SIGKILL) while it renders loses nothing: the next worker produces the report, one email each."""

import time
from collections import Counter

import pytest
from django.urls import reverse

from reports.enums import DeliveryStatus, ReportStatus
from reports.models import Report, ReportDelivery
from tests.reports.test_worker_end_to_end import wait_for
from tests.reports.workers import WorkerProcess

# Short enough for the test: the unacknowledged task goes back to the queue this long after the worker died.
VISIBILITY_TIMEOUT = 2


@pytest.mark.django_db(transaction=True)
def test_report_survives_a_worker_killed_while_rendering(broker, redis_url, smtp_server, client_as, world, project):
    settings_env = {"CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT)}
    slow = WorkerProcess(
        broker_url=redis_url, queue=broker.name, extra_env={**settings_env, "REPORTS_RENDER_DELAY": "30"}
    ).wait_ready()
    try:
        response = client_as(world["member"]).post(
            reverse("reports:report_generate", kwargs={"public_id": project.public_id})
        )
        assert response.status_code == 302
        report = Report.objects.get(project=project)

        def rendering() -> bool:
            report.refresh_from_db()
            return report.status == ReportStatus.RUNNING

        wait_for(rendering, timeout=60, message=f"le worker n’a pas commencé le rendu :\n{slow.output()[-2000:]}")
        time.sleep(1)  # well inside the 30 s render
        slow.kill()
    finally:
        slow.stop()
    report.refresh_from_db()
    assert report.status == ReportStatus.RUNNING  # left half-done, nothing stored, nothing sent
    assert not report.file
    assert smtp_server == []
    assert not ReportDelivery.objects.exists()

    time.sleep(VISIBILITY_TIMEOUT + 0.5)  # the broker gives the unacknowledged task to the next worker
    fresh = WorkerProcess(broker_url=redis_url, queue=broker.name, extra_env=settings_env).wait_ready()
    try:

        def produced() -> bool:
            report.refresh_from_db()
            return report.status in (ReportStatus.READY, ReportStatus.FAILED)

        wait_for(produced, timeout=90, message=f"le rapport n’a pas été repris :\n{fresh.output()[-3000:]}")
        assert report.status == ReportStatus.READY, report.error
        assert report.attempts == 2
        expected = set(ReportDelivery.objects.filter(report=report).values_list("email", flat=True))
        assert {world["member"].email, world["referent"].email} <= expected
        wait_for(lambda: len(smtp_server) >= len(expected), timeout=30, message="courriels non reçus")
        time.sleep(3)  # a duplicate would arrive by now
    finally:
        fresh.stop()
    received = Counter(message["X-Envelope-To"] for message in smtp_server)
    assert received == Counter(dict.fromkeys(expected, 1))
    assert set(ReportDelivery.objects.values_list("status", flat=True)) == {DeliveryStatus.SENT}
