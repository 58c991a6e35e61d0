"""The admin change lists render their per-row checkbox without the DSFR form renderer (issue 13, speed)."""

from unittest import mock

from django import forms
from django.contrib import admin
from django.contrib.admin import helpers
from django.forms.renderers import DjangoTemplates
from django.utils.html import format_html
from django.utils.translation import gettext

from accounts.models import Organisation
from portal.forms import DsfrRenderer


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
