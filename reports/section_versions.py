"""The version token of a project's « Rapport de diagnostic » section (reports.panels, kept by journeys.extensions):
moved by every write of one of the project's reports, by reports.receivers and after the services' queryset
updates (which send no signal)."""

from common.fragments import bump_version


def section_version(project_id: int) -> str:
    return f"reports:project-section:{project_id}"


def project_reports_changed(project_id: int) -> None:
    bump_version(section_version(project_id))
