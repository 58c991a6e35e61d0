"""The work of a report, run by the worker (or inline without a broker): render once, store privately, email once.

Every step is safe to run twice — a task re-delivered after a worker died, or run by two workers at once:
the report row is locked to claim it and to record the result, a ready report is never rendered again, and each
email is recorded per recipient (reports/deliveries.py) so it is sent at most once.
"""

import hashlib
import logging
from datetime import timedelta

from botocore.exceptions import BotoCoreError
from botocore.exceptions import ClientError as S3ClientError
from django.core.files.base import ContentFile
from django.db import DatabaseError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from journeys.models import DiagnosticResponse
from reports import emails, selectors
from reports.enums import DeliveryStatus, ReportStatus
from reports.models import Report, ReportDelivery
from reports.section_versions import project_reports_changed

logger = logging.getLogger(__name__)

# Worth retrying: storage or network hiccups, the database going away. A template or layout error is not.
RETRYABLE_ERRORS = (OSError, DatabaseError, BotoCoreError, S3ClientError)
# A report whose render killed its worker this many times (out of memory…) is failed instead of retried forever.
MAX_ATTEMPTS = 5
# A report « en cours » for longer than this lost its worker (the task time limit is 5 minutes).
STALE_RUNNING_SECONDS = 15 * 60
# An email still unsent this long after its last try lost its task (retries wait 16 minutes at most).
STUCK_DELIVERY_SECONDS = 30 * 60


def _claim(report_id: int) -> Report | None:
    """Mark the report en cours (row locked); None when there is nothing to render."""
    with transaction.atomic():
        report = Report.objects.select_for_update().filter(pk=report_id).first()
        if report is None or report.status == ReportStatus.FAILED:
            return None
        if report.status == ReportStatus.READY and report.file:
            # Rendered already (a re-delivered task): only make sure its emails are queued.
            transaction.on_commit(lambda: emails.send_pending_deliveries(report_id=report_id))
            return None
        if report.attempts >= MAX_ATTEMPTS:
            _fail(report, "Le rapport n’a pas pu être produit après plusieurs essais.")
            return None
        report.status = ReportStatus.RUNNING
        report.attempts += 1
        report.started_at = timezone.now()
        report.save(update_fields=["status", "attempts", "started_at", "updated_at"])
        return report


def render_report(*, report_id: int) -> Report | None:
    """Render the PDF of the report, store it privately with its checksum, mark it prêt and email it, once.

    Returns the report when this call produced it, None when there was nothing to do. Raises what went wrong;
    `RETRYABLE_ERRORS` are worth another try (the task retries them with backoff).
    """
    report = _claim(report_id)
    if report is None:
        return None
    # Imported here, not at start-up: WeasyPrint takes ~0.7 s to load (it parses its own stylesheets), a cost every
    # web process and management command would pay while only the processes that render need it.
    from reports import rendering

    project = report.project
    content = selectors.report_content(project)
    pdf = rendering.render_pdf(rendering.render_html(content))
    checksum = hashlib.sha256(pdf).hexdigest()
    response = DiagnosticResponse.objects.filter(project=project).select_related("diagnostic").first()
    stored = None
    try:
        with transaction.atomic():
            report = Report.objects.select_for_update().select_related("project").get(pk=report_id)
            if report.status == ReportStatus.READY and report.file:
                return None  # another worker finished first: keep its file, send nothing more
            report.finished_at = timezone.now()
            stored = _store(report, pdf)
            report.file.name = stored
            report.checksum = checksum
            report.size = len(pdf)
            report.journey_version = content.journey_version
            report.diagnostic_version = response.diagnostic.version if response else None
            report.status = ReportStatus.READY
            report.error = ""
            report.save()
            emails.queue_report_emails(report)
    except BaseException:
        if stored:
            report.file.storage.delete(stored)  # the row was not updated: leave no orphan file
        raise
    logger.info("Rapport %s produit (%s octets, sha256 %s).", report.public_id, report.size, checksum)
    return report


def report_file_name(report: Report) -> str:
    """The one storage name of a report's PDF, the same at every attempt (dated by the request, like the field's
    `upload_to`)."""
    return timezone.localtime(report.requested_at).strftime("rapports/%Y/%m/") + f"rapport-{report.public_id}.pdf"


def _store(report: Report, pdf: bytes) -> str:
    """Store the PDF under the report's own name. A file already there was left by a worker that died between
    storing it and committing (the row, locked by the caller, names no file): it is replaced, never kept as an
    orphan beside a new name."""
    storage = report.file.storage
    name = report_file_name(report)
    if storage.exists(name):
        logger.warning("Rapport %s : fichier laissé par un essai interrompu, remplacé.", report.public_id)
        storage.delete(name)
    return storage.save(name, ContentFile(pdf))


def _fail(report: Report, reason: str) -> None:
    report.status = ReportStatus.FAILED
    report.error = reason[:2000]
    report.finished_at = timezone.now()
    report.save(update_fields=["status", "error", "finished_at", "updated_at"])
    logger.error("Rapport %s en échec (projet %s) : %s", report.public_id, report.project_id, reason)


def mark_report_failed(*, report_id: int, reason: str) -> None:
    """Mark the report échec with the reason (logged); a ready report stays ready."""
    with transaction.atomic():
        report = Report.objects.select_for_update().filter(pk=report_id).first()
        if report is not None and report.status != ReportStatus.READY:
            _fail(report, reason)


def note_retry(*, report_id: int, reason: str) -> None:
    """Put the report back en attente until its next try (the error is kept for the record)."""
    updated = Report.objects.filter(pk=report_id, status=ReportStatus.RUNNING).update(
        status=ReportStatus.PENDING, error=f"Nouvel essai prévu : {reason}"[:2000], updated_at=timezone.now()
    )
    if updated:  # an update sends no signal: the project page's section shows « en attente » at once
        project_reports_changed(Report.objects.filter(pk=report_id).values_list("project_id", flat=True).get())


def mark_dispatched(*, report_id: int) -> None:
    """Record that the report was handed to the workers (its « en attente » delay starts again)."""
    now = timezone.now()
    Report.objects.filter(pk=report_id).update(dispatched_at=now, updated_at=now)


def reports_with_stuck_deliveries(*, older_than_seconds: int = STUCK_DELIVERY_SECONDS) -> list[int]:
    """Ready reports with an email neither sent nor given up long after its last try (its task was lost: broker
    down when it was queued, worker gone). Marks them tried now, so the next beat waits as long again."""
    limit = timezone.now() - timedelta(seconds=older_than_seconds)
    stuck = ReportDelivery.objects.filter(
        Q(last_attempt_at__lte=limit) | Q(last_attempt_at__isnull=True, created_at__lte=limit),
        status__in=(DeliveryStatus.PENDING, DeliveryStatus.RETRYING),
        report__status=ReportStatus.READY,
    )
    report_ids = sorted(set(stuck.values_list("report_id", flat=True)))
    stuck.update(last_attempt_at=timezone.now())
    return report_ids


def reports_to_dispatch(*, pending_for_seconds: int) -> QuerySet[Report]:
    """Reports the workers should have: en attente for a while (broker down when asked, lost message) or en cours
    for far longer than a render takes (worker gone)."""
    now = timezone.now()
    return Report.objects.filter(
        Q(status=ReportStatus.PENDING, updated_at__lte=now - timedelta(seconds=pending_for_seconds))
        | Q(status=ReportStatus.RUNNING, updated_at__lte=now - timedelta(seconds=STALE_RUNNING_SECONDS))
    ).order_by("requested_at")
