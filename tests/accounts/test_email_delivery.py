"""Emails leave through a Celery task: a real worker delivers them to a real SMTP server, and an unreachable
SMTP server never breaks the page that triggered the email."""

import logging
import time

import pytest
from django.core import mail

from accounts import mailer
from tests.accounts.factories import OrganisationFactory


def _deliver(to: str = "maire@commune.example.fr") -> None:
    mailer.deliver(
        subject="[Territoires IA] Nouvelle demande de rattachement",
        text="Bonjour,\nUne personne demande à rejoindre votre collectivité.",
        html="<p>Une personne demande à rejoindre votre collectivité.</p>",
        to=to,
    )


@pytest.mark.django_db(transaction=True)
def test_worker_delivers_the_email_to_the_smtp_server(celery_worker, smtp_server):
    _deliver()
    deadline = time.monotonic() + 10
    while not smtp_server and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(smtp_server) == 1
    assert smtp_server[0]["Subject"] == "[Territoires IA] Nouvelle demande de rattachement"
    assert smtp_server[0]["X-Envelope-To"] == "maire@commune.example.fr"


def test_unreachable_smtp_server_is_logged_not_raised_when_sending_inline(settings, caplog):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 1  # nothing listens on port 1
    with caplog.at_level(logging.ERROR, logger="accounts.tasks"):
        _deliver()
    assert "Courriel non remis à maire@commune.example.fr" in caplog.text


def test_each_recipient_gets_one_message_with_the_site_prefix_once():
    organisation = OrganisationFactory(name="Saint-Étienne")
    queued = mailer.render_and_send(
        "accounts/emails/organisation_confirmed",
        to=["a@mairie.fr", "b@mairie.fr", "a@mairie.fr"],
        context={"organisation": organisation, "url": "http://127.0.0.1:8000/mon-compte/"},
    )
    assert queued == 2
    assert [message.to for message in mail.outbox] == [["a@mairie.fr"], ["b@mairie.fr"]]
    assert mail.outbox[0].subject == "[Territoires IA] L’ANCT a confirmé l’inscription de Saint-Étienne"
