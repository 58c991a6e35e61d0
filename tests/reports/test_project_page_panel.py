"""The project page shows the report panel (registered by reports, never imported by journeys) and its status."""

from pathlib import Path

from django.urls import reverse

from reports.enums import ReportStatus
from tests.reports.factories import ReportFactory

ROOT = Path(__file__).resolve().parents[2]


def test_member_sees_the_generate_button(client_as, world, project):
    page = client_as(world["member"]).get(project.get_absolute_url()).content.decode()
    assert "Rapport de diagnostic (PDF)" in page
    assert "Générer le rapport" in page
    assert "Aucun rapport n’a encore été généré pour ce projet." in page


def test_staff_sees_the_ready_report_but_no_button(client_as, world, project):
    report = ReportFactory(project=project, ready=True)
    page = client_as(world["staff_in"]).get(project.get_absolute_url()).content.decode()
    assert reverse("reports:report_download", kwargs={"public_id": report.public_id}) in page
    assert "Générer" not in page


def test_report_in_flight_is_polled_and_the_page_works_without_javascript(client_as, world, project):
    ReportFactory(project=project, status=ReportStatus.RUNNING)
    client = client_as(world["member"])
    page = client.get(project.get_absolute_url()).content.decode()
    status_url = reverse("reports:report_status", kwargs={"public_id": project.public_id})
    assert f'data-report-poll="{status_url}"' in page
    assert "En cours" in page
    assert "sans JavaScript, rechargez-la" in page
    assert "Générer" not in page  # no second request while one is in flight
    fragment = client.get(status_url).content.decode()
    assert "En cours" in fragment
    assert "<html" not in fragment


def test_status_fragment_stops_polling_once_ready(client_as, world, project):
    ReportFactory(project=project, ready=True)
    fragment = (
        client_as(world["member"])
        .get(reverse("reports:report_status", kwargs={"public_id": project.public_id}))
        .content.decode()
    )
    assert "data-report-poll" not in fragment
    assert "Prêt" in fragment
    assert "Télécharger le rapport du" in fragment


def test_journeys_never_imports_reports():
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "journeys").rglob("*.py")
        if "import reports" in path.read_text() or "from reports" in path.read_text()
    ]
    assert offenders == []
