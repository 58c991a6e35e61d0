"""Redis down when a member asks: the page answers fast with a clear message, the request is kept, and the report
is produced once Redis is back and the beat job has run."""

import time

import pytest
from django.urls import reverse

from reports import tasks
from reports.enums import ReportStatus
from reports.models import Report
from reports.views import BROKER_DOWN
from tests.reports.test_worker_end_to_end import wait_for
from tests.reports.workers import RedisServer, WorkerProcess


@pytest.fixture
def own_redis():
    server = RedisServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.mark.django_db(transaction=True)
def test_request_with_redis_down_is_kept_and_produced_when_it_is_back(
    broker, own_redis, smtp_server, client_as, world, project
):
    broker.use(own_redis.url)
    own_redis.stop()
    client = client_as(world["member"])
    started = time.monotonic()
    response = client.post(reverse("reports:report_generate", kwargs={"public_id": project.public_id}))
    elapsed = time.monotonic() - started
    assert response.status_code == 302
    assert elapsed < 2, f"la page a mis {elapsed:.1f} s à répondre"
    page = client.get(response["Location"]).content.decode()
    assert "le service qui produit les rapports est momentanément indisponible" in BROKER_DOWN
    assert "le service qui produit les rapports est momentanément indisponible" in page
    assert "sans autre action de votre part" in page
    assert "En attente" in page
    report = Report.objects.get(project=project)
    assert report.status == ReportStatus.PENDING
    assert report.dispatched_at is None

    own_redis.start()
    broker.use(own_redis.url)
    worker = WorkerProcess(
        broker_url=own_redis.url, queue=broker.name, extra_env={"REPORTS_DISPATCH_AFTER_SECONDS": "0"}
    ).wait_ready()
    try:
        tasks.dispatch_pending_reports.delay()  # what beat sends every minute

        def produced() -> bool:
            report.refresh_from_db()
            return report.status in (ReportStatus.READY, ReportStatus.FAILED)

        wait_for(produced, timeout=90, message=f"le rapport n’a pas été produit :\n{worker.output()[-3000:]}")
        assert report.status == ReportStatus.READY, report.error
        assert report.dispatched_at is not None
        wait_for(lambda: len(smtp_server) >= report.deliveries.count() > 0, timeout=30, message="courriels non reçus")
    finally:
        worker.stop()
    assert Report.objects.filter(project=project).count() == 1


def test_publishing_to_an_unreachable_broker_fails_fast(broker):
    from tests.reports.workers import free_port

    broker.use(f"redis://127.0.0.1:{free_port()}/0")  # nothing listens there
    started = time.monotonic()
    assert tasks.enqueue_render(123456) is False
    assert time.monotonic() - started < 1.5
