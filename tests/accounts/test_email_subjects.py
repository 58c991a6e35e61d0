"""Email subjects (and plain-text bodies) are plain text: never HTML-escaped. The HTML body stays escaped."""

import pytest
from django.core import mail

from accounts import mailer
from catalogue.emails import send_adopter_message
from catalogue.models import AdopterMessage
from tests.accounts.factories import OrganisationFactory, UserFactory
from tests.catalogue.factories import ServiceFactory

NAME = "L'Haÿ-les-Roses & <Fresnes>"


@pytest.mark.parametrize("template", ["organisation_confirmed", "organisation_rejected", "organisation_to_confirm"])
def test_a_subject_keeps_apostrophes_ampersands_and_angle_brackets(template):
    organisation = OrganisationFactory(name=NAME)
    mailer.render_and_send(
        f"accounts/emails/{template}", to=["a@mairie.fr"], context={"organisation": organisation, "url": "/x/"}
    )
    subject = mail.outbox[0].subject
    assert NAME in subject
    assert "&" + "amp;" not in subject
    assert "&#x27;" not in subject


def test_the_text_body_is_plain_and_the_html_body_escaped():
    organisation = OrganisationFactory(name=NAME)
    mailer.render_and_send(
        "accounts/emails/organisation_confirmed",
        to=["a@mairie.fr"],
        context={"organisation": organisation, "url": "/"},
    )
    message = mail.outbox[0]
    assert NAME in message.body
    html = message.alternatives[0].content
    assert "L&#x27;Haÿ-les-Roses &amp; &lt;Fresnes&gt;" in html


def test_a_subject_typed_by_a_member_is_relayed_as_typed():
    message = AdopterMessage.objects.create(
        service=ServiceFactory(name="Lutèce & Cie"),
        sender=UserFactory(),
        organisation=OrganisationFactory(name=NAME),
        subject="Retour d'expérience : « ça marche » & <vite>",
        body="Bonjour",
    )
    send_adopter_message(message=message, recipients=["b@mairie.fr"])
    assert mail.outbox[0].subject == "[Territoires IA] Lutèce & Cie : Retour d'expérience : « ça marche » & <vite>"
