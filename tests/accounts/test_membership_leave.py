"""« Quitter la collectivité » from « Mon compte »: a confirmation, then the référents are told."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts import services
from accounts.enums import Role
from accounts.models import Membership
from tests.accounts.factories import MembershipFactory, OrganisationFactory, StaffUserFactory, UserFactory


@pytest.fixture
def team(db):
    organisation = OrganisationFactory(name="Ribeauvillé")
    referent = MembershipFactory(organisation=organisation, role=Role.REFERENT).user
    member = MembershipFactory(
        organisation=organisation, role=Role.AGENT, user__first_name="Paul", user__last_name="Henry"
    ).user
    return organisation, referent, member


def _url(organisation):
    return reverse("accounts:membership_leave", kwargs={"public_id": organisation.public_id})


def test_member_is_offered_to_leave_from_the_profile(client, team):
    organisation, _referent, member = team
    client.force_login(member)
    html = client.get(reverse("accounts:profile")).content.decode()
    assert _url(organisation) in html


def test_member_sees_a_confirmation_page_and_nothing_changes_on_get(client, team):
    organisation, _referent, member = team
    client.force_login(member)
    response = client.get(_url(organisation))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Quitter «&nbsp;Ribeauvillé&nbsp;»" in html
    assert "vous n’aurez plus accès à ses projets" in html
    assert Membership.objects.filter(organisation=organisation, user=member).exists()


def test_member_leaves_and_the_referents_are_emailed(client, team, django_capture_on_commit_callbacks):
    organisation, referent, member = team
    quiet = MembershipFactory(organisation=organisation, role=Role.REFERENT, user__wants_notifications=False).user
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(organisation), follow=True)
    assert response.redirect_chain[-1][0] == reverse("accounts:profile")
    assert "Vous avez quitté « Ribeauvillé » : vous n’avez plus accès à ses projets" in response.content.decode()
    assert not Membership.objects.filter(organisation=organisation, user=member).exists()
    assert [message.to for message in mail.outbox] == [[referent.email]]
    assert quiet.email not in mail.outbox[0].to
    assert "Paul Henry (Chargée de mission numérique) a quitté l’espace de Ribeauvillé" in mail.outbox[0].body


def test_last_referent_with_other_members_cannot_leave(client, team, django_capture_on_commit_callbacks):
    organisation, referent, _member = team
    client.force_login(referent)
    page = client.get(_url(organisation)).content.decode()
    assert "Vous êtes le dernier référent de «&nbsp;Ribeauvillé&nbsp;», qui compte d’autres membres" in page
    assert reverse("accounts:member_list", kwargs={"public_id": organisation.public_id}) in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(organisation))
    assert response.status_code == 200
    assert "nommez d’abord un autre référent depuis la page « Membres »" in response.content.decode()
    assert Membership.objects.get(organisation=organisation, user=referent).role == Role.REFERENT
    assert Membership.objects.filter(organisation=organisation).count() == 2
    assert mail.outbox == []


def test_referent_leaves_once_another_referent_is_named(client, team, django_capture_on_commit_callbacks):
    organisation, referent, member = team
    services.change_member_role(organisation=organisation, member=member, role=Role.REFERENT)
    client.force_login(referent)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(organisation))
    assert response.status_code == 302
    assert list(Membership.objects.filter(organisation=organisation).values_list("user", "role")) == [
        (member.pk, Role.REFERENT)
    ]
    assert [message.to for message in mail.outbox] == [[member.email]]


def test_sole_member_leaves_and_later_requests_go_to_the_anct_staff(client, db, django_capture_on_commit_callbacks):
    organisation = OrganisationFactory()
    alone = MembershipFactory(organisation=organisation, role=Role.REFERENT).user
    staff = StaffUserFactory(scope_departements=[organisation.departement])
    client.force_login(alone)
    assert "vous êtes sa dernière personne membre" in client.get(_url(organisation)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(_url(organisation)).status_code == 302
    assert not Membership.objects.filter(organisation=organisation).exists()
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        services.request_to_join(user=UserFactory(), organisation=organisation, role=Role.AGENT)
    assert [message.to for message in mail.outbox] == [[staff.email]]
    assert "Cette collectivité n’a plus de référent" in mail.outbox[0].body


@pytest.mark.parametrize("method", ["get", "post"])
def test_outsider_gets_404_and_nothing_changes(client, team, method):
    organisation, _referent, _member = team
    client.force_login(MembershipFactory().user)
    assert getattr(client, method)(_url(organisation)).status_code == 404
    assert Membership.objects.filter(organisation=organisation).count() == 2


def test_covering_staff_who_is_not_a_member_gets_404(client, team):
    organisation, _referent, _member = team
    client.force_login(StaffUserFactory(scope_departements=[organisation.departement]))
    assert client.post(_url(organisation)).status_code == 404
    assert Membership.objects.filter(organisation=organisation).count() == 2
