"""DSFR form markup written in Python, for the pages whose forms cost more to render than the rest of the page.

Django renders a field through the form renderer: django-dsfr's field snippet, then the widget's template, then one
template per <option> (two with its attributes): a select of 60 experts cost ~3 ms, a list page's filter ~1.5 ms a
field. What is written here is the markup of those templates for the simple cases it knows; anything else falls
back to the renderer. tests/assistance/test_triage_widgets.py and tests/journeys/test_light_forms.py compare it with
the templates, tests/common/test_light_forms_snapshot.py holds it byte for byte.

- `LightForm`: a form whose text inputs, selects (`PlainSelect`) and textareas (`PlainTextarea`) render in Python,
  in the portal's input snippet (the espace ANCT's triage forms);
- `select_group`: the DSFR select group of an optional filter field (« Mes projets »).
"""

from django import forms
from django.forms import BoundField
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from dsfr.forms import DsfrBaseForm
from dsfr.templatetags.dsfr_tags import dsfr_mark_optionnal_fields
from dsfr.utils import dsfr_input_class_attr

from common.error_summary import OPTIONAL_RULE_HTML, help_text_has_link, optional_rule_applies
from common.forms import ListedChoiceIterator
from common.memo import ProcessMemo

INPUT_SNIPPET = "dsfr/form_field_snippets/input_snippet.html"


def _attributes(attrs: dict) -> SafeString:
    """Django's attrs.html: `True` writes the bare name, `False` nothing, anything else name="value" (escaped)."""
    return mark_safe(  # noqa: S308 (every value goes through format_html, names are the widget's own)
        "".join(
            f" {name}" if value is True else format_html(' {}="{}"', name, value)
            for name, value in attrs.items()
            if value is not False
        )
    )


def _label(bound: BoundField) -> SafeString:
    """The field's <label>, with « (Optionnel) » where the portal's rule asks for it."""
    optional = dsfr_mark_optionnal_fields(bound)
    return format_html('<label for="{}" class="fr-label">{}{}</label>', bound.id_for_label, bound.label, optional)


class PlainSelect(forms.Select):
    """A single select rendered without templates (no option groups in these forms)."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        options = "".join(
            f'\n  <option value="{conditional_escape(str(option["value"]))}"{_attributes(option["attrs"])}>'
            f"{conditional_escape(option['label'])}</option>"
            for _group, choices, _index in widget["optgroups"]
            for option in choices
        )
        return mark_safe(  # noqa: S308 (name, attributes, values and labels escaped above)
            f'<select name="{conditional_escape(name)}"{_attributes(widget["attrs"])}>{options}\n</select>'
        )


class PlainTextarea(forms.Textarea):
    """A textarea rendered without templates."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        return format_html(
            '<textarea name="{}"{}>\n{}</textarea>', name, _attributes(widget["attrs"]), widget["value"] or ""
        )


class ListedModelChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField whose choices are read in one query and shown in a PlainSelect."""

    iterator = ListedChoiceIterator
    widget = PlainSelect


def _field_group(bound: BoundField) -> SafeString:
    """The portal's input snippet (portal/templates/portal/forms/input_snippet.html) written in Python: same markup,
    less blank space. The hint sits outside the label, after the field when it holds a link (RGAA 8.2, 12.8)."""
    dsfr_input_class_attr(bound)  # as the snippet's filter: aria-invalid and aria-describedby once the form has errors
    field = bound.field
    group = getattr(field.widget, "group_class", "") or "fr-input-group"
    classes = (
        group + (f" {group}--error" if bound.errors else "") + (" fr-input-group--disabled" if field.disabled else "")
    )
    hint_before = hint_after = ""
    if bound.help_text:
        # help_text|safe in the snippet: the help texts are the forms' own.
        help_text = mark_safe(bound.help_text)  # noqa: S308
        if help_text_has_link(help_text):
            hint_after = format_html(
                '<div class="fr-hint-text fr-mt-1w" id="{}_helptext">{}</div>', bound.id_for_label, help_text
            )
        else:
            hint_before = format_html(
                '<div class="fr-hint-text fr-mb-1w" id="{}_helptext">{}</div>', bound.id_for_label, help_text
            )
    errors = format_html('<div id="{}-desc-error">{}</div>', bound.auto_id, bound.errors) if bound.errors else ""
    return format_html(
        '<div class="{}">\n  {}\n  {}{}{}{}\n</div>',
        classes,
        _label(bound),
        hint_before,
        bound.as_widget(),
        errors,
        hint_after,
    )


class LightForm(DsfrBaseForm):
    """A DSFR form whose text, select and textarea fields render in Python with the markup of django-dsfr's
    templates (form_snippet.html, input_snippet.html): four such forms were a quarter of the triage page's time.
    Other kinds of fields (radios, checkboxes…) keep their templates."""

    def render(self, template_name=None, context=None, renderer=None) -> SafeString:
        if template_name is not None or context is not None:
            return super().render(template_name, context, renderer)
        parts = []
        if optional_rule_applies(self):
            parts.append(mark_safe(OPTIONAL_RULE_HTML))  # noqa: S308 (a constant)
        if self.non_field_errors():
            parts.append(
                format_html(
                    '<section class="fr-my-4v fr-input-group fr-input-group--error">{}</section>',
                    self.non_field_errors(),
                )
            )
        for bound in self:
            if bound.is_hidden:
                parts.append(bound.as_hidden())
            elif bound.template_name == INPUT_SNIPPET:
                parts.append(_field_group(bound))
            else:
                parts.append(bound.as_field_group())
        return mark_safe("\n".join(parts))  # noqa: S308 (each part is escaped or rendered by Django)

    __str__ = render


def _choices(field: forms.Field) -> list[tuple[str, str]]:
    """(value, label) of every option; a model choice field's read in one plain query (ListedChoiceIterator)."""
    choices = ListedChoiceIterator(field) if isinstance(field, forms.ModelChoiceField) else field.choices
    return [(str(value), label) for value, label in choices]


# The options of model choice fields and the groups written with them, per field, version of their rows (the
# caller's token) and selected value: a bounded handful.
_versioned_choices = ProcessMemo(max_entries=256, seconds=600)


def _field_choices(bound: BoundField, version: str | None) -> list[tuple[str, str]]:
    field = bound.field
    if version is None or not isinstance(field, forms.ModelChoiceField):
        return _choices(field)
    key = (type(bound.form).__module__, type(bound.form).__qualname__, bound.name, version)
    return _versioned_choices.get_or_build(key, lambda: _choices(field))


def _is_simple_select(bound: BoundField) -> bool:
    field = bound.field
    widget = field.widget
    return (
        type(widget) is forms.Select
        and not field.required
        and not field.disabled
        and not field.help_text
        and not bound.errors
        # No <optgroup> (a model choice field has none; reading its choices here would query).
        and (
            isinstance(field, forms.ModelChoiceField)
            or not any(isinstance(c, (list, tuple)) for _v, c in field.choices)
        )
        and set(widget.attrs) <= {"class"}
    )


def select_group(bound: BoundField, *, version: str | None = None) -> SafeString:
    """The DSFR select group of an optional filter field, as `bound.as_field_group()` renders it (django-dsfr's
    select snippet), for an optional, valid, enabled <select> without help text; the renderer's for anything else.

    With `version`, a token that every write to a model choice field's rows moves, its options are read and the
    group written once per version, selected value and worker instead of once per request."""
    if not _is_simple_select(bound):
        return bound.as_field_group()
    values = bound.field.widget.format_value(bound.value())
    if version is None:
        return _select_group(bound, values, version)
    form = type(bound.form)
    key = ("group", form.__module__, form.__qualname__, bound.html_name, bound.auto_id, version, *values)
    return _versioned_choices.get_or_build(key, lambda: _select_group(bound, values, version))


def _select_group(bound: BoundField, values: list[str], version: str | None) -> SafeString:
    widget = bound.field.widget
    options = []
    has_selected = False
    for value, label in _field_choices(bound, version):
        selected = not has_selected and value in values
        has_selected |= selected
        options.append((value, mark_safe(" selected") if selected else "", label))
    return format_html(
        '<div class="fr-select-group">{}<select name="{}" class="{}" id="{}">{}</select></div>',
        _label(bound),
        bound.html_name,
        widget.attrs.get("class", "fr-select"),
        bound.auto_id,
        format_html_join("", '<option value="{}"{}>{}</option>', options),
    )
