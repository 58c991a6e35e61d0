"""The triage page's selects and textareas are written in Python with the markup of Django's templates."""

import re

import pytest
from django import forms

from assistance.enums import RequestStatus
from assistance.forms import MessageForm, MobilisationForm, RejectForm, StatusForm, WaitingForm
from assistance.models import Expert
from common.light_forms import PlainSelect, PlainTextarea

CHOICES = [("", "Choisissez"), ("1", "Cerema <Occitanie> & « partenaires »"), ("2", 'Banque des "Territoires"')]


def _pair(plain, django_widget, name, value, attrs):
    return plain.render(name, value, attrs), django_widget.render(name, value, attrs)


def test_select_markup_is_django_s():
    attrs = {"id": "id_expert", "required": True, "disabled": False, "class": "fr-select"}
    for value in ("", "1", "2", None):
        plain, expected = _pair(PlainSelect(choices=CHOICES), forms.Select(choices=CHOICES), "expert", value, attrs)
        assert plain.replace("\n", "") == expected.replace("\n", "")
    assert "&lt;Occitanie&gt; &amp;" in plain


def test_textarea_markup_is_django_s():
    attrs = {"id": "id_reason", "maxlength": "2000", "required": True, "aria-describedby": "id_reason_helptext"}
    for value in (None, "", 'Un <b>motif</b> & des "guillemets"'):
        plain, expected = _pair(PlainTextarea({"rows": 2}), forms.Textarea({"rows": 2}), "reason", value, attrs)
        assert plain == expected


def _normalised(html: str) -> str:
    return re.sub(r"\s*([<>])\s*", r"\1", " ".join(html.split()))


@pytest.mark.parametrize(
    "make",
    [
        lambda: StatusForm(allowed=[RequestStatus.REVIEWING, RequestStatus.REFUSED]),
        lambda: StatusForm({"status": "nope", "note": "x" * 3000}, allowed=[RequestStatus.REVIEWING]),
        lambda: MessageForm(),
        lambda: MessageForm({"body": ""}),
        lambda: WaitingForm({"waiting_for": ""}),
        lambda: MobilisationForm(experts=Expert.objects.none()),
        lambda: RejectForm(),
    ],
)
def test_light_forms_render_django_dsfr_s_markup(db, make):
    form = make()
    form.is_bound and form.is_valid()
    light = str(form)
    expected = form.render(template_name=form.template_name)  # django-dsfr's templates
    assert _normalised(light) == _normalised(expected)
    if form.is_bound:
        assert "fr-input-group--error" in light or "fr-select-group--error" in light
