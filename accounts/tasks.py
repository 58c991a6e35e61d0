"""Celery tasks of the accounts app."""

import logging
import smtplib
from contextlib import nullcontext

from celery import shared_task
from django.db import transaction

from accounts import delivery

logger = logging.getLogger(__name__)

# SMTP refusals and network failures are worth retrying; a template error is not.
TRANSIENT_ERRORS = (smtplib.SMTPException, OSError)


def _is_permanent(error: Exception) -> bool:
    """A 5xx refusal of the address (unknown mailbox…) will not change by retrying."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in error.recipients.values())
    return False


@shared_task(bind=True, acks_late=True, max_retries=5, ignore_result=True)
def deliver_email(
    self,
    *,
    subject: str,
    text: str,
    html: str,
    to: str,
    reply_to: list[str],
    attachments: list[dict] | None = None,
    receipt: dict | None = None,
) -> None:
    """Send one message; on a transient failure retry with backoff (1, 2, 4, 8, 16 minutes), then log it.

    Inline (no broker) a failure is logged and dropped from the request: the page has already succeeded.
    With a `receipt`, the record is locked during the send and the outcome written on it: a task delivered twice
    (worker lost, broker redelivery) finds the message sent and does not send it again.
    """
    tracked = delivery.receipt_for(receipt)
    retry_error = None
    # The receipt's row lock is held during the send: a concurrent duplicate waits, then finds it sent.
    with transaction.atomic() if tracked is not None else nullcontext():
        if tracked is not None and not tracked[0].claim(tracked[1]):
            logger.info("Courriel déjà remis ou abandonné (%s), rien à faire.", receipt)
            return
        try:
            delivery.send_now(
                subject=subject, text=text, html=html, to=to, reply_to=reply_to, attachments=attachments or ()
            )
        except TRANSIENT_ERRORS as error:
            final = self.request.is_eager or self.request.retries >= self.max_retries or _is_permanent(error)
            if tracked is not None:
                tracked[0].record(tracked[1], error=str(error), final=final)
            if final:
                logger.error("Courriel non remis à %s (%s) : %s", to, subject, error)
                return
            retry_error = error
        else:
            if tracked is not None:
                tracked[0].record(tracked[1])
            return
    raise self.retry(exc=retry_error, countdown=60 * 2**self.request.retries) from retry_error
