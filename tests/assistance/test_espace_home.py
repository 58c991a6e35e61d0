"""The espace home: what needs action in the scope, counts, follows and the collectivités' opinions."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from accounts.enums import ScopeLevel
from accounts.models import Membership, StaffScope
from assistance import services
from assistance.enums import RequestKind
from assistance.models import AssistanceRequest, Satisfaction
from journeys.models import Project
from tests.accounts.factories import JoinRequestFactory, OrganisationFactory, StaffUserFactory, with_second_factor
from tests.assistance.factories import AssistanceRequestFactory
from tests.journeys.factories import ProjectFactory, complete_stage, move_to


def _home(client_as, user) -> str:
    response = client_as(user).get(reverse("espace:home"))
    assert response.status_code == 200
    return response.content.decode()


def _section(page: str, key: str) -> str:
    start = page.index(f'id="{key}"')
    return page[start : page.index("</section>", start)]


def test_new_and_late_requests_are_flagged(client_as, world, settings):
    settings.ASSISTANCE_FIRST_ANSWER_DAYS = 10
    fresh = AssistanceRequestFactory(project__organisation=world["org"])
    late = AssistanceRequestFactory(project__organisation=world["org"], kind=RequestKind.TRAINING)
    AssistanceRequest.objects.filter(pk=late.pk).update(created_at=timezone.now() - timedelta(days=11))
    page = _home(client_as, world["staff_in"])
    assert fresh.get_espace_url() in _section(page, "new")
    assert late.get_espace_url() in _section(page, "new")
    overdue = _section(page, "overdue")
    assert "Sans réponse depuis plus de 10 jours" in overdue
    assert late.get_espace_url() in overdue
    assert fresh.get_espace_url() not in overdue


def test_escalated_requests_appear_for_regional_and_national_levels_only(client_as, world, settings):
    late = AssistanceRequestFactory(project__organisation=world["org"])
    AssistanceRequest.objects.filter(pk=late.pk).update(created_at=timezone.now() - timedelta(days=25))
    assert services.escalate_overdue() == 1
    regional = with_second_factor(StaffUserFactory())
    StaffScope.objects.filter(user=regional).update(level=ScopeLevel.REGIONAL, region_id=world["org"].region_id)
    assert late.get_espace_url() in _section(_home(client_as, regional), "escalated")
    assert 'id="escalated"' not in _home(client_as, world["staff_in"])


def test_collectivités_join_requests_and_projects_needing_action(client_as, world, settings):
    settings.ASSISTANCE_INACTIVE_PROJECT_DAYS = 60
    pending = OrganisationFactory(pending=True, commune__departement=world["org"].departement)
    orphan = OrganisationFactory(commune__departement=world["org"].departement)  # nobody left to decide
    join_request = JoinRequestFactory(organisation=orphan)
    awaiting = ProjectFactory(organisation=world["org"], title="Projet au cadrage")
    move_to(awaiting, "cadrage")
    complete_stage(awaiting, "cadrage")
    asleep = ProjectFactory(organisation=world["org"], title="Projet endormi")
    Project.objects.filter(pk=asleep.pk).update(last_activity_at=timezone.now() - timedelta(days=61))
    page = _home(client_as, world["staff_in"])
    assert pending.name in _section(page, "pending")
    assert join_request.user.get_full_name() in _section(page, "join_requests")
    validation = _section(page, "validation")
    assert "Projet au cadrage" in validation
    assert "prête à valider" in validation
    assert "Projet endormi" in _section(page, "inactive")
    assert Membership.objects.filter(organisation=orphan).count() == 0


def test_cadrage_opinions_and_silent_collectivités(client_as, world):
    opinion = AssistanceRequestFactory(project__organisation=world["org"], kind=RequestKind.CADRAGE_OPINION)
    silent = AssistanceRequestFactory(project__organisation=world["org"], reviewing=True)
    services.wait_for_collectivite(request=silent, user=world["staff_in"], waiting_for="Le budget")
    AssistanceRequest.objects.filter(pk=silent.pk).update(reminders_sent=2)
    page = _home(client_as, world["staff_in"])
    assert opinion.get_espace_url() in _section(page, "opinions")
    assert silent.get_espace_url() in _section(page, "no_reaction")


def test_counts_by_status_and_by_département(client_as, world):
    AssistanceRequestFactory.create_batch(2, project__organisation=world["org"])
    AssistanceRequestFactory(project__organisation=world["org"], closed=True)
    page = _home(client_as, world["staff_in"])
    statuses = _section(page, "titre-statuts")
    assert '?statut=deposee">Déposée</a></td><td>2</td>' in statuses
    assert '?statut=cloturee">Clôturée</a></td><td>1</td>' in statuses
    departements = _section(page, "titre-departements")
    assert (
        f"{world['org'].departement_id} — {world['org'].departement.name}</a></td><td>3</td><td>2</td>" in departements
    )


def test_satisfaction_is_aggregated_by_département(client_as, world):
    for usefulness, recommend in [("oui", "oui"), ("oui", "non"), ("non", "non"), ("en_partie", "oui")]:
        closed = AssistanceRequestFactory(project__organisation=world["org"], closed=True)
        Satisfaction.objects.create(request=closed, usefulness=usefulness, would_recommend=recommend)
    elsewhere = AssistanceRequestFactory(project__organisation=world["other_org"], closed=True)
    Satisfaction.objects.create(request=elsewhere, usefulness="non", would_recommend="non")
    table = _section(_home(client_as, world["staff_in"]), "titre-satisfaction")
    assert f"<td>{world['org'].departement_id} — {world['org'].departement.name}</td><td>4</td>" in table
    assert "<td>50&nbsp;%</td><td>25&nbsp;%</td><td>50&nbsp;%</td>" in table
    assert world["other_org"].departement.name not in table


def test_followed_items_changed_since_the_last_visit(client_as, world):
    quiet = AssistanceRequestFactory(project__organisation=world["org"], need="Calme")
    busy = AssistanceRequestFactory(project__organisation=world["org"], kind=RequestKind.TRAINING)
    services.set_follow(user=world["staff_in"], request=quiet, follow=True)
    services.set_follow(user=world["staff_in"], request=busy, follow=True)
    _home(client_as, world["staff_in"])  # first visit: everything is new
    # The next visit (views of the home within half an hour are the same visit: services.VISIT_GAP).
    with time_machine.travel(timezone.now() + timedelta(hours=1)):
        services.post_message(request=busy, author=world["member"], body="Du nouveau")
        followed = _section(_home(client_as, world["staff_in"]), "titre-suivis")
    lines = followed.split("<li>")
    busy_line = next(line for line in lines if busy.get_espace_url() in line)
    quiet_line = next(line for line in lines if quiet.get_espace_url() in line)
    assert "Modifié depuis votre dernière visite" in busy_line
    assert "Modifié depuis votre dernière visite" not in quiet_line


@pytest.mark.parametrize("role", ["member", "referent", "outsider"])
def test_the_espace_is_refused_to_collectivités(client_as, world, role):
    response = client_as(world[role]).get(reverse("espace:home"))
    assert response.status_code == 403
    assert "réservé aux chargés de mission" in response.content.decode()


def test_staff_without_scope_are_told_why(client_as, world):
    lost = StaffUserFactory()  # a départemental scope with no département
    response = client_as(lost).get(reverse("espace:home"))
    assert response.status_code == 403
    assert "double authentification" in response.content.decode()
