"""An ordinary member's project pages read the project and the member's membership in one precompiled query; the
membership is read again at every request, so a member who leaves the collectivité loses the page at once."""

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Membership
from accounts.permissions import is_member, is_referent
from journeys.selectors import member_project
from tests.journeys.factories import journeys_world
from tests.journeys.page_helpers import project_page


def test_the_page_asks_no_membership_of_its_own(world, client_as):
    project = journeys_world(world)["journeys_project"]
    client = client_as(world["member"])
    project_page(client, project)
    with CaptureQueriesContext(connection) as context:
        project_page(client, project)
    statements = [query["sql"] for query in context.captured_queries]
    assert not [sql for sql in statements if sql.startswith('SELECT "accounts_membership"')]
    assert len(statements) <= 3  # the session's user, the project; a third only when a kept fragment expired


def test_the_role_read_with_the_project_answers_the_permission_checks(world, django_assert_num_queries):
    project = journeys_world(world)["journeys_project"]
    for person, referent in [(world["member"], False), (world["referent"], True)]:
        found = member_project(person, project.public_id)
        assert found == project
        with django_assert_num_queries(0):
            assert is_member(person, found.organisation)
            assert is_referent(person, found.organisation) is referent


def test_a_member_who_left_loses_the_page_at_once(world, client_as):
    project = journeys_world(world)["journeys_project"]
    client = client_as(world["member"])
    project_page(client, project)
    Membership.objects.filter(user=world["member"], organisation=world["org"]).delete()
    assert client.get(project.get_absolute_url()).status_code == 404
    assert client.get(project.get_absolute_url() + "historique/").status_code == 404


def test_staff_and_outsiders_are_not_read_this_way(world):
    project = journeys_world(world)["journeys_project"]
    assert member_project(world["staff_in"], project.public_id) is None
    assert member_project(world["outsider"], project.public_id) is None
    assert member_project(AnonymousUser(), project.public_id) is None
