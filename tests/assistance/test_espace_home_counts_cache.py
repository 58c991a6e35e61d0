"""The espace home's counts of requests (by status, by département, per section) are kept in the cache per scope:
every write that changes them shows at once, a request turning late shows without any write, and a scope never
reads another's counts."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from accounts.enums import ScopeLevel
from accounts.models import StaffScope
from assistance import services
from assistance.enums import RequestStatus
from assistance.espace_selectors import request_stats
from assistance.models import AssistanceRequest
from territories.models import Departement
from territories.selectors import referential_changed
from tests.accounts.factories import OrganisationFactory, StaffUserFactory, with_second_factor
from tests.assistance.factories import AssistanceRequestFactory


def _counts(client_as, user) -> dict:
    response = client_as(user).get(reverse("espace:home"))
    assert response.status_code == 200
    home = response.context["home"]
    return {
        "sections": {section.key: section.count for section in home.sections},
        "by_status": {row["url"].rsplit("=", 1)[1]: row["count"] for row in home.by_status},
        "by_departement": {row["code"]: row["total"] for row in home.by_departement},
    }


def test_a_new_request_shows_in_the_counts_at_once(client_as, world):
    AssistanceRequestFactory(project__organisation=world["org"])
    before = _counts(client_as, world["staff_in"])
    assert before["sections"]["new"] == 1
    AssistanceRequestFactory(project__organisation=world["org"])
    after = _counts(client_as, world["staff_in"])
    assert after["sections"]["new"] == 2
    assert after["by_status"][RequestStatus.SUBMITTED] == 2
    assert after["by_departement"][world["org"].departement_id] == 2


def test_a_status_change_through_the_service_shows_at_once(client_as, world):
    request = AssistanceRequestFactory(project__organisation=world["org"])
    assert _counts(client_as, world["staff_in"])["by_status"][RequestStatus.SUBMITTED] == 1
    services.change_status(request=request, user=world["staff_in"], to_status=RequestStatus.REVIEWING)
    after = _counts(client_as, world["staff_in"])
    assert after["by_status"][RequestStatus.SUBMITTED] == 0
    assert after["by_status"][RequestStatus.REVIEWING] == 1
    assert after["sections"]["new"] == 0


def test_an_escalation_by_the_task_shows_at_once(world, settings):
    request = AssistanceRequestFactory(project__organisation=world["org"])
    AssistanceRequest.objects.filter(pk=request.pk).update(created_at=timezone.now() - timedelta(days=30))
    assert request_stats(world["staff_in"], timezone.now())["escalated"] == 0
    assert services.escalate_overdue() == 1
    assert request_stats(world["staff_in"], timezone.now())["escalated"] == 1


def test_a_request_turning_late_shows_without_any_write(world, settings):
    settings.ASSISTANCE_FIRST_ANSWER_DAYS = 10
    AssistanceRequestFactory(project__organisation=world["org"])
    now = timezone.now()
    assert request_stats(world["staff_in"], now)["overdue"] == 0
    assert request_stats(world["staff_in"], now + timedelta(days=9))["overdue"] == 0
    assert request_stats(world["staff_in"], now + timedelta(days=11))["overdue"] == 1


def test_a_collectivité_moving_to_another_département_moves_its_counts(client_as, world):
    AssistanceRequestFactory(project__organisation=world["org"])
    assert _counts(client_as, world["staff_in"])["sections"]["new"] == 1
    assert _counts(client_as, world["staff_out"])["sections"]["new"] == 0
    world["org"].departement = world["other_org"].departement
    world["org"].save()
    assert _counts(client_as, world["staff_in"])["sections"]["new"] == 0
    assert _counts(client_as, world["staff_out"])["sections"]["new"] == 1


def test_two_scopes_never_read_each_others_counts(client_as, world):
    AssistanceRequestFactory(project__organisation=world["org"])
    for _ in range(3):
        AssistanceRequestFactory(project__organisation=world["other_org"])
    assert _counts(client_as, world["staff_in"])["sections"]["new"] == 1
    assert _counts(client_as, world["staff_out"])["sections"]["new"] == 3
    assert _counts(client_as, world["staff_in"])["sections"]["new"] == 1
    regional = with_second_factor(StaffUserFactory())
    StaffScope.objects.filter(user=regional).update(level=ScopeLevel.REGIONAL, region_id=world["other_org"].region_id)
    national = with_second_factor(StaffUserFactory())
    StaffScope.objects.filter(user=national).update(level=ScopeLevel.NATIONAL)
    assert _counts(client_as, regional)["sections"]["new"] == 3
    assert _counts(client_as, national)["sections"]["new"] == 4
    assert _counts(client_as, world["staff_in"])["sections"]["new"] == 1


def test_chargés_of_the_same_scope_share_the_counts_without_a_query(world, django_assert_num_queries):
    other = with_second_factor(StaffUserFactory(scope_departements=[world["org"].departement]))
    AssistanceRequestFactory(project__organisation=world["org"])
    OrganisationFactory()  # a write elsewhere moves the token: the next read counts again
    now = timezone.now()
    assert request_stats(world["staff_in"], now)["total"] == 1
    # staff_scope_of is read once per user; the counts themselves come from the cache.
    with django_assert_num_queries(0):
        assert request_stats(world["staff_in"], now)["total"] == 1
    assert request_stats(other, now)["total"] == 1


def test_a_département_renamed_by_the_referential_load_shows_at_once(client_as, world):
    """The territories' load renames in bulk (no signal) and moves the referential's version."""
    AssistanceRequestFactory(project__organisation=world["org"])
    client_as(world["staff_in"]).get(reverse("espace:home"))
    code = world["org"].departement_id
    Departement.objects.filter(code=code).update(name="Département renommé")
    referential_changed()

    page = client_as(world["staff_in"]).get(reverse("espace:home")).content.decode()
    assert "Département renommé" in page
