"""The experts directory (national administrators, in the admin) and mobilising an expert (who, when, why)."""

import pytest
from django.urls import reverse

from assistance import services
from assistance.enums import RequestStatus
from assistance.models import Expert, Mobilisation
from tests.accounts.factories import StaffUserFactory, login_with_second_factor
from tests.assistance.factories import AssistanceRequestFactory, ExpertFactory
from tests.journeys.factories import ThemeFactory


def test_national_administrators_add_an_expert_in_the_admin(client):
    login_with_second_factor(client, StaffUserFactory(is_superuser=True))
    theme = ThemeFactory()
    response = client.post(
        reverse("admin:assistance_expert_add"),
        {
            "name": "Banque des Territoires — Nouvelle-Aquitaine",
            "kind": "organisme",
            "organisation": "Banque des Territoires",
            "email": "na@banquedesterritoires.example.fr",
            "phone": "",
            "description": "Financement de l’ingénierie.",
            "is_active": "on",
            "themes": [theme.pk],
            "is_national": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Expert.objects.get().themes.get() == theme


def test_a_chargé_de_mission_does_not_manage_experts_in_the_admin(client, world):
    login_with_second_factor(client, world["staff_in"])
    assert client.get(reverse("admin:assistance_expert_changelist")).status_code == 403


def test_a_mobilised_expert_cannot_be_deleted(client, world):
    expert = ExpertFactory()
    Mobilisation.objects.create(
        request=AssistanceRequestFactory(project__organisation=world["org"], accepted=True), expert=expert, reason="x"
    )
    login_with_second_factor(client, StaffUserFactory(is_superuser=True))
    assert client.get(reverse("admin:assistance_expert_delete", args=[expert.pk])).status_code == 403


def test_the_espace_directory_shows_the_experts_of_the_scope(client_as, world):
    ExpertFactory(name="Experte nationale", is_national=True)
    local = ExpertFactory(name="Agence locale", is_national=False)
    local.departements.add(world["org"].departement)
    far = ExpertFactory(name="Experte lointaine", is_national=False)
    far.departements.add(world["other_org"].departement)
    ExpertFactory(name="Experte partie", is_active=False)
    page = client_as(world["staff_in"]).get(reverse("espace:expert_list")).content.decode()
    assert "Experte nationale" in page
    assert "Agence locale" in page
    assert "Experte lointaine" not in page
    assert "Experte partie" not in page


@pytest.fixture
def accepted(world):
    return AssistanceRequestFactory(project__organisation=world["org"], accepted=True)


def test_a_mobilisation_records_who_when_and_why(world, accepted):
    expert = ExpertFactory()
    mobilisation = services.mobilise_expert(
        request=accepted, user=world["staff_in"], expert=expert, reason="Connaît les marchés publics."
    )
    assert mobilisation.mobilised_by == world["staff_in"]
    assert mobilisation.mobilised_at is not None
    assert mobilisation.reason == "Connaît les marchés publics."
    accepted.refresh_from_db()
    assert accepted.status == RequestStatus.EXPERTS_MOBILISED
    assert [event.kind for event in accepted.events.all()] == ["mobilisation", "statut"]


def test_a_second_expert_keeps_the_status_and_the_same_expert_is_not_mobilised_twice(world, accepted):
    first, second = ExpertFactory(), ExpertFactory()
    services.mobilise_expert(request=accepted, user=world["staff_in"], expert=first, reason="Données.")
    services.mobilise_expert(request=accepted, user=world["staff_in"], expert=second, reason="Juridique.")
    with pytest.raises(services.MobilisationError, match="déjà mobilisé"):
        services.mobilise_expert(request=accepted, user=world["staff_in"], expert=first, reason="Encore.")
    assert accepted.mobilisations.count() == 2


@pytest.mark.parametrize("status", [RequestStatus.SUBMITTED, RequestStatus.REVIEWING, RequestStatus.CLOSED])
def test_experts_are_mobilised_on_accepted_requests_only(world, status):
    found = AssistanceRequestFactory(project__organisation=world["org"], status=status, outcome="Fait.")
    with pytest.raises(services.MobilisationError, match="demande acceptée"):
        services.mobilise_expert(request=found, user=world["staff_in"], expert=ExpertFactory(), reason="x")
    assert not found.mobilisations.exists()


def test_an_inactive_expert_or_an_empty_reason_is_refused(world, accepted):
    with pytest.raises(services.MobilisationError, match="plus mobilisable"):
        services.mobilise_expert(
            request=accepted, user=world["staff_in"], expert=ExpertFactory(is_active=False), reason="x"
        )
    with pytest.raises(services.MobilisationError, match="obligatoire"):
        services.mobilise_expert(request=accepted, user=world["staff_in"], expert=ExpertFactory(), reason="  ")
    assert not accepted.mobilisations.exists()


def test_staff_of_another_département_cannot_mobilise(world, accepted):
    with pytest.raises(services.NotAllowedError):
        services.mobilise_expert(request=accepted, user=world["staff_out"], expert=ExpertFactory(), reason="x")
