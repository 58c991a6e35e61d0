"""Precompiled queries: built once per process, run with each call's values, same rows as the QuerySet."""

import uuid
from datetime import timedelta

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import Organisation
from common import precompiled as module
from common.precompiled import parametrised, precompiled
from tests.accounts.factories import OrganisationFactory

FIELDS = ("pk", "name", "departement_id", "created_at")


@pytest.fixture(autouse=True)
def _fresh_cache(monkeypatch):
    monkeypatch.setattr(module, "_cache", {})


def _by_departement(markers):
    return Organisation.objects.filter(departement_id=markers.text("code")).order_by("pk").values(*FIELDS)


def test_rows_are_those_of_the_queryset_for_each_value(db):
    first, second = OrganisationFactory(), OrganisationFactory()
    built = []

    def build(markers):
        built.append(1)
        return _by_departement(markers)

    for organisation in (first, second, first):
        code = organisation.departement_id
        expected = list(Organisation.objects.filter(departement_id=code).order_by("pk").values(*FIELDS))
        assert precompiled("test.by_departement", build, code=code) == expected
    assert len(built) == 1  # built and compiled by the first call only


def test_one_query_a_call(db):
    organisation = OrganisationFactory()
    precompiled("test.by_departement", _by_departement, code=organisation.departement_id)
    with CaptureQueriesContext(connection) as context:
        precompiled("test.by_departement", _by_departement, code="00")
    assert len(context.captured_queries) == 1


def test_datetimes_and_integers_are_parameters(db):
    old, recent = OrganisationFactory(), OrganisationFactory()
    Organisation.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=30))

    def build(markers):
        return (
            Organisation.objects.filter(created_at__gte=markers.datetime("since"), pk__gte=markers.integer("from_pk"))
            .order_by("pk")
            .values("pk")
        )

    week_ago = timezone.now() - timedelta(days=7)
    assert precompiled("test.since", build, since=week_ago, from_pk=0) == [{"pk": recent.pk}]
    assert precompiled("test.since", build, since=week_ago - timedelta(days=60), from_pk=0) == [
        {"pk": old.pk},
        {"pk": recent.pk},
    ]
    assert precompiled("test.since", build, since=week_ago - timedelta(days=60), from_pk=recent.pk) == [
        {"pk": recent.pk}
    ]


def test_a_marker_the_query_does_not_use_is_refused(db):
    def build(markers):
        markers.text("unused")
        return Organisation.objects.values("pk")

    with pytest.raises(ValueError, match="unused"):
        precompiled("test.unused", build, unused="x")


def test_parametrised_q_keys_its_shape_and_gives_the_same_rows(db):
    organisations = [OrganisationFactory() for _ in range(3)]
    codes = [organisations[0].departement_id, organisations[1].departement_id]
    condition = Q(departement_id__in=codes)
    shape, values, marked = parametrised(condition)
    assert shape != parametrised(Q(departement_id__in=codes[:1]))[0]  # an IN list of another length
    assert shape != parametrised(Q(region_id="84"))[0]
    rows = precompiled(
        ("test.q", shape), lambda markers: Organisation.objects.filter(marked(markers)).values("pk"), **values
    )
    assert {row["pk"] for row in rows} == {organisations[0].pk, organisations[1].pk}
    assert parametrised(Q())[1] == {}


def test_columns_keep_the_order_of_values_with_annotations_among_fields(db):
    from django.db.models import Value

    OrganisationFactory()

    def build(markers):
        return (
            Organisation.objects.filter(pk__gte=markers.integer("from_pk"))
            .annotate(first=Value(1), second=Value(2))
            .values("second", "pk", "first", "name")
        )

    expected = list(
        build(module.Markers())
        .model.objects.annotate(first=Value(1), second=Value(2))
        .values("second", "pk", "first", "name")
    )
    assert precompiled("test.order", build, from_pk=0) == expected


def test_objects_with_related_rows_annotations_and_a_uuid_marker(db):
    from django.db.models import Value

    from common.precompiled import precompiled_objects

    first, second = OrganisationFactory(), OrganisationFactory()

    def build(markers):
        return (
            Organisation.objects.filter(public_id=markers.uuid("public_id"))
            .select_related("departement", "region")
            .annotate(flag=Value(7))
        )

    for organisation in (first, second):
        (found,) = precompiled_objects("test.objects", build, public_id=organisation.public_id)
        assert found == organisation
        assert found.flag == 7
        assert not found._state.adding
        with CaptureQueriesContext(connection) as context:
            assert found.departement.code == organisation.departement.code
            assert found.region.name == organisation.region.name
        assert len(context.captured_queries) == 0
    assert precompiled_objects("test.objects", build, public_id=uuid.uuid4()) == []


def test_a_window_reads_one_page_of_the_ordered_rows(db):
    first, second, third = OrganisationFactory(), OrganisationFactory(), OrganisationFactory()

    def build(markers):
        return Organisation.objects.filter(pk__gte=markers.integer("from_pk")).order_by("pk").values("pk")

    assert precompiled("test.window", build, window=(1, 2), from_pk=first.pk) == [
        {"pk": second.pk},
        {"pk": third.pk},
    ]
    assert precompiled("test.window", build, window=(0, 1), from_pk=second.pk) == [{"pk": second.pk}]


def test_precompiled_sql_gives_the_statement_and_this_call_s_parameters(db):
    organisation = OrganisationFactory()
    sql, params = module.precompiled_sql("test.by_departement", _by_departement, code=organisation.departement_id)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({sql}) AS found", params)  # noqa: S608 (compiled by the ORM)
        assert cursor.fetchone()[0] == Organisation.objects.filter(departement_id=organisation.departement_id).count()


def test_shapes_past_the_bound_are_compiled_at_each_call_not_kept(db, monkeypatch):
    monkeypatch.setattr(module, "MAX_SHAPES", 1)
    organisation = OrganisationFactory()
    for shape in ("test.first", "test.second", "test.third"):
        assert precompiled(shape, _by_departement, code=organisation.departement_id)
    assert list(module._cache) == ["test.first"]
