"""A collectivité not (or no longer) confirmed by ANCT may declare services, but nothing of it is public.

Until ANCT confirms it: its declarations are recorded but neither listed on the service page nor counted in
the catalogue's figures and facets, and its members cannot write to the other collectivités. The relay's
limits hold per organisation as well as per person.
"""

import pytest
from django.core import mail
from django.test import TestCase

from accounts import services as accounts_services
from catalogue import services
from catalogue.models import AdopterMessage, Adoption, Service
from tests.accounts.factories import MembershipFactory, StaffUserFactory
from tests.catalogue.factories import AdoptionFactory, ServiceFactory
from tests.territories.factories import CommuneFactory, ProgrammeFactory

MESSAGE = {
    "subject": "Mutualiser l’hébergement",
    "body": "Bonjour, nous cherchons des partenaires pour héberger ce service ensemble.",
}
PENDING_NOTICE = "apparaîtra dans la liste des collectivités utilisatrices dès que l’ANCT aura confirmé"


def declare(client, service, organisation, status="utilise"):
    return client.post(
        f"/catalogue/{service.slug}/declarer/", {"organisation": str(organisation.public_id), "status": status}
    )


def write(client, service, organisation):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(
            f"/catalogue/{service.slug}/ecrire/", {"organisation": str(organisation.public_id), **MESSAGE}
        )


@pytest.fixture
def programme():
    return ProgrammeFactory(slug="petites-villes-de-demain", name="Petites Villes de Demain")


def _pending_member(programme=None, name="Marseille"):
    commune = CommuneFactory(name=name)
    if programme is not None:
        programme.communes.add(commune)
    return MembershipFactory(organisation__pending=True, organisation__commune=commune, role="referent")


@pytest.mark.parametrize("status", ["pending", "rejected"])
def test_declaration_of_an_unconfirmed_organisation_is_recorded_but_not_public(client, themes, programme, status):
    service = ServiceFactory(name="Decidim")
    membership = _pending_member(programme)
    client.force_login(membership.user)
    response = declare(client, service, membership.organisation)
    assert response.status_code == 302
    assert Adoption.objects.filter(service=service, organisation=membership.organisation).exists()
    own_page = client.get(service.get_absolute_url()).text
    assert PENDING_NOTICE in own_page
    if status == "rejected":
        membership.organisation.status = "rejected"
        membership.organisation.save()
        services.refresh_adopter_counts(service_ids=[service.pk])

    service.refresh_from_db()
    assert service.adopter_count == 0
    assert not service.adopter_programmes.exists()
    client.logout()
    public_page = client.get(service.get_absolute_url()).text
    assert "Marseille" not in public_page
    assert "Aucune collectivité n’a encore déclaré ce service." in public_page
    listing = client.get("/catalogue/").text
    assert "1 collectivité" not in listing
    assert "Petites Villes de Demain (1)" not in client.get("/catalogue/?programme=petites-villes-de-demain").text


def test_unconfirmed_organisation_cannot_write_to_the_other_adopters(client, themes):
    service = ServiceFactory(name="Decidim")
    other = MembershipFactory(organisation__name="Aurillac", user__email="agent@aurillac.example.fr")
    AdoptionFactory(service=service, organisation=other.organisation)
    sender = _pending_member()
    AdoptionFactory(service=service, organisation=sender.organisation, declared_by=sender.user)
    client.force_login(sender.user)
    page = client.get(service.get_absolute_url()).text
    assert "Envoyer le message" not in page
    assert "Vous pourrez écrire aux autres collectivités dès que l’ANCT aura confirmé" in page

    response = write(client, service, sender.organisation)
    assert response.status_code == 200
    assert "Vous pourrez écrire aux autres collectivités dès que l’ANCT aura confirmé" in response.text
    assert mail.outbox == []
    assert not AdopterMessage.objects.exists()
    with pytest.raises(services.ContactError, match="dès que l’ANCT aura confirmé"):
        services.contact_adopters(
            service=service, sender=sender.user, organisation=sender.organisation, subject="Objet", body="x" * 30
        )


def test_members_of_unconfirmed_organisations_receive_no_relayed_message(client, themes):
    service = ServiceFactory()
    sender = MembershipFactory()
    AdoptionFactory(service=service, organisation=sender.organisation)
    confirmed = MembershipFactory(user__email="agent@confirmee.example.fr")
    AdoptionFactory(service=service, organisation=confirmed.organisation)
    pending = _pending_member(name="En attente")
    AdoptionFactory(service=service, organisation=pending.organisation)
    client.force_login(sender.user)
    assert write(client, service, sender.organisation).status_code == 302
    assert [message.to for message in mail.outbox] == [["agent@confirmee.example.fr"]]


def test_confirmation_publishes_the_declarations_and_refreshes_the_cached_catalogue(client, themes, programme):
    service = ServiceFactory(name="Decidim")
    membership = _pending_member(programme)
    services.declare_adoption(
        service=service, organisation=membership.organisation, status="utilise", declared_by=membership.user
    )
    before = client.get("/catalogue/").text  # rendered and cached while the collectivité is pending
    assert "1 collectivité" not in before
    assert "Petites Villes de Demain (1)" not in before

    staff = StaffUserFactory(scope_departements=[membership.organisation.departement])
    accounts_services.confirm_organisation(organisation=membership.organisation, confirmed_by=staff)

    service.refresh_from_db()
    assert service.adopter_count == 1
    after = client.get("/catalogue/").text
    assert "1 collectivité" in after
    assert "Petites Villes de Demain (1)" in after
    assert "Marseille" in client.get(service.get_absolute_url()).text


def test_relay_limits_hold_per_organisation_whatever_the_number_of_accounts(client, themes):
    service = ServiceFactory()
    first = MembershipFactory(organisation__name="Aurillac")
    second = MembershipFactory(organisation=first.organisation)
    AdoptionFactory(service=service, organisation=first.organisation)
    other = MembershipFactory()
    AdoptionFactory(service=service, organisation=other.organisation)
    client.force_login(first.user)
    for _ in range(services.MESSAGES_PER_SERVICE_PER_DAY):
        assert write(client, service, first.organisation).status_code == 302
    client.force_login(second.user)
    response = write(client, service, first.organisation)
    assert response.status_code == 200
    assert "Réessayez demain" in response.text
    assert AdopterMessage.objects.count() == services.MESSAGES_PER_SERVICE_PER_DAY


def test_daily_limit_of_an_organisation_counts_every_service_and_member(themes):
    organisation = MembershipFactory().organisation
    colleagues = [MembershipFactory(organisation=organisation).user for _ in range(3)]
    service = ServiceFactory()
    AdoptionFactory(service=service, organisation=organisation)
    AdoptionFactory(service=service, organisation=MembershipFactory().organisation)
    for index in range(services.MESSAGES_PER_ORGANISATION_PER_DAY):
        AdopterMessage.objects.create(
            service=ServiceFactory(),
            sender=colleagues[index % 2],
            organisation=organisation,
            subject="Objet",
            body="Un message déjà envoyé.",
        )
    with pytest.raises(services.ContactError, match="Votre collectivité"):
        services.contact_adopters(
            service=service, sender=colleagues[2], organisation=organisation, subject="Objet", body="x" * 30
        )
    assert not AdopterMessage.objects.filter(service=service).exists()


def test_refresh_counts_only_confirmed_adopters(themes):
    service = ServiceFactory()
    AdoptionFactory(service=service)
    AdoptionFactory(service=service, organisation=_pending_member(name="A").organisation)
    assert Service.objects.get(pk=service.pk).adopter_count == 1
