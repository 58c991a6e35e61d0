"""With EMAIL_URL pointing to an SMTP server, the portal's emails are really delivered."""

import environ
from django.core.mail import EmailMultiAlternatives


def test_email_url_is_parsed_into_smtp_settings():
    config = environ.Env.email_url_config("smtp://portail:secret@mail.example.fr:2525")
    assert config["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (config["EMAIL_HOST"], config["EMAIL_PORT"], config["EMAIL_HOST_USER"]) == (
        "mail.example.fr",
        2525,
        "portail",
    )


def test_message_is_delivered_to_a_real_smtp_server(smtp_server):
    message = EmailMultiAlternatives(
        "Votre demande a été reçue",
        "Bonjour,\n\nVotre demande d’ingénierie a bien été reçue.",
        "portail@territoires-ia.example.fr",
        ["maire@commune.example.fr"],
    )
    message.attach_alternative("<p>Votre demande d’ingénierie a bien été reçue.</p>", "text/html")
    assert message.send() == 1
    assert len(smtp_server) == 1
    delivered = smtp_server[0]
    assert delivered["Subject"] == "Votre demande a été reçue"
    assert delivered["X-Envelope-To"] == "maire@commune.example.fr"
    assert "ingénierie" in delivered.get_body(preferencelist=("plain",)).get_content()
