"""Writes of the reports app that a user triggers. Errors carry a French message shown as is."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction

from accounts.models import User
from journeys.models import Project
from reports import generation, tasks
from reports.models import Report


@dataclass
class ReportRequest:
    """The outcome of `request_report`: the report, whether this call created it, and — once the transaction has
    committed — whether the workers got it (False: broker unreachable, the report waits en attente for beat)."""

    report: Report
    created: bool
    dispatched: bool | None = None


def request_report(*, project: Project, requested_by: User | None, automatic: bool = False) -> ReportRequest:
    """Create a report en attente for the project and, on commit, hand it to the workers.

    At most one report is in flight per project (database constraint): asking again, or two people at once,
    gets the one already in flight. Never raises when the broker is down (the row is kept for beat).
    """
    with transaction.atomic():
        existing = Report.objects.in_flight().filter(project=project).first()
        if existing is not None:
            return ReportRequest(report=existing, created=False)
        try:
            with transaction.atomic():  # a savepoint: a concurrent request may have won the constraint
                report = Report.objects.create(project=project, requested_by=requested_by, is_automatic=automatic)
        except IntegrityError:
            existing = Report.objects.in_flight().filter(project=project).first()
            if existing is None:
                raise
            return ReportRequest(report=existing, created=False)
        outcome = ReportRequest(report=report, created=True)

        def dispatch() -> None:
            outcome.dispatched = tasks.enqueue_render(report.pk)
            if outcome.dispatched:
                generation.mark_dispatched(report_id=report.pk)
            report.refresh_from_db()  # rendered inline without a broker: the caller sees the outcome

        transaction.on_commit(dispatch)
    return outcome
