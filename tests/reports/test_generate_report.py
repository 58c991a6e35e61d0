"""« Générer le rapport »: one report in flight per project, rendered inline without a broker, « Réessayer »."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from reports import rendering, services
from reports.enums import ReportStatus
from reports.models import Report
from tests.reports.factories import ReportFactory


def _generate_url(project) -> str:
    return reverse("reports:report_generate", kwargs={"public_id": project.public_id})


@pytest.mark.django_db(transaction=True)
def test_member_generates_the_report_inline_without_broker(client_as, world, project):
    response = client_as(world["member"]).post(_generate_url(project), follow=True)
    report = Report.objects.get(project=project)
    assert report.status == ReportStatus.READY
    assert report.requested_by == world["member"]
    assert report.file.name.startswith("rapports/")
    assert len(report.checksum) == 64
    assert report.size == report.file.size
    assert report.journey_version == project.template.version
    assert report.diagnostic_version is not None
    assert "Le rapport est prêt" in response.content.decode()
    assert reverse("reports:report_download", kwargs={"public_id": report.public_id}) in response.content.decode()


def test_double_click_makes_one_report(client_as, world, project):
    client = client_as(world["member"])
    first = client.post(_generate_url(project), follow=True)
    second = client.post(_generate_url(project), follow=True)
    assert Report.objects.filter(project=project).count() == 1
    assert Report.objects.get(project=project).status == ReportStatus.PENDING
    assert "Le rapport est en préparation" in first.content.decode()
    assert "Un rapport est déjà en préparation pour ce projet" in second.content.decode()


def test_database_refuses_two_reports_in_flight_for_a_project(project):
    ReportFactory(project=project, status=ReportStatus.RUNNING)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportFactory(project=project, status=ReportStatus.PENDING)
    ReportFactory(project=project, ready=True)  # finished reports are not limited
    assert Report.objects.filter(project=project).count() == 2


def test_concurrent_request_that_loses_the_race_gets_the_report_in_flight(project, world, monkeypatch):
    winner = ReportFactory(project=project, status=ReportStatus.PENDING)
    # The other request read « nothing in flight » just before the winner committed.
    real_filter = Report.objects.in_flight

    calls = []

    def stale_then_fresh():
        calls.append(1)
        return real_filter().none() if len(calls) == 1 else real_filter()

    monkeypatch.setattr(Report.objects, "in_flight", stale_then_fresh)
    outcome = services.request_report(project=project, requested_by=world["member"])
    assert outcome.created is False
    assert outcome.report == winner
    assert Report.objects.filter(project=project).count() == 1


def test_staff_reads_but_does_not_generate(client_as, world, project):
    response = client_as(world["staff_in"]).post(_generate_url(project))
    assert response.status_code == 403
    assert not Report.objects.exists()


def test_failed_report_offers_to_retry_and_retrying_makes_a_new_one(client_as, world, project):
    failed = ReportFactory(project=project, failed=True)
    client = client_as(world["member"])
    page = client.get(project.get_absolute_url()).content.decode()
    assert "Échec" in page
    assert "Réessayer" in page
    client.post(_generate_url(project))
    assert Report.objects.filter(project=project).count() == 2
    assert Report.objects.exclude(pk=failed.pk).get().status == ReportStatus.PENDING


@pytest.mark.django_db(transaction=True)
def test_render_error_marks_the_report_failed_and_the_page_says_so(client_as, world, project, monkeypatch, caplog):
    def broken(html, **kwargs):
        raise ValueError("mise en page impossible")

    monkeypatch.setattr(rendering, "render_pdf", broken)
    response = client_as(world["member"]).post(_generate_url(project), follow=True)
    report = Report.objects.get(project=project)
    assert report.status == ReportStatus.FAILED
    assert "mise en page impossible" in report.error
    assert "Le rapport n’a pas pu être produit" in response.content.decode()
    assert "Réessayer" in response.content.decode()
    assert "en échec" in caplog.text
