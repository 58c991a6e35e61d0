"""RGPD: download my data as JSON, delete my account (anonymised, not erased)."""

import json

from allauth.account.models import EmailAddress
from django.urls import reverse

from accounts import rgpd
from accounts.enums import Role
from accounts.models import JoinRequest, Membership, User
from tests.accounts.factories import JoinRequestFactory, MembershipFactory, OrganisationFactory, UserFactory


def test_person_downloads_profile_memberships_and_requests_as_json(client):
    user = UserFactory(first_name="Claire", job_title="Maire")
    membership = MembershipFactory(user=user, role=Role.REFERENT)
    request = JoinRequestFactory(user=user, message="Bonjour")
    client.force_login(user)
    response = client.get(reverse("accounts:data_export"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["profil"]["adresse_electronique"] == user.email
    assert data["profil"]["fonction"] == "Maire"
    assert data["rattachements"] == [
        {
            "collectivite": membership.organisation.name,
            "type": "commune",
            "role": "référent",
            "depuis_le": membership.created_at.isoformat(),
        }
    ]
    assert data["demandes_de_rattachement"][0]["collectivite"] == request.organisation.name
    assert data["demandes_de_rattachement"][0]["message"] == "Bonjour"


def test_other_apps_register_their_own_section(client):
    @rgpd.register_exporter(name="essai")
    def _projects(user):
        return [{"titre": f"Projet de {user.first_name}"}]

    try:
        user = UserFactory(first_name="Léa")
        client.force_login(user)
        data = json.loads(client.get(reverse("accounts:data_export")).content)
        assert data["essai"] == [{"titre": "Projet de Léa"}]
    finally:
        rgpd._EXPORTERS.pop("essai")


def test_person_deletes_the_account_which_is_anonymised(client):
    user = UserFactory(first_name="Claire", last_name="Martin")
    organisation = OrganisationFactory()
    MembershipFactory(user=user, organisation=organisation)
    JoinRequestFactory(user=user)
    client.force_login(user)
    response = client.post(reverse("accounts:account_delete"), {"confirmation": user.email.upper()})
    assert response.status_code == 302
    anonymised = User.objects.get(pk=user.pk)
    assert str(anonymised) == "Utilisateur supprimé"
    assert not anonymised.is_active
    assert not anonymised.has_usable_password()
    assert "Claire" not in anonymised.email
    assert not Membership.objects.filter(user=user).exists()
    assert not JoinRequest.objects.filter(user=user).exists()
    assert not EmailAddress.objects.filter(user=user).exists()
    assert "_auth_user_id" not in client.session


def test_wrong_confirmation_deletes_nothing(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("accounts:account_delete"), {"confirmation": "autre@example.fr"})
    assert response.status_code == 200
    assert "L’adresse saisie ne correspond pas à celle de votre compte." in response.content.decode()
    assert User.objects.get(pk=user.pk).is_active


def test_last_referent_of_an_organisation_with_members_cannot_delete_the_account(client):
    organisation = OrganisationFactory(name="Montbrison")
    referent = MembershipFactory(organisation=organisation, role=Role.REFERENT).user
    MembershipFactory(organisation=organisation)
    client.force_login(referent)
    response = client.post(reverse("accounts:account_delete"), {"confirmation": referent.email})
    assert response.status_code == 200
    assert "Vous êtes le dernier référent de « Montbrison »" in response.content.decode()
    assert User.objects.get(pk=referent.pk).is_active
    assert Membership.objects.filter(user=referent).exists()


def test_sole_member_referent_may_delete_the_account(client):
    referent = MembershipFactory(role=Role.REFERENT).user
    client.force_login(referent)
    response = client.post(reverse("accounts:account_delete"), {"confirmation": referent.email})
    assert response.status_code == 302
    assert not User.objects.get(pk=referent.pk).is_active
