"""A member declares « Nous l’utilisons » or « Ça nous intéresse » for their organisation; nobody else can."""

import pytest

from catalogue import services
from catalogue.models import Adoption
from tests.accounts.factories import MembershipFactory, StaffUserFactory
from tests.catalogue.factories import AdoptionFactory, ServiceFactory


def declare(client, service, organisation, status="interesse"):
    return client.post(
        f"/catalogue/{service.slug}/declarer/", {"organisation": str(organisation.public_id), "status": status}
    )


def test_member_declares_interest_and_sees_the_organisation_among_adopters(client, themes):
    service = ServiceFactory()
    membership = MembershipFactory(organisation__name="Aurillac")
    client.force_login(membership.user)
    response = declare(client, service, membership.organisation)
    assert response.status_code == 302
    adoption = Adoption.objects.get()
    assert (adoption.organisation, adoption.status, adoption.declared_by) == (
        membership.organisation,
        "interesse",
        membership.user,
    )
    service.refresh_from_db()
    assert service.adopter_count == 1
    page = client.get(response["Location"].split("#")[0]).text
    assert "C’est noté : Aurillac" in page
    assert "Aurillac" in page
    assert "Ça nous intéresse" in page


def test_member_changes_the_declaration_then_withdraws_it(client, themes):
    service = ServiceFactory()
    membership = MembershipFactory()
    client.force_login(membership.user)
    declare(client, service, membership.organisation, "interesse")
    declare(client, service, membership.organisation, "utilise")
    assert Adoption.objects.get().status == "utilise"
    response = client.post(
        f"/catalogue/{service.slug}/retirer/", {"organisation": str(membership.organisation.public_id)}
    )
    assert response.status_code == 302
    assert not Adoption.objects.exists()
    service.refresh_from_db()
    assert service.adopter_count == 0


def test_anonymous_visitor_is_sent_to_the_login_page(client, themes):
    service = ServiceFactory()
    organisation = MembershipFactory().organisation
    response = declare(client, service, organisation)
    assert response.status_code == 302
    assert "/compte/login/" in response["Location"]
    assert not Adoption.objects.exists()


@pytest.mark.parametrize("who", ["outsider", "staff"])
def test_non_member_cannot_declare_for_the_organisation(client, themes, who):
    service = ServiceFactory()
    organisation = MembershipFactory().organisation
    person = (
        MembershipFactory().user
        if who == "outsider"
        else StaffUserFactory(scope_departements=[organisation.departement])
    )
    client.force_login(person)
    assert declare(client, service, organisation).status_code == 403
    assert (
        client.post(f"/catalogue/{service.slug}/retirer/", {"organisation": str(organisation.public_id)}).status_code
        == 403
    )
    assert not Adoption.objects.exists()


def test_outsider_cannot_withdraw_another_organisations_declaration(client, themes):
    adoption = AdoptionFactory()
    client.force_login(MembershipFactory().user)
    response = client.post(
        f"/catalogue/{adoption.service.slug}/retirer/", {"organisation": str(adoption.organisation.public_id)}
    )
    assert response.status_code == 403
    assert Adoption.objects.filter(pk=adoption.pk).exists()


def test_an_invalid_status_changes_nothing_and_explains(client, themes):
    service = ServiceFactory()
    membership = MembershipFactory()
    client.force_login(membership.user)
    response = declare(client, service, membership.organisation, status="peut-etre")
    assert response.status_code == 302
    assert not Adoption.objects.exists()
    assert "Choisissez « Nous l’utilisons » ou « Ça nous intéresse »." in client.get(service.get_absolute_url()).text


def test_unpublished_service_cannot_be_declared(client, themes):
    service = ServiceFactory(unpublished=True)
    membership = MembershipFactory()
    client.force_login(membership.user)
    assert declare(client, service, membership.organisation).status_code == 404


def test_service_refuses_a_declaration_by_a_non_member(themes):
    service = ServiceFactory()
    organisation = MembershipFactory().organisation
    with pytest.raises(services.AdoptionError, match="membre"):
        services.declare_adoption(
            service=service, organisation=organisation, status="utilise", declared_by=MembershipFactory().user
        )
