"""Celery tasks of the reports app: thin wrappers taking ids, with the retry policy."""

import logging

from celery import current_app, shared_task
from django.conf import settings
from kombu.exceptions import OperationalError as BrokerError
from redis.exceptions import RedisError

from reports import emails, generation

logger = logging.getLogger(__name__)

# Backoff of the retries of a transient failure: 10 s, 40 s, 160 s.
MAX_RETRIES = 3
BACKOFF_SECONDS = 10
# Publishing must answer fast when the broker is down: the user is waiting on the page (the row is kept).
PUBLISH_TRANSPORT_OPTIONS = {"max_retries": 0, "socket_connect_timeout": 1, "socket_timeout": 1}


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=MAX_RETRIES,
    ignore_result=True,
)
def render_report(self, report_id: int) -> None:
    """Produce report `report_id` (generation.render_report: idempotent). Transient errors are retried with backoff;
    the last failure, or any other error, marks the report échec. Acknowledged after it ran: a worker killed while
    rendering leaves the message to another worker."""
    try:
        generation.render_report(report_id=report_id)
    except generation.RETRYABLE_ERRORS as error:
        if self.request.is_eager or self.request.retries >= self.max_retries:
            generation.mark_report_failed(report_id=report_id, reason=f"Erreur temporaire persistante : {error}")
            return
        generation.note_retry(report_id=report_id, reason=str(error))
        raise self.retry(exc=error, countdown=BACKOFF_SECONDS * 4**self.request.retries) from error
    except Exception as error:
        logger.exception("Rendu du rapport %s impossible", report_id)
        generation.mark_report_failed(report_id=report_id, reason=f"Le rendu a échoué : {error}")


def enqueue_render(report_id: int) -> bool:
    """Hand the report to the workers (inline when no broker is configured). False, at once, when the broker is
    unreachable: the report stays en attente and `dispatch_pending_reports` hands it over later."""
    try:
        if current_app.conf.task_always_eager:
            render_report.apply_async(args=[report_id])
        else:
            with current_app.connection_for_write(
                transport_options={**current_app.conf.broker_transport_options, **PUBLISH_TRANSPORT_OPTIONS}
            ) as connection:
                render_report.apply_async(args=[report_id], retry=False, connection=connection)
    except (BrokerError, RedisError, OSError) as error:
        logger.warning("Broker injoignable : le rapport %s reste en attente (%s).", report_id, error)
        return False
    return True


@shared_task(ignore_result=True)
def dispatch_pending_reports() -> int:
    """Beat job: hand over again the reports left en attente (broker down when asked) or stuck en cours (worker
    lost), and the emails of ready reports whose task was lost. Returns how many reports were handed over;
    doing it twice is harmless (idempotent render, each email claimed before it is sent)."""
    for report_id in generation.reports_with_stuck_deliveries():
        emails.send_pending_deliveries(report_id=report_id, include_retrying=True)
    dispatched = 0
    for report_id in generation.reports_to_dispatch(
        pending_for_seconds=settings.REPORTS_DISPATCH_AFTER_SECONDS
    ).values_list("pk", flat=True)[:200]:
        if not enqueue_render(report_id):
            break
        generation.mark_dispatched(report_id=report_id)
        dispatched += 1
    if dispatched:
        logger.info("%s rapport(s) confié(s) de nouveau aux workers.", dispatched)
    return dispatched
