"""A collectivité's territory comes from the referential: the back-office never moves it elsewhere."""

from django.urls import reverse

from accounts.models import Organisation
from tests.accounts.factories import UserFactory, login_with_second_factor
from tests.territories.factories import CommuneFactory


def _placement(organisation):
    organisation.refresh_from_db()
    return (
        organisation.kind,
        organisation.commune_id,
        organisation.epci_id,
        organisation.departement_territory_id,
        organisation.region_territory_id,
        organisation.departement_id,
        organisation.region_id,
    )


def test_staff_cannot_move_a_collectivite_out_of_their_territory(client, world):
    org, other = world["org"], world["other_org"]
    before = _placement(org)
    login_with_second_factor(client, world["staff_in"])
    url = reverse("admin:accounts_organisation_change", args=[org.pk])
    page = client.get(url).content.decode()
    for field in ["kind", "commune", "epci", "departement", "region", "departement_territory", "region_territory"]:
        assert f'name="{field}"' not in page, field
    response = client.post(
        url,
        {
            "name": "Nouveau nom",
            "kind": "commune",
            "commune": org.commune_id,
            "departement": other.departement_id,
            "region": other.region_id,
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    assert _placement(org) == before
    assert Organisation.objects.get(pk=org.pk).name == "Nouveau nom"
    assert not Organisation.objects.filter(pk=org.pk, departement=other.departement_id).exists()


def test_superuser_never_types_departement_or_region_they_follow_the_commune(client, world):
    org = world["org"]
    new_commune = CommuneFactory()
    login_with_second_factor(client, UserFactory(is_staff=True, is_superuser=True))
    url = reverse("admin:accounts_organisation_change", args=[org.pk])
    page = client.get(url).content.decode()
    assert 'name="departement"' not in page
    assert 'name="region"' not in page
    response = client.post(
        url,
        {
            "name": org.name,
            "commune": new_commune.pk,
            "departement": world["other_org"].departement_id,
            "region": world["other_org"].region_id,
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    org.refresh_from_db()
    assert (org.commune_id, org.departement_id, org.region_id) == (
        new_commune.pk,
        new_commune.departement_id,
        new_commune.region_id,
    )


def test_superuser_gets_a_french_error_when_a_collectivite_would_have_two_territories(client, world):
    org = world["org"]
    before = _placement(org)
    login_with_second_factor(client, UserFactory(is_staff=True, is_superuser=True))
    response = client.post(
        reverse("admin:accounts_organisation_change", args=[org.pk]),
        {
            "name": org.name,
            "commune": org.commune_id,
            "departement_territory": world["other_org"].commune.departement.pk,
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "Choisissez un seul territoire" in response.content.decode()
    assert _placement(org) == before


def test_superuser_adds_a_collectivite_placed_by_its_territory(client, db):
    commune = CommuneFactory()
    login_with_second_factor(client, UserFactory(is_staff=True, is_superuser=True))
    response = client.post(
        reverse("admin:accounts_organisation_add"),
        {
            "name": "Mairie de test",
            "commune": commune.pk,
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get(commune=commune)
    assert (organisation.kind, organisation.departement_id, organisation.region_id) == (
        "commune",
        commune.departement_id,
        commune.region_id,
    )
