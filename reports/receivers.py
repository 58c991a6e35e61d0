"""Receivers of the journeys signals (connected in ReportsConfig.ready): each calls one service."""

from reports import services


def report_on_diagnostic_completed(sender, *, project, user, **kwargs) -> None:
    """A completed diagnostic produces its report automatically (in the same transaction)."""
    services.request_report(project=project, requested_by=user, automatic=True)
