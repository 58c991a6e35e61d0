"""Writing to a published initiative: the portal relays the message to its référents without showing addresses."""

from django.core import mail
from django.test import TestCase
from django.urls import reverse

from initiatives.models import InitiativeMessage
from initiatives.services import MESSAGES_PER_INITIATIVE_PER_DAY
from tests.accounts.factories import MembershipFactory
from tests.initiatives.factories import InitiativeFactory
from tests.journeys.factories import ProjectFactory

MESSAGE = {"subject": "Votre assistant d’accueil", "body": "Bonjour, nous aimerions savoir comment vous avez fait."}


def _initiative(world, **kwargs):
    return InitiativeFactory(project=ProjectFactory(organisation=world["org"]), **kwargs)


def test_message_reaches_the_referents_without_revealing_their_address(client_as, world):
    initiative = _initiative(world)
    other_referent = MembershipFactory(organisation=world["org"], role="referent").user
    client = client_as(world["outsider"])
    page = client.get(initiative.get_absolute_url()).content.decode()
    assert world["referent"].email not in page
    assert other_referent.email not in page
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(reverse("initiatives:contact", args=[initiative.public_id]), MESSAGE)
    assert response.status_code == 302
    assert sorted(message.to[0] for message in mail.outbox) == sorted([world["referent"].email, other_referent.email])
    assert all(message.reply_to == [world["outsider"].email] for message in mail.outbox)
    assert all(len(message.to) == 1 for message in mail.outbox)
    assert world["member"].email not in [message.to[0] for message in mail.outbox]  # référents only


def test_messages_are_limited_per_day(client_as, world):
    initiative = _initiative(world)
    client = client_as(world["outsider"])
    url = reverse("initiatives:contact", args=[initiative.public_id])
    for _ in range(MESSAGES_PER_INITIATIVE_PER_DAY):
        assert client.post(url, MESSAGE).status_code == 302
    response = client.post(url, MESSAGE)
    assert response.status_code == 400
    assert "Réessayez demain" in response.content.decode()
    assert InitiativeMessage.objects.count() == MESSAGES_PER_INITIATIVE_PER_DAY


def test_no_message_when_the_collectivite_refuses_them(client_as, world):
    initiative = _initiative(world, accepts_messages=False)
    response = client_as(world["outsider"]).post(reverse("initiatives:contact", args=[initiative.public_id]), MESSAGE)
    assert response.status_code == 400
    assert not InitiativeMessage.objects.exists()


def test_withdrawn_initiative_receives_nothing(client_as, world):
    initiative = _initiative(world, withdrawn=True)
    response = client_as(world["outsider"]).post(reverse("initiatives:contact", args=[initiative.public_id]), MESSAGE)
    assert response.status_code == 404
    assert not InitiativeMessage.objects.exists()
