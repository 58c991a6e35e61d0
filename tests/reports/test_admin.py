"""The back-office lists reports and their emails, read-only, scoped to the collectivités the staff member covers.

Every URL of these admins, for every staff role, is crawled by tests/test_admin_crawl.py (tests/admin_rules.py);
here, what an administrator reads on them.
"""

from django.urls import reverse

from reports.enums import DeliveryStatus
from reports.models import ReportDelivery
from tests.reports.factories import ReportFactory


def test_the_list_shows_status_collectivite_and_error_of_covered_reports_only(client_as, world):
    mine = ReportFactory(project__organisation=world["org"], project__title="Projet couvert", failed=True)
    ReportFactory(project__organisation=world["other_org"], project__title="Projet ailleurs", failed=True)

    response = client_as(world["staff_in"]).get(reverse("admin:reports_report_changelist"))

    assert response.status_code == 200
    body = response.content.decode()
    assert "Projet couvert" in body
    assert world["org"].name in body
    assert "échec" in body
    assert mine.error in body
    assert "Projet ailleurs" not in body


def test_failed_deliveries_can_be_filtered(client_as, world):
    report = ReportFactory(project__organisation=world["org"], ready=True)
    ReportDelivery.objects.create(report=report, email="refuse@mairie.example.fr", status=DeliveryStatus.FAILED)
    ReportDelivery.objects.create(report=report, email="recu@mairie.example.fr", status=DeliveryStatus.SENT)

    url = reverse("admin:reports_reportdelivery_changelist") + "?status__exact=failed"
    body = client_as(world["staff_in"]).get(url).content.decode()

    assert "refuse@mairie.example.fr" in body
    assert "recu@mairie.example.fr" not in body


def test_a_report_page_is_read_only_with_its_emails_and_the_download_through_the_site(client_as, world):
    report = ReportFactory(project__organisation=world["org"], ready=True)
    ReportDelivery.objects.create(report=report, email="elu@mairie.example.fr", status=DeliveryStatus.SENT)
    client = client_as(world["staff_in"])

    response = client.get(reverse("admin:reports_report_change", args=[report.pk]))

    assert response.status_code == 200
    body = response.content.decode()
    assert "elu@mairie.example.fr" in body
    assert reverse("reports:report_download", args=[report.public_id]) in body
    assert 'name="_save"' not in body
    assert client.post(reverse("admin:reports_report_change", args=[report.pk]), {}).status_code == 403
    assert client.get(reverse("admin:reports_report_add")).status_code == 403
    assert client.get(reverse("admin:reports_report_delete", args=[report.pk])).status_code == 403
