"""Receivers (connected in ReportsConfig.ready): of the journeys signals, each calls one service; of the reports'
own rows, moving the version of the project page's section."""

from reports import services
from reports.section_versions import project_reports_changed


def report_on_diagnostic_completed(sender, *, project, user, **kwargs) -> None:
    """A completed diagnostic produces its report automatically (in the same transaction)."""
    services.request_report(project=project, requested_by=user, automatic=True)


def report_changed(sender, *, instance, **kwargs) -> None:
    """A report of the project was saved or deleted: its section of the project page shows it at once."""
    project_reports_changed(instance.project_id)
