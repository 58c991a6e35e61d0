"""« Mon compte »: organisations, roles, pending requests, notification preference."""

from django.urls import reverse

from accounts.enums import JoinRequestStatus, Role
from accounts.models import JoinRequest
from tests.accounts.factories import JoinRequestFactory, MembershipFactory, OrganisationFactory, UserFactory


def test_person_sees_organisations_roles_and_pending_requests(client, django_assert_max_num_queries):
    user = UserFactory()
    referent_of = MembershipFactory(user=user, role=Role.REFERENT, organisation=OrganisationFactory(pending=True))
    MembershipFactory(user=user, role=Role.ELU)
    pending = JoinRequestFactory(user=user)
    refused = OrganisationFactory(rejected=True, created_by=user)
    client.force_login(user)
    with django_assert_max_num_queries(9):
        response = client.get(reverse("accounts:profile"))
    html = response.content.decode()
    assert referent_of.organisation.name in html
    assert "en attente de confirmation par l’ANCT" in html
    assert "élu" in html
    assert reverse("accounts:member_list", kwargs={"public_id": referent_of.organisation.public_id}) in html
    assert pending.organisation.name in html
    assert f"<strong>{refused.name}</strong>" in html
    assert "Télécharger mes données" in html
    assert "Supprimer mon compte" in html


def test_person_cancels_a_pending_request(client):
    join_request = JoinRequestFactory()
    client.force_login(join_request.user)
    response = client.post(reverse("accounts:join_request_cancel", kwargs={"public_id": join_request.public_id}))
    assert response.status_code == 302
    assert JoinRequest.objects.get(pk=join_request.pk).status == JoinRequestStatus.CANCELLED


def test_person_cannot_cancel_the_request_of_someone_else(client):
    join_request = JoinRequestFactory()
    client.force_login(UserFactory())
    response = client.post(reverse("accounts:join_request_cancel", kwargs={"public_id": join_request.public_id}))
    assert response.status_code == 404
    assert JoinRequest.objects.get(pk=join_request.pk).status == JoinRequestStatus.PENDING


def test_person_turns_notifications_off_and_on(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("accounts:notifications_update"), {}, follow=True)
    assert "Vous ne recevrez plus de notifications par courriel." in response.content.decode()
    user.refresh_from_db()
    assert not user.wants_notifications
    client.post(reverse("accounts:notifications_update"), {"wants_notifications": "on"})
    user.refresh_from_db()
    assert user.wants_notifications
