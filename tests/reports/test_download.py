"""The PDF is served only through the view that applies the project's access rule."""

import hashlib

from django.conf import settings
from django.urls import reverse

from reports.enums import ReportStatus
from tests.reports.factories import ReportFactory

PDF = b"%PDF-1.7\n% rapport de test\n%%EOF\n"


def _url(report) -> str:
    return reverse("reports:report_download", kwargs={"public_id": report.public_id})


def test_member_downloads_the_pdf_as_a_private_attachment(client_as, world, project):
    report = ReportFactory(project=project, ready=True, with_file=PDF)
    response = client_as(world["member"]).get(_url(report))
    assert response.status_code == 200
    assert response.content == PDF
    assert hashlib.sha256(response.content).hexdigest() == hashlib.sha256(PDF).hexdigest()
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="rapport-assistant-de-reponse')
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_outsider_and_staff_of_another_territory_get_404(client_as, world, project):
    report = ReportFactory(project=project, ready=True)
    assert client_as(world["outsider"]).get(_url(report)).status_code == 404
    assert client_as(world["staff_out"]).get(_url(report)).status_code == 404


def test_anonymous_visitor_is_sent_to_the_login_page(client, project):
    report = ReportFactory(project=project, ready=True)
    response = client.get(_url(report))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse(settings.LOGIN_URL))


def test_report_not_ready_is_not_served(client_as, world, project):
    report = ReportFactory(project=project, status=ReportStatus.RUNNING)
    assert client_as(world["member"]).get(_url(report)).status_code == 404


def test_file_lives_in_private_storage_that_no_url_serves(client_as, world, project):
    report = ReportFactory(project=project, ready=True)
    assert report.file.path.startswith(str(settings.PRIVATE_STORAGE_ROOT))
    client = client_as(world["member"])
    for guess in (f"{settings.MEDIA_URL}{report.file.name}", f"{settings.MEDIA_URL}private/{report.file.name}"):
        assert client.get(guess).status_code == 404
