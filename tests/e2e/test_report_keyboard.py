"""A keyboard user asks for the PDF report from the project page: the confirmation is focused next to the report,
the download link is reached with Tab, and the status updating by itself never takes or drops focus."""

from playwright.sync_api import expect

from reports.enums import ReportStatus
from tests.reports.factories import ReportFactory, full_project

IN_REPORT_STATUS = "!!document.activeElement.closest('#rapport-etat')"


def test_report_generated_and_downloaded_with_the_keyboard(page, live_server, login_as, world):
    project = full_project(organisation=world["org"])
    login_as(world["member"])
    page.goto(live_server.url + project.get_absolute_url())
    page.locator("#rapport").get_by_role("button", name="Générer le rapport").focus()
    page.keyboard.press("Enter")  # rendered inline here: no broker, the report is ready on the next page

    # Focus is on the confirmation, inside the report panel, not on <body> at the top of the page.
    confirmation = page.get_by_role("status").filter(has_text="Le rapport est prêt")
    expect(confirmation).to_be_focused(timeout=30_000)
    assert page.evaluate("!!document.activeElement.closest('#rapport')")
    expect(confirmation).to_be_in_viewport()
    page.wait_for_timeout(1_000)
    expect(confirmation).to_be_focused()  # nothing pulls it elsewhere afterwards

    # Tab: the confirmation's close button, then the download link; Enter downloads the PDF.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "Masquer le message"
    page.keyboard.press("Tab")
    download_link = page.locator("#rapport-etat").get_by_role("link", name="Télécharger le rapport")
    expect(download_link).to_be_focused()
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    with open(download_info.value.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    expect(download_link).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("#rapport-etat").get_by_role("button", name="Générer un nouveau rapport")).to_be_focused()


def test_status_update_keeps_focus_where_the_user_is(page, live_server, login_as, world):
    project = full_project(organisation=world["org"])
    ReportFactory(project=project, ready=True)
    running = ReportFactory(project=project, status=ReportStatus.RUNNING)
    login_as(world["member"])
    page.goto(live_server.url + project.get_absolute_url())
    status = page.locator("#rapport-etat")
    expect(status).to_have_attribute("aria-live", "polite")  # the update is announced, not focused
    expect(status.get_by_text("En cours")).to_be_visible()

    # The user is on the previous report's download link when the new one is ready and the region is replaced.
    status.get_by_role("link", name="Télécharger le rapport").focus()
    running.delete()
    ReportFactory(project=project, ready=True)
    expect(status.locator(".fr-badge", has_text="Prêt")).to_be_visible(timeout=15_000)
    assert page.evaluate("document.activeElement.tagName") != "BODY"
    assert page.evaluate(IN_REPORT_STATUS)
    page.keyboard.press("Tab")
    assert page.evaluate(IN_REPORT_STATUS)  # Tab goes on within the panel, not from the top of the page


def test_status_update_does_not_take_focus_from_elsewhere(page, live_server, login_as, world):
    project = full_project(organisation=world["org"])
    running = ReportFactory(project=project, status=ReportStatus.RUNNING)
    login_as(world["member"])
    page.goto(live_server.url + project.get_absolute_url())
    status = page.locator("#rapport-etat")
    expect(status.get_by_text("En cours")).to_be_visible()
    # Focus elsewhere on the page (the skip link to the content): the update lands without moving it.
    skip = page.get_by_role("link", name="Contenu")
    skip.focus()
    running.delete()
    ReportFactory(project=project, ready=True)
    expect(status.locator(".fr-badge", has_text="Prêt")).to_be_visible(timeout=15_000)
    expect(skip).to_be_focused()
    page.wait_for_timeout(500)
    expect(skip).to_be_focused()
