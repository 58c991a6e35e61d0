"""How every app of the portal sends email: rendered from templates, one message per recipient, delivered by
a Celery task so that a slow or unreachable SMTP server never breaks a page (the task retries).

Layers, one way only: mailer (render, queue) → tasks (the Celery task, its retries) → delivery (the SMTP send and
the delivery receipts)."""

import logging
from collections.abc import Iterable
from functools import cache

from django.conf import settings
from django.template import Context, Engine, engines
from django.template.loader import render_to_string
from kombu.exceptions import OperationalError

from accounts.delivery import register_receipt as register_receipt  # where apps registered receipts before
from accounts.tasks import deliver_email

logger = logging.getLogger(__name__)


@cache
def _plain_text_engine() -> Engine:
    """The site's template engine (same loaders, tags and settings) without autoescaping: for plain text."""
    site = engines["django"].engine
    return Engine(
        dirs=site.dirs,
        loaders=site.loaders,
        libraries=site.libraries,
        builtins=[name for name in site.builtins if name not in Engine.default_builtins],
        string_if_invalid=site.string_if_invalid,
        debug=site.debug,
        autoescape=False,
    )


def render_plain_text(template: str, context: dict) -> str:
    """Render a plain-text template (subject, text body): `'` and `&` stay themselves, never `&#x27;`, `&amp;`."""
    return _plain_text_engine().get_template(template).render(Context(context, autoescape=False))


def render_and_send(
    template: str,
    *,
    to: Iterable[str],
    context: dict,
    reply_to: list[str] | None = None,
    attachments: list[dict] | None = None,
    receipt: dict | None = None,
) -> int:
    """Render `<template>_subject.txt`, `_body.txt` and `_body.html` and queue one message per address.

    Every subject starts with « [Territoires IA] ». One message each: recipients never see each other's
    address. Returns the number of messages queued. Call it through `transaction.on_commit`.
    `attachments` and `receipt`: see `deliver`.
    """
    addresses = list(dict.fromkeys(to))
    if receipt is not None and len(addresses) > 1:
        raise ValueError("Un accusé d’envoi ne suit qu’un destinataire.")
    context = {"SITE_NAME": settings.SITE_NAME, "SITE_URL": settings.SITE_URL, **context}
    subject = " ".join(render_plain_text(f"{template}_subject.txt", context).split())
    prefix = f"[{settings.SITE_NAME}] "
    subject = subject if subject.startswith(prefix) else prefix + subject
    text = render_plain_text(f"{template}_body.txt", context)
    html = render_to_string(f"{template}_body.html", context)
    queued = 0
    for address in addresses:
        deliver(
            subject=subject,
            text=text,
            html=html,
            to=address,
            reply_to=reply_to,
            attachments=attachments,
            receipt=receipt,
        )
        queued += 1
    return queued


def deliver(
    *,
    subject: str,
    text: str,
    html: str,
    to: str,
    reply_to: list[str] | None = None,
    attachments: list[dict] | None = None,
    receipt: dict | None = None,
) -> None:
    """Queue one message (sent inline when no broker is configured, or when the broker does not answer).

    `attachments`: files kept in a Django storage, named so the task arguments stay JSON (never bytes):
    ``{"storage": "private", "name": "<path in the storage>", "filename": "rapport.pdf", "mimetype": "…"}``.
    `receipt`: ``{"kind": "<registered kind>", "id": <record id>}``, a record of this delivery kept by the app that
    registered the kind (`register_receipt`): the message is sent at most once per record, even if the task runs twice.
    """
    message = {
        "subject": subject,
        "text": text,
        "html": html,
        "to": to,
        "reply_to": reply_to or [],
        "attachments": attachments or [],
        "receipt": receipt,
    }
    try:
        deliver_email.delay(**message)
    except OperationalError as error:  # Redis, the broker, is down: the page must not fail for it
        logger.warning("File des tâches injoignable (%s) : courriel à %s envoyé directement.", error, to)
        deliver_email.apply(kwargs=message)
