"""Who may do what with reports, built on the project rules of journeys (themselves on accounts.permissions)."""

from journeys.models import Project
from journeys.permissions import can_edit_project, can_view_project
from reports.models import Report


def can_request_report(user, project: Project) -> bool:
    """Members of the collectivité generate reports (they are emailed to them); ANCT staff read them."""
    return can_edit_project(user, project)


def can_download_report(user, report: Report) -> bool:
    """Whoever may see the project page may download its reports."""
    return can_view_project(user, report.project)
