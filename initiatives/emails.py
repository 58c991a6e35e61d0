"""Emails of the gallery: a message relayed to the référents of a published initiative."""

from django.conf import settings

from accounts import mailer
from initiatives.models import InitiativeMessage


def send_initiative_message(*, message: InitiativeMessage, recipients: list[str]) -> int:
    """One email per référent (nobody sees another's address); the sender's address is the Reply-To."""
    initiative = message.initiative
    context = {
        "message": message,
        "initiative": initiative,
        "sender": message.sender,
        "initiative_url": settings.SITE_URL.rstrip("/") + initiative.get_absolute_url(),
    }
    return mailer.render_and_send(
        "initiatives/emails/initiative_message", to=recipients, context=context, reply_to=[message.sender.email]
    )
