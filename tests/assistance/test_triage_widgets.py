"""The triage page's selects and textareas are written in Python with the markup of Django's templates."""

from django import forms

from assistance.forms import PlainSelect, PlainTextarea

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
