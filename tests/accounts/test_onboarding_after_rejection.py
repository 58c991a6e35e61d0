"""After ANCT refused their collectivité, a person picks another one or asks to join one; never a 500."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts import services
from accounts.enums import JoinRequestStatus, OrganisationStatus, Role
from accounts.models import JoinRequest, Membership, Organisation
from tests.accounts.factories import MembershipFactory, OrganisationFactory, StaffUserFactory, UserFactory
from tests.territories.factories import CommuneFactory

PASSWORD = "motdepasse-de-test-solide"


@pytest.fixture
def refused(db, django_capture_on_commit_callbacks):
    """Someone registered the wrong commune (a homonym); ANCT refused it."""
    wrong = CommuneFactory(name="Saint-Martin")
    referent = UserFactory()
    organisation = services.register_organisation(user=referent, territory=wrong)
    staff = StaffUserFactory(scope_departements=[organisation.departement])
    with django_capture_on_commit_callbacks(execute=True):
        services.reject_organisation(
            organisation=organisation, rejected_by=staff, reason="Ce n’est pas votre commune : choisissez la bonne."
        )
    mail.outbox.clear()
    return {"user": referent, "org": organisation, "territory": wrong}


def _confirm_url(territory):
    return reverse("accounts:onboarding_confirm") + f"?territory=commune:{territory.pk}"


def test_refused_referent_is_sent_to_onboarding_after_login(client, refused):
    response = client.post(reverse("account_login"), {"login": refused["user"].email, "password": PASSWORD})
    assert response["Location"] == reverse("accounts:onboarding")
    profile = client.get(reverse("accounts:profile")).content.decode()
    assert "Vous n’êtes rattaché à aucune collectivité." in profile


def test_refused_referent_searches_again(client, refused):
    client.force_login(refused["user"])
    response = client.get(reverse("accounts:onboarding"), {"q": "Saint-Martin"})
    assert response.status_code == 200
    assert f'value="commune:{refused["territory"].pk}"' in response.content.decode()


def test_refused_referent_picking_the_same_territory_reads_why_and_what_to_do(client, refused):
    client.force_login(refused["user"])
    response = client.get(_confirm_url(refused["territory"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Inscription refusée par l’ANCT" in html
    assert "contactez le chargé de mission ANCT de votre département" in html
    assert reverse("accounts:organisation_create") not in html
    assert reverse("accounts:join_request_create") not in html


def test_refused_territory_can_be_neither_created_nor_joined_again(client, refused):
    client.force_login(refused["user"])
    territory = f"commune:{refused['territory'].pk}"
    created = client.post(reverse("accounts:organisation_create"), {"territory": territory})
    joined = client.post(reverse("accounts:join_request_create"), {"territory": territory, "role": Role.AGENT})
    for response in (created, joined):
        assert response.status_code == 200
        assert "L’ANCT a refusé l’inscription de « Saint-Martin »" in response.content.decode()
    assert Organisation.objects.filter(commune=refused["territory"]).get().status == OrganisationStatus.REJECTED
    assert not Membership.objects.filter(user=refused["user"]).exists()
    assert not JoinRequest.objects.filter(user=refused["user"]).exists()


def test_refused_referent_registers_another_territory(client, refused):
    right = CommuneFactory(name="Saint-Martin-d’Hères")
    client.force_login(refused["user"])
    response = client.post(reverse("accounts:organisation_create"), {"territory": f"commune:{right.pk}"})
    assert response.status_code == 302
    membership = Membership.objects.select_related("organisation").get(user=refused["user"])
    assert (membership.role, membership.organisation.commune, membership.organisation.status) == (
        Role.REFERENT,
        right,
        OrganisationStatus.PENDING,
    )


def test_refused_referent_asks_to_join_an_existing_organisation(client, refused):
    existing = OrganisationFactory()
    MembershipFactory(organisation=existing, role=Role.REFERENT)
    client.force_login(refused["user"])
    response = client.post(
        reverse("accounts:join_request_create"), {"territory": f"commune:{existing.commune_id}", "role": Role.ELU}
    )
    assert response.status_code == 302
    join_request = JoinRequest.objects.get(user=refused["user"])
    assert (join_request.organisation, join_request.status) == (existing, JoinRequestStatus.PENDING)


def test_refused_referent_meets_no_error_on_any_account_page(client, refused):
    client.force_login(refused["user"])
    for name in ("accounts:profile", "accounts:onboarding", "accounts:data_export", "accounts:account_delete"):
        assert client.get(reverse(name)).status_code == 200, name
    leave = reverse("accounts:membership_leave", kwargs={"public_id": refused["org"].public_id})
    assert client.get(leave).status_code == 404
    members = reverse("accounts:member_list", kwargs={"public_id": refused["org"].public_id})
    assert client.get(members).status_code == 404
