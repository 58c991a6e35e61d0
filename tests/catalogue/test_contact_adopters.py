"""An adopting member writes to the other adopting collectivités; the portal relays by email, hiding addresses."""

import pytest
from django.core import mail
from django.test import TestCase

from catalogue import services
from catalogue.models import AdopterMessage
from tests.accounts.factories import MembershipFactory, UserFactory
from tests.catalogue.factories import AdoptionFactory, ServiceFactory

MESSAGE = {
    "subject": "Mutualiser l’hébergement",
    "body": "Bonjour, nous cherchons des partenaires pour héberger ce service ensemble.",
}


@pytest.fixture
def adopters(themes):
    service = ServiceFactory(name="Decidim")
    sender = MembershipFactory(organisation__name="Aurillac")
    AdoptionFactory(service=service, organisation=sender.organisation)
    other = MembershipFactory(organisation__name="Mauriac", user__email="agent@mauriac.example.fr")
    AdoptionFactory(service=service, organisation=other.organisation, status="interesse")
    quiet = MembershipFactory(organisation=other.organisation, user__wants_notifications=False)
    colleague = MembershipFactory(organisation=sender.organisation)
    return {"service": service, "sender": sender, "other": other, "quiet": quiet, "colleague": colleague}


def post(client, service, organisation, **extra):
    # Emails leave once the transaction commits: run those callbacks as the request ends.
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(
            f"/catalogue/{service.slug}/ecrire/", {"organisation": str(organisation.public_id), **MESSAGE, **extra}
        )


def test_member_of_an_adopter_writes_and_others_receive_it_without_seeing_addresses(client, adopters):
    service, sender = adopters["service"], adopters["sender"]
    client.force_login(sender.user)
    page = client.get(service.get_absolute_url()).text
    assert "Écrire aux autres collectivités" in page
    assert "agent@mauriac.example.fr" not in page
    response = post(client, service, sender.organisation)
    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [["agent@mauriac.example.fr"]]
    email = mail.outbox[0]
    assert "Decidim" in email.subject
    assert "Mutualiser l’hébergement" in email.subject
    assert "Aurillac" in email.body
    assert "nous cherchons des partenaires" in email.body
    assert sender.user.email not in email.body
    assert not email.reply_to
    followed = client.get(response["Location"].split("#")[0]).text
    assert "Votre message a été transmis à 1 personne" in followed
    assert "agent@mauriac.example.fr" not in followed
    assert AdopterMessage.objects.get().recipient_count == 1


def test_sender_may_choose_to_share_their_address(client, adopters):
    client.force_login(adopters["sender"].user)
    post(client, adopters["service"], adopters["sender"].organisation, share_email="on")
    assert mail.outbox[0].reply_to == [adopters["sender"].user.email]


def test_member_of_a_non_adopting_organisation_is_refused(client, adopters):
    client.force_login(MembershipFactory().user)
    response = post(client, adopters["service"], adopters["sender"].organisation)
    assert response.status_code == 403
    assert mail.outbox == []
    assert not AdopterMessage.objects.exists()


def test_logged_in_person_without_organisation_is_refused(client, adopters):
    client.force_login(UserFactory())
    assert post(client, adopters["service"], adopters["sender"].organisation).status_code == 403


def test_anonymous_visitor_is_sent_to_login(client, adopters):
    response = post(client, adopters["service"], adopters["sender"].organisation)
    assert response.status_code == 302
    assert "/compte/login/" in response["Location"]
    assert mail.outbox == []


def test_a_too_short_message_is_shown_back_with_an_error(client, adopters):
    client.force_login(adopters["sender"].user)
    response = post(client, adopters["service"], adopters["sender"].organisation, body="Court")
    assert response.status_code == 200
    assert "au moins 20 caractères" in response.text
    assert mail.outbox == []


def test_messages_are_rate_limited(client, adopters):
    client.force_login(adopters["sender"].user)
    for _ in range(services.MESSAGES_PER_SERVICE_PER_DAY):
        assert post(client, adopters["service"], adopters["sender"].organisation).status_code == 302
    response = post(client, adopters["service"], adopters["sender"].organisation)
    assert response.status_code == 200
    assert "Réessayez demain" in response.text
    assert len(mail.outbox) == services.MESSAGES_PER_SERVICE_PER_DAY


def test_nobody_to_write_to_is_explained(client, themes):
    service = ServiceFactory()
    sender = MembershipFactory()
    AdoptionFactory(service=service, organisation=sender.organisation)
    client.force_login(sender.user)
    response = post(client, service, sender.organisation)
    assert "Aucune autre collectivité ne peut encore recevoir de message" in response.text
    assert not AdopterMessage.objects.exists()
