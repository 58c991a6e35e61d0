"""common.admin.ScopedRowsMixin shows the rows its condition allows (none for None, all for an empty Q), and
ScopedChoicesMixin offers in a form only the related rows that model's own admin shows."""

import pytest
from django.contrib import admin
from django.db.models import Q
from django.test import RequestFactory

from common.admin import ScopedChoicesMixin, ScopedRowsMixin
from territories.models import Departement, Region
from tests.accounts.factories import UserFactory
from tests.territories.factories import DepartementFactory, RegionFactory


class _RegionAdmin(ScopedRowsMixin, admin.ModelAdmin):
    condition: Q | None = None

    def rows_condition(self, request) -> Q | None:
        return self.condition


def _request(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return request


@pytest.fixture
def regions(db):
    return RegionFactory(code="84", name="Auvergne"), RegionFactory(code="76", name="Occitanie")


@pytest.mark.parametrize(("condition", "expected"), [(None, set()), (Q(), {"84", "76"}), (Q(code="76"), {"76"})])
def test_rows_follow_the_condition(regions, condition, expected):
    model_admin = _RegionAdmin(Region, admin.AdminSite())
    model_admin.condition = condition

    rows = model_admin.get_queryset(_request(UserFactory()))

    assert {region.code for region in rows} == expected


def test_a_form_offers_the_related_rows_the_related_admin_shows(regions):
    site = admin.AdminSite()
    site.register(Region, _RegionAdmin)
    site._registry[Region].condition = Q(code="76")
    departement_admin = type("DepartementAdmin", (ScopedChoicesMixin, admin.ModelAdmin), {})(Departement, site)
    DepartementFactory(code="31", region=regions[1])
    field = Departement._meta.get_field("region")

    offered = departement_admin.formfield_for_foreignkey(field, _request(UserFactory()))
    superuser_offered = departement_admin.formfield_for_foreignkey(field, _request(UserFactory(is_superuser=True)))

    assert {region.code for region in offered.queryset} == {"76"}
    assert {region.code for region in superuser_offered.queryset} >= {"84", "76"}
