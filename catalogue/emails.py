"""Emails of the catalogue: the message a member relays to the other adopting collectivités."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

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
    subject = render_to_string("catalogue/emails/adopter_message_subject.txt", context).strip()
    text = render_to_string("catalogue/emails/adopter_message_body.txt", context)
    html = render_to_string("catalogue/emails/adopter_message_body.html", context)
    sent = 0
    for address in recipients:
        email = EmailMultiAlternatives(
            subject=subject,
            body=text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[address],
            reply_to=[message.sender.email] if message.share_email else None,
        )
        email.attach_alternative(html, "text/html")
        sent += email.send()
    return sent
