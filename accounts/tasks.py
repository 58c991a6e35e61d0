"""Celery tasks of the accounts app."""

import logging
import smtplib

from celery import shared_task

from accounts import mailer

logger = logging.getLogger(__name__)

# SMTP refusals and network failures are worth retrying; a template error is not.
TRANSIENT_ERRORS = (smtplib.SMTPException, OSError)


@shared_task(bind=True, acks_late=True, max_retries=5, ignore_result=True)
def deliver_email(self, *, subject: str, text: str, html: str, to: str, reply_to: list[str]) -> None:
    """Send one message; on a transient failure retry with backoff (1, 2, 4, 8, 16 minutes), then log it.

    Inline (no broker) a failure is logged and dropped from the request: the page has already succeeded.
    """
    try:
        mailer.send_now(subject=subject, text=text, html=html, to=to, reply_to=reply_to)
    except TRANSIENT_ERRORS as error:
        if self.request.is_eager or self.request.retries >= self.max_retries:
            logger.error("Courriel non remis à %s (%s) : %s", to, subject, error)
            return
        raise self.retry(exc=error, countdown=60 * 2**self.request.retries) from error
