"""The bottom of the mail pipeline: one SMTP send, and the receipts of the apps that must never send twice.

Imported by accounts.tasks (the Celery task) and re-exported by accounts.mailer; imports neither.
"""

from collections.abc import Iterable
from typing import Protocol

from django.conf import settings
from django.core.files.storage import storages
from django.core.mail import EmailMultiAlternatives


def send_now(
    *, subject: str, text: str, html: str, to: str, reply_to: list[str], attachments: Iterable[dict] = ()
) -> int:
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [to], reply_to=reply_to or None)
    message.attach_alternative(html, "text/html")
    for item in attachments:
        with storages[item["storage"]].open(item["name"], "rb") as handle:
            message.attach(item["filename"], handle.read(), item.get("mimetype") or "application/octet-stream")
    return message.send()


# --- Delivery receipts: apps that must never send an email twice keep a record per message ---------------------


class DeliveryReceipt(Protocol):
    def claim(self, key: int) -> bool:
        """Lock the record (inside the caller's transaction); False when it must not be sent (already done)."""

    def record(self, key: int, *, error: str = "", final: bool = True) -> None:
        """Record the outcome: sent (no error), or an error that is final or will be retried."""


_RECEIPTS: dict[str, DeliveryReceipt] = {}


def register_receipt(kind: str, receipt: DeliveryReceipt) -> None:
    """Register the keeper of `kind` receipts (called from the owning app's `AppConfig.ready`)."""
    _RECEIPTS[kind] = receipt


def receipt_for(receipt: dict | None) -> tuple[DeliveryReceipt, int] | None:
    """The registered keeper and record id of a `receipt` argument (None without one); unknown kinds raise."""
    if not receipt:
        return None
    try:
        return _RECEIPTS[receipt["kind"]], int(receipt["id"])
    except KeyError as error:
        raise LookupError(f"Accusé d’envoi inconnu : {receipt!r}") from error
