"""Precompiled queries are prepared on PostgreSQL: planned once per connection, not at every execution."""

import pytest
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Organisation
from common import precompiled as module
from common.precompiled import precompiled, preparing_cursor
from tests.accounts.factories import OrganisationFactory

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's")


@pytest.fixture(autouse=True)
def _fresh_cache(monkeypatch):
    monkeypatch.setattr(module, "_cache", {})


def _by_departement(markers):
    return Organisation.objects.filter(departement_id=markers.text("code")).order_by("pk").values("pk", "name")


def _prepared_statements() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT statement FROM pg_prepared_statements WHERE statement LIKE %s", ["%accounts_organisation%"]
        )
        return [row[0] for row in cursor.fetchall()]


def test_the_statement_is_prepared_once_and_reused(db):
    first, second = OrganisationFactory(), OrganisationFactory()
    before = _prepared_statements()
    rows = precompiled("test.prepared", _by_departement, code=first.departement_id)
    assert {"pk": first.pk, "name": first.name} in rows
    prepared = [statement for statement in _prepared_statements() if statement not in before]
    assert len(prepared) == 1
    assert "$1" in prepared[0]  # the value travels as a parameter of the prepared statement

    with CaptureQueriesContext(connection) as context:
        rows = precompiled("test.prepared", _by_departement, code=second.departement_id)
    assert {"pk": second.pk, "name": second.name} in rows
    assert len(context.captured_queries) == 1  # still logged as Django logs its own queries
    assert [statement for statement in _prepared_statements() if statement not in before] == prepared


def test_database_errors_are_django_s(db):
    with pytest.raises(DatabaseError), preparing_cursor(connection) as cursor:
        cursor.execute("SELECT * FROM no_such_table WHERE id = %s", [1])
