"""The ANCT back-office: staff see and confirm only the organisations of their territory."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts.enums import OrganisationStatus, Role
from accounts.models import Organisation
from tests.accounts.factories import (
    MembershipFactory,
    OrganisationFactory,
    StaffUserFactory,
    UserFactory,
    login_with_second_factor,
)


@pytest.fixture
def two_pending(db):
    inside = OrganisationFactory(pending=True, name="Commune dedans")
    outside = OrganisationFactory(pending=True, name="Commune dehors")
    return inside, outside


def test_staff_sees_only_the_organisations_of_their_scope(client, two_pending):
    inside, outside = two_pending
    staff = StaffUserFactory(scope_departements=[inside.departement])
    login_with_second_factor(client, staff)
    response = client.get(reverse("admin:accounts_organisation_changelist"))
    html = response.content.decode()
    assert "Commune dedans" in html
    assert "Commune dehors" not in html
    change = reverse("admin:accounts_organisation_change", args=[outside.pk])
    assert client.get(change).status_code == 302  # the admin sends an object it cannot see back to the index


def test_staff_searches_by_insee_code_and_filters_by_status(client, two_pending):
    inside, _outside = two_pending
    staff = StaffUserFactory(scope_departements=[inside.departement])
    login_with_second_factor(client, staff)
    url = reverse("admin:accounts_organisation_changelist")
    assert "Commune dedans" in client.get(url, {"q": inside.commune.insee_code}).content.decode()
    assert "Commune dedans" in client.get(url, {"status__exact": "pending"}).content.decode()
    assert "Commune dedans" in client.get(url, {"departement": inside.departement_id}).content.decode()


def test_staff_confirms_a_pending_organisation_and_the_referent_is_emailed(
    client, two_pending, django_capture_on_commit_callbacks
):
    inside, outside = two_pending
    referent = MembershipFactory(organisation=inside, role=Role.REFERENT).user
    staff = StaffUserFactory(scope_departements=[inside.departement])
    login_with_second_factor(client, staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:accounts_organisation_changelist"),
            {"action": "confirm_organisations", "_selected_action": [inside.pk, outside.pk]},
        )
    assert response.status_code == 302
    assert Organisation.objects.get(pk=inside.pk).status == OrganisationStatus.CONFIRMED
    assert Organisation.objects.get(pk=inside.pk).confirmed_by == staff
    assert Organisation.objects.get(pk=outside.pk).status == OrganisationStatus.PENDING
    assert [message.to for message in mail.outbox] == [[referent.email]]
    assert "L’ANCT a confirmé l’inscription" in mail.outbox[0].body


def test_superuser_sees_every_organisation(client, two_pending):
    superuser = UserFactory(is_staff=True, is_superuser=True)
    login_with_second_factor(client, superuser)
    html = client.get(reverse("admin:accounts_organisation_changelist")).content.decode()
    assert "Commune dedans" in html
    assert "Commune dehors" in html


@pytest.mark.parametrize(
    "name",
    [
        "admin:accounts_user_changelist",
        "admin:accounts_membership_changelist",
        "admin:accounts_joinrequest_changelist",
        "admin:accounts_staffscope_changelist",
    ],
)
def test_superuser_opens_every_accounts_list(client, name):
    superuser = UserFactory(is_staff=True, is_superuser=True)
    MembershipFactory()
    login_with_second_factor(client, superuser)
    assert client.get(reverse(name)).status_code == 200


def test_staff_opens_an_organisation_of_their_scope_with_its_members(client, two_pending):
    inside, _outside = two_pending
    member = MembershipFactory(organisation=inside).user
    staff = StaffUserFactory(scope_departements=[inside.departement])
    login_with_second_factor(client, staff)
    response = client.get(reverse("admin:accounts_organisation_change", args=[inside.pk]))
    assert response.status_code == 200
    assert str(member) in response.content.decode()
