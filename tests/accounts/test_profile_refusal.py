"""« Mon compte » tells the person who registered a collectivité that ANCT refused it, with the date and reason."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts import services
from accounts.enums import OrganisationStatus
from accounts.models import Membership, Organisation
from tests.accounts.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.territories.factories import CommuneFactory


def test_registrant_sees_the_refusal_date_reason_and_the_way_back_on_their_account(client):
    user = UserFactory()
    organisation = services.register_organisation(user=user, territory=CommuneFactory(name="Saint-Martin"))
    assert organisation.created_by == user
    services.reject_organisation(
        organisation=organisation,
        rejected_by=UserFactory(is_staff=True),
        reason="Vous n’agissez pas pour cette commune.",
    )
    Organisation.objects.filter(pk=organisation.pk).update(
        rejected_at=datetime.datetime(2026, 3, 4, 10, tzinfo=datetime.UTC)
    )
    client.force_login(user)

    response = client.get(reverse("accounts:profile"))

    html = response.content.decode()
    assert response.status_code == 200
    assert not Membership.objects.filter(user=user).exists()
    assert 'class="fr-alert fr-alert--info' in html
    assert "L’inscription de votre collectivité a été refusée par l’ANCT" in html
    assert "<strong>Saint-Martin</strong>" in html
    assert "refusée le 4 mars 2026" in html
    assert "Motif&nbsp;: «&nbsp;Vous n’agissez pas pour cette commune.&nbsp;»" in html
    assert f'href="{reverse("accounts:onboarding")}">Rejoindre ma collectivité</a>' in html


def test_member_who_did_not_register_the_collectivite_sees_no_refusal(client):
    registrant = UserFactory()
    other = MembershipFactory(organisation=OrganisationFactory(rejected=True, created_by=registrant)).user
    client.force_login(other)
    html = client.get(reverse("accounts:profile")).content.decode()
    assert "a été refusée par l’ANCT" not in html


def test_pending_or_confirmed_registrations_show_no_refusal(client):
    user = UserFactory()
    MembershipFactory(user=user, organisation=OrganisationFactory(pending=True, created_by=user))
    MembershipFactory(user=user, organisation=OrganisationFactory(created_by=user))
    client.force_login(user)
    html = client.get(reverse("accounts:profile")).content.decode()
    assert "a été refusée par l’ANCT" not in html


def test_account_page_runs_the_same_queries_with_one_or_many_refusals(client, django_assert_num_queries):
    user = UserFactory()
    OrganisationFactory(rejected=True, created_by=user, name="Première")
    client.force_login(user)
    url = reverse("accounts:profile")
    client.get(url)  # warm the session
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for index in range(3):
        OrganisationFactory(rejected=True, created_by=user, name=f"Autre {index}", rejected_at=timezone.now())
    with django_assert_num_queries(len(one.captured_queries)):
        html = client.get(url).content.decode()
    assert "L’inscription de vos collectivités a été refusée par l’ANCT" in html
    assert html.count("refusée le") == 4
    assert Organisation.objects.filter(created_by=user, status=OrganisationStatus.REJECTED).count() == 4
