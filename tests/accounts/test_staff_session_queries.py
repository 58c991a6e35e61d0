"""A staff session reads its second factor and its ANCT scope (with its départements) in one query a request."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts import permissions
from accounts.second_factor import _marked_user
from tests.accounts.factories import login_with_second_factor


def _queries(client, url: str) -> list[str]:
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in context.captured_queries]


def test_second_factor_and_scope_cost_one_query(client, world):
    login_with_second_factor(client, world["staff_in"])
    queries = _queries(client, reverse("espace:expert_list"))
    scope_reads = [sql for sql in queries if "accounts_staffscope" in sql]
    assert len(scope_reads) == 1
    assert "mfa_authenticator" in scope_reads[0]
    assert not [sql for sql in queries if "mfa_authenticator" in sql and sql not in scope_reads]


def test_the_scope_read_with_the_second_factor_is_complete(client, world, rf):
    staff = world["staff_in"]
    login_with_second_factor(client, staff)
    request = rf.get("/")
    request.session = client.session
    user = _marked_user(request)
    assert permissions.has_staff_powers(user)
    scope = permissions.staff_scope_of(user)
    assert scope == staff.staff_scope
    assert scope.level == staff.staff_scope.level
    with CaptureQueriesContext(connection) as context:
        codes = [departement.code for departement in scope.departements.all()]
        names = [departement.name for departement in scope.departements.all()]
    assert len(context.captured_queries) == 0
    expected = list(staff.staff_scope.departements.order_by("code"))
    assert codes == [departement.code for departement in expected]
    assert names == [departement.name for departement in expected]


def test_a_superuser_without_scope_row_and_a_national_scope(client, world, rf):
    for role, has_scope in (("superuser", False), ("staff_national", True)):
        login_with_second_factor(client, world[role])
        request = rf.get("/")
        request.session = client.session
        user = _marked_user(request)
        assert permissions.has_staff_powers(user)
        assert (permissions.staff_scope_of(user) is not None) is has_scope
        assert permissions.staff_organisation_filter(user) is not None
