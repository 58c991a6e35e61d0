"""A member generates the PDF report of a project and downloads it; a report in preparation updates by itself."""

from playwright.sync_api import expect

from reports.enums import ReportStatus
from reports.models import Report
from tests.reports.factories import ReportFactory, full_project


def test_member_generates_and_downloads_the_report(page, live_server, login_as, world):
    project = full_project(organisation=world["org"])
    login_as(world["member"])
    page.goto(live_server.url + project.get_absolute_url())
    panel = page.locator("#rapport")
    expect(panel.get_by_role("heading", name="Rapport de diagnostic (PDF)")).to_be_visible()
    panel.get_by_role("button", name="Générer le rapport").click()  # rendered inline: no broker here
    expect(page.get_by_text("Le rapport est prêt")).to_be_visible(timeout=30_000)
    with page.expect_download() as download_info:
        page.locator("#rapport").get_by_role("link", name="Télécharger le rapport").click()
    download = download_info.value
    assert download.suggested_filename.startswith("rapport-assistant-de-reponse")
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    assert Report.objects.get(project=project).status == ReportStatus.READY


def test_report_in_preparation_updates_without_reloading(page, live_server, login_as, world):
    project = full_project(organisation=world["org"])
    report = ReportFactory(project=project, status=ReportStatus.RUNNING)
    login_as(world["member"])
    page.goto(live_server.url + project.get_absolute_url())
    status = page.locator("#rapport-etat")
    expect(status.get_by_text("En cours")).to_be_visible()
    # The worker finishes: the panel polls its status and shows the report, with no reload.
    report.delete()
    ReportFactory(project=project, ready=True)
    expect(status.get_by_text("Prêt")).to_be_visible(timeout=15_000)
    expect(status.get_by_role("link", name="Télécharger le rapport")).to_be_visible()
    expect(status.get_by_role("button", name="Générer un nouveau rapport")).to_be_visible()
