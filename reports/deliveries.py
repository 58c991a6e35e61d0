"""The record of each email of a report, kept for the one mailer (accounts.mailer.register_receipt): the delivery
row is locked while its email is sent, so a task run twice finds it sent and sends nothing."""

from django.db.models import F
from django.utils import timezone

from reports.enums import DeliveryStatus
from reports.models import ReportDelivery

DONE = (DeliveryStatus.SENT, DeliveryStatus.FAILED)


class ReportDeliveryReceipt:
    def claim(self, key: int) -> bool:
        """Lock the delivery (the caller holds a transaction); False when it was sent or given up already."""
        delivery = ReportDelivery.objects.select_for_update().filter(pk=key).first()
        if delivery is None or delivery.status in DONE:
            return False
        ReportDelivery.objects.filter(pk=key).update(attempts=F("attempts") + 1, last_attempt_at=timezone.now())
        return True

    def record(self, key: int, *, error: str = "", final: bool = True) -> None:
        """Sent when there is no error; otherwise « non remis » (final) or « nouvel essai prévu »."""
        if not error:
            ReportDelivery.objects.filter(pk=key).update(status=DeliveryStatus.SENT, sent_at=timezone.now(), error="")
            return
        status = DeliveryStatus.FAILED if final else DeliveryStatus.RETRYING
        ReportDelivery.objects.filter(pk=key).update(status=status, error=error[:2000])
