"""The admin change lists render their rows without the DSFR form renderer and without a template node per cell
(issue 13, speed), with the markup Django renders."""

import re
from pathlib import Path
from unittest import mock

import pytest
from django import forms
from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.templatetags import admin_list
from django.forms.renderers import DjangoTemplates
from django.template import Engine, engines
from django.template.loader import get_template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext

from accounts.models import Organisation
from common.admin import LeanChangeListAdmin, _list_filters, django_results
from portal.forms import DsfrRenderer
from tests.assistance.factories import AssistanceRequestFactory
from tests.journeys.factories import ProjectFactory, ThemeFactory


@pytest.fixture(autouse=True)
def _lists_rendered_anew(monkeypatch):
    """Every request renders its list: a kept page would be compared with itself (the kept pages are compared with
    fresh ones in tests/portal/test_admin_kept_lists.py)."""
    monkeypatch.setattr(LeanChangeListAdmin, "keep_lists", False)


def test_the_checkbox_is_the_markup_django_renders(world):
    org = world["org"]
    org.name = "Saint-Jean <d’Angély> & co"  # escaped once, as Django's widget does
    model_admin = admin.site._registry[Organisation]
    expected = forms.CheckboxInput(
        {
            "class": "action-select",
            "aria-label": format_html(gettext("Select this object for an action - {}"), str(org)),
        },
        lambda value: False,
    ).render(helpers.ACTION_CHECKBOX_NAME, str(org.pk), renderer=DjangoTemplates())
    assert model_admin.action_checkbox(org) == expected


def test_a_national_change_list_renders_no_row_through_the_dsfr_renderer(world, client_as):
    client = client_as(world["staff_national"])
    with mock.patch.object(DsfrRenderer, "render", autospec=True, side_effect=DsfrRenderer.render) as render:
        response = client.get("/admin/accounts/organisation/")
    assert response.status_code == 200
    assert response.content.count(b'class="action-select"') >= 2
    rendered = [call.args[1] for call in render.call_args_list]
    assert not [name for name in rendered if "checkbox" in name or name.endswith("input.html")], rendered


DJANGO_ADMIN_TEMPLATES = Path(admin.__file__).parent / "templates"
OVERRIDDEN = ("admin/filter.html", "admin/actions.html")


def _django_templates(name: str):
    """Django's own admin/filter.html (the project's templates/admin/filter.html overrides it)."""
    if name in OVERRIDDEN:
        return engines["django"].from_string((DJANGO_ADMIN_TEMPLATES / name).read_text())
    return get_template(name)


_engine_select_template = Engine.select_template


def _django_select_template(engine, names):
    """Django's own admin/actions.html: the admin's inclusion tags pick their template with select_template (no
    list here has a template of its own for its actions)."""
    if names and names[-1] == "admin/actions.html":
        return engines["django"].from_string((DJANGO_ADMIN_TEMPLATES / names[-1]).read_text()).template
    return _engine_select_template(engine, names)


def _without_csrf(content: bytes) -> bytes:
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", content)


@pytest.mark.parametrize(
    "query",
    ["", "?o=-2.3", "?q=Saint&o=1", "?status__exact=confirmed"],
    ids=["plain", "sorted", "searched", "filtered"],
)
def test_every_change_list_renders_the_rows_django_renders(world, client_as, query):
    """The lean rows (common.admin.lean_results) and filters (templates/admin/filter.html) are Django's, byte for
    byte, on every list a superuser opens: fields, choices, dates, foreign keys, display methods, booleans, empty
    values, links with preserved filters, selected filter choices."""
    theme = ThemeFactory()
    project = ProjectFactory(organisation=world["org"], title="Saint-Jean <d’Angély> & co")
    project.themes.add(theme)
    ProjectFactory(organisation=world["other_org"], title="")
    AssistanceRequestFactory(project=project)
    client = client_as(world["superuser"])
    compared = 0
    for model in admin.site._registry:
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist") + query
        _list_filters.clear()  # each rendering renders its filters
        lean = client.get(url)
        if lean.status_code != 200:
            continue
        _list_filters.clear()
        with (
            mock.patch.object(admin_list, "results", django_results),
            mock.patch.object(admin_list, "get_template", _django_templates),
            mock.patch.object(Engine, "select_template", _django_select_template),
        ):
            reference = client.get(url)
        assert _without_csrf(lean.content) == _without_csrf(reference.content), url
        compared += lean.content.count(b'class="action-select"') + lean.content.count(b"<tr>")
    assert compared >= 2
