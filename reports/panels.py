"""The « Rapport de diagnostic » section of the project page (registered into journeys.extensions at start-up)."""

from django.http import HttpRequest
from django.urls import reverse

from journeys.extensions import KeptSection, render_section
from journeys.models import Project
from reports import selectors
from reports.enums import ReportStatus
from reports.permissions import can_request_report
from reports.section_versions import section_version

PANEL_TEMPLATE = "reports/_panel.html"
STATUS_TEMPLATE = "reports/_report_status.html"


def status_context(user, project: Project) -> dict:
    """What the status part of the panel shows: the latest report, the latest ready one, what the user may do."""
    reports = selectors.recent_reports(project, limit=5)
    latest = reports[0] if reports else None
    last_ready = next((report for report in reports if report.status == ReportStatus.READY and report.file), None)
    in_flight = latest is not None and latest.is_in_flight
    is_retry = latest is not None and latest.status == ReportStatus.FAILED
    button_label = ""
    if can_request_report(user, project) and not in_flight:
        button_label = "Réessayer" if is_retry else ("Générer un nouveau rapport" if latest else "Générer le rapport")
    return {
        "project": project,
        "latest": latest,
        "last_ready": last_ready,
        "in_flight": in_flight,
        "is_retry": is_retry,
        "button_label": button_label,
        "status_url": reverse("reports:report_status", kwargs={"public_id": project.public_id}),
        "generate_url": reverse("reports:report_generate", kwargs={"public_id": project.public_id}),
    }


def report_section(request: HttpRequest, project: Project, stage) -> str:
    """The « Rapport de diagnostic » section of the project page (journeys.extensions, under the summary)."""
    return render_section(PANEL_TEMPLATE, {"panel": status_context(request.user, project)}, request)


# The section shows the project's latest reports and whether the viewer may ask for one (a member).
KEPT = KeptSection(
    versions=lambda project: [section_version(project.pk)],
    viewer=lambda request, project: "1" if can_request_report(request.user, project) else "0",
)
