"""The light <select> of « Mes projets »'s filters writes exactly the markup django-dsfr's renderer writes."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from common.light_forms import select_group
from journeys.filters import ProjectFilter
from journeys.models import Project
from tests.journeys.factories import ThemeFactory


def _markup(html: str) -> str:
    """The markup without the template's indentation (whitespace between tags and runs of spaces)."""
    return re.sub(r"\s+", " ", re.sub(r">\s+", ">", re.sub(r"\s+<", "<", str(html)))).strip()


@pytest.mark.parametrize(
    "data",
    [None, {"etape": "cadrage"}, {"thematique": "mobilite"}, {"etape": "agenda", "thematique": "donnees-<b>"}],
)
def test_light_select_matches_the_dsfr_renderer(db, data):
    ThemeFactory(slug="mobilite", name="Mobilités & transports")
    ThemeFactory(slug="donnees-<b>", name="Données « ouvertes »")
    for field_name in ("etape", "thematique"):
        light = select_group(ProjectFilter(data, queryset=Project.objects.all()).form[field_name])
        dsfr = ProjectFilter(data, queryset=Project.objects.all()).form[field_name].as_field_group()
        assert _markup(light) == _markup(dsfr)
        assert "<option" in light


def test_light_select_marks_the_chosen_option(db):
    ThemeFactory(slug="mobilite", name="Mobilités")
    form = ProjectFilter({"thematique": "mobilite"}, queryset=Project.objects.all()).form
    assert '<option value="mobilite" selected>Mobilités</option>' in select_group(form["thematique"])
    assert '<option value="" selected>' not in select_group(form["thematique"])


def test_an_invalid_choice_falls_back_to_the_renderer_and_its_error(db):
    form = ProjectFilter({"etape": "inconnue"}, queryset=Project.objects.all()).form
    html = select_group(form["etape"])
    assert "fr-select-group--error" in html
    assert _markup(html) == _markup(form["etape"].as_field_group())


def test_model_choices_are_read_in_one_query(db):
    ThemeFactory(slug="mobilite")
    form = ProjectFilter(None, queryset=Project.objects.all()).form
    with CaptureQueriesContext(connection) as ctx:
        select_group(form["thematique"])
    assert len(ctx.captured_queries) == 1
