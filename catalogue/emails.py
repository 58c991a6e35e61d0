"""Emails of the catalogue: the message a member relays to the other adopting collectivités."""

from django.conf import settings

from accounts import mailer
from catalogue.models import AdopterMessage


def send_adopter_message(*, message: AdopterMessage, recipients: list[str]) -> int:
    """Send one email per recipient (nobody sees another's address); returns how many were sent."""
    context = {
        "message": message,
        "service": message.service,
        "organisation": message.organisation,
        "sender": message.sender,
        "service_url": settings.SITE_URL.rstrip("/") + message.service.get_absolute_url(),
        "SITE_NAME": settings.SITE_NAME,
    }
    return mailer.render_and_send(
        "catalogue/emails/adopter_message",
        to=recipients,
        context=context,
        reply_to=[message.sender.email] if message.share_email else None,
    )
