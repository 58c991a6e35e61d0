"""A light rendering of the filter <select>s of list pages, with django-dsfr's markup but not its template chain.

`field.as_field_group` goes through the form renderer: the DSFR field snippet, then Django's select and one
option template per choice, about 1.5 ms per field of a page that should cost little more than that in all.
`select_group` writes the same markup (tests/journeys/test_light_forms.py compares both) for the one simple case
it knows: an optional, valid, enabled <select> without help text. Anything else falls back to the renderer.
"""

from django import forms
from django.forms import BoundField
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from dsfr.templatetags.dsfr_tags import dsfr_mark_optionnal_fields

from common.forms import ListedChoiceIterator
from common.memo import ProcessMemo

# The options of model choice fields and the groups written with them, per field, version of their rows (the
# caller's token) and selected value: a bounded handful.
_versioned_choices = ProcessMemo(max_entries=256, seconds=600)


def _choices(field: forms.Field) -> list[tuple[str, str]]:
    """(value, label) of every option; a model choice field's read in one plain query (ListedChoiceIterator)."""
    choices = ListedChoiceIterator(field) if isinstance(field, forms.ModelChoiceField) else field.choices
    return [(str(value), label) for value, label in choices]


def _field_choices(bound_field: BoundField, version: str | None) -> list[tuple[str, str]]:
    field = bound_field.field
    if version is None or not isinstance(field, forms.ModelChoiceField):
        return _choices(field)
    key = (type(bound_field.form).__module__, type(bound_field.form).__qualname__, bound_field.name, version)
    choices = _versioned_choices.get(key)
    if choices is None:
        choices = _choices(field)
        _versioned_choices.put(key, choices)
    return choices


def _is_simple(bound_field: BoundField) -> bool:
    field = bound_field.field
    widget = field.widget
    return (
        type(widget) is forms.Select
        and not field.required
        and not field.disabled
        and not field.help_text
        and not bound_field.errors
        # No <optgroup> (a model choice field has none; reading its choices here would query).
        and (
            isinstance(field, forms.ModelChoiceField)
            or not any(isinstance(c, (list, tuple)) for _v, c in field.choices)
        )
        and set(widget.attrs) <= {"class"}
    )


def select_group(bound_field: BoundField, *, version: str | None = None) -> SafeString:
    """The DSFR select group of an optional filter field, as `bound_field.as_field_group()` renders it.

    With `version`, a token that every write to a model choice field's rows moves, its options are read and the
    group written once per version, selected value and worker instead of once per request."""
    if not _is_simple(bound_field):
        return bound_field.as_field_group()
    values = bound_field.field.widget.format_value(bound_field.value())
    if version is None:
        return _group(bound_field, values, version)
    form = type(bound_field.form)
    key = ("group", form.__module__, form.__qualname__, bound_field.html_name, bound_field.auto_id, version, *values)
    group = _versioned_choices.get(key)
    if group is None:
        group = _group(bound_field, values, version)
        _versioned_choices.put(key, group)
    return group


def _group(bound_field: BoundField, values: list[str], version: str | None) -> SafeString:
    widget = bound_field.field.widget
    options = []
    has_selected = False
    for value, label in _field_choices(bound_field, version):
        selected = not has_selected and value in values
        has_selected |= selected
        options.append((value, mark_safe(" selected") if selected else "", label))
    return format_html(
        '<div class="fr-select-group"><label for="{}" class="fr-label">{}{}</label>'
        '<select name="{}" class="{}" id="{}">{}</select></div>',
        bound_field.id_for_label,
        bound_field.label,
        dsfr_mark_optionnal_fields(bound_field),
        bound_field.html_name,
        widget.attrs.get("class", "fr-select"),
        bound_field.auto_id,
        format_html_join("", '<option value="{}"{}>{}</option>', options),
    )
