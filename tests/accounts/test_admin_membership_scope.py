"""Memberships and join requests in the back-office: a chargé de mission never grants rights outside their scope."""

import json

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from accounts.enums import JoinRequestStatus, Role
from accounts.models import Membership
from catalogue.models import Adoption
from tests.accounts.factories import (
    JoinRequestFactory,
    MembershipFactory,
    UserFactory,
    login_with_second_factor,
)
from tests.catalogue.factories import AdoptionFactory


def _rows(model, **filters):
    return sorted(model.objects.filter(**filters).values_list("pk", "user_id", "organisation_id", "role"))


def test_staff_cannot_make_an_outsider_referent_of_another_collectivite(client, world):
    membership = MembershipFactory(organisation=world["org"], role=Role.AGENT)
    stranger = UserFactory()
    before = _rows(Membership)
    login_with_second_factor(client, world["staff_in"])
    response = client.post(
        reverse("admin:accounts_membership_change", args=[membership.pk]),
        {"user": stranger.pk, "organisation": world["other_org"].pk, "role": Role.REFERENT},
    )
    assert response.status_code == 403
    assert _rows(Membership) == before
    assert not Membership.objects.filter(user=stranger).exists()


def test_staff_sees_a_membership_of_their_scope_read_only(client, world):
    membership = MembershipFactory(organisation=world["org"], role=Role.AGENT)
    login_with_second_factor(client, world["staff_in"])
    page = client.get(reverse("admin:accounts_membership_change", args=[membership.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert str(membership.user) in html
    assert 'name="user"' not in html
    assert 'name="organisation"' not in html


def test_staff_cannot_move_a_join_request_to_another_collectivite_or_decide_it_by_hand(client, world):
    join_request = JoinRequestFactory(organisation=world["org"])
    login_with_second_factor(client, world["staff_in"])
    page = client.get(reverse("admin:accounts_joinrequest_change", args=[join_request.pk]))
    assert page.status_code == 200
    assert 'name="organisation"' not in page.content.decode()
    response = client.post(
        reverse("admin:accounts_joinrequest_change", args=[join_request.pk]),
        {
            "user": UserFactory().pk,
            "organisation": world["other_org"].pk,
            "role": Role.REFERENT,
            "message": "",
            "status": JoinRequestStatus.APPROVED,
        },
    )
    assert response.status_code == 403
    join_request.refresh_from_db()
    assert (join_request.user_id, join_request.organisation_id, join_request.role, join_request.status) == (
        join_request.user_id,
        world["org"].pk,
        Role.AGENT,
        JoinRequestStatus.PENDING,
    )


def test_superuser_decides_join_requests_through_the_actions_only(client, world):
    join_request = JoinRequestFactory(organisation=world["org"])
    login_with_second_factor(client, UserFactory(is_staff=True, is_superuser=True))
    page = client.get(reverse("admin:accounts_joinrequest_change", args=[join_request.pk]))
    assert page.status_code == 200
    assert 'name="status"' not in page.content.decode()


def test_staff_granted_model_permissions_still_chooses_only_organisations_of_their_scope(client, world):
    """Django permissions given by a superuser (a group) never widen the territory a chargé de mission covers."""
    adoption = AdoptionFactory(organisation=world["org"])
    staff = world["staff_in"]
    staff.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="catalogue", codename__in=["view_adoption", "change_adoption"]
        )
    )
    login_with_second_factor(client, staff)
    url = reverse("admin:catalogue_adoption_change", args=[adoption.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "service": adoption.service_id,
            "organisation": world["other_org"].pk,
            "status": adoption.status,
            "declared_by": "",
        },
    )
    assert response.status_code == 200  # the form comes back with an error
    assert "Sélectionnez un choix valide" in response.content.decode()
    adoption.refresh_from_db()
    assert adoption.organisation == world["org"]
    assert Adoption.objects.filter(organisation=world["other_org"]).count() == 0


@pytest.mark.parametrize(
    ("model_name", "field_name"),
    [
        ("membership", "organisation"),
        ("joinrequest", "organisation"),
        ("membership", "user"),
        ("adoption", "organisation"),
    ],
)
def test_autocomplete_offers_only_rows_of_the_scope(client, world, model_name, field_name):
    app_label = "catalogue" if model_name == "adoption" else "accounts"
    MembershipFactory(organisation=world["other_org"], role=Role.AGENT, user__last_name="Dehors")
    MembershipFactory(organisation=world["org"], role=Role.AGENT, user__last_name="Dedans")
    login_with_second_factor(client, world["staff_in"])
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": app_label, "model_name": model_name, "field_name": field_name, "term": ""},
    )
    assert response.status_code == 200
    texts = [item["text"] for item in json.loads(response.content)["results"]]
    assert texts
    assert world["other_org"].name not in texts
    assert world["outsider"].get_full_name() not in texts
    assert not any("Dehors" in text for text in texts)


def test_raw_id_lookup_popup_lists_only_organisations_of_the_scope(client, world):
    login_with_second_factor(client, world["staff_in"])
    response = client.get(reverse("admin:accounts_organisation_changelist"), {"_to_field": "id", "_popup": 1})
    assert response.status_code == 200
    html = response.content.decode()
    assert world["org"].name in html
    assert world["other_org"].name not in html
