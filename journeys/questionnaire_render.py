"""The rendering of the questionnaires' answer fields (maturity diagnostic, ethics check): one radio button or
checkbox per choice, with DSFR's markup, written in Python.

django-dsfr's radio and checkbox templates cost one template per choice (two with the label): the diagnostic's
thirty questions of four or five choices made a few hundred renders per page. These widgets write the markup of
those templates, with the ids the pages have always had (`<key>-<n>` in the diagnostic, `<key>-<choice key>` in the
ethics check: links, tests and the keyboard tests use them). Every questionnaire field renders here, so switching
to a shared light renderer (or back to django-dsfr's templates) is a change of this module only.
"""

from django import forms
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe


class _PlainChoices:
    """One DSFR radio or checkbox group element per choice; the fieldset and legend are the page's."""

    input_type = "radio"
    group_class = "fr-radio-group"
    # True: ids `<key>-<value>` (the ethics check); False: `<key>-<1-based position>` (the diagnostic).
    ids_by_value = False

    def option_id(self, base: str, index: int, value: str) -> str:
        return f"{base}-{value}" if self.ids_by_value else f"{base}-{index + 1}"

    def id_for_label(self, id_: str, index: str | None = None) -> str:
        """The first choice's id: where the error summary's link to the question lands."""
        if not id_ or not self.choices:
            return ""
        return self.option_id(id_, 0, str(self.choices[0][0]))

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        attrs = attrs or {}
        base = attrs.get("id") or name
        selected = set(self.format_value(value))
        disabled = " disabled" if attrs.get("disabled") else ""
        name = conditional_escape(name)
        # f-strings over escaped values: format_html per choice was most of the questionnaire pages' field time.
        options = []
        for index, (choice, label) in enumerate(self.choices):
            choice = str(choice)
            option_id = conditional_escape(self.option_id(base, index, choice))
            checked = " checked" if choice in selected else ""
            options.append(
                f'<div class="fr-fieldset__element"><div class="{self.group_class}">'
                f'<input type="{self.input_type}" id="{option_id}" name="{name}" value="{conditional_escape(choice)}"'
                f'{checked}{disabled}><label class="fr-label" for="{option_id}">{conditional_escape(label)}</label>'
                "</div></div>"
            )
        return mark_safe("\n".join(options))  # noqa: S308 (ids, name, values and labels escaped above)


class QuestionRadios(_PlainChoices, forms.RadioSelect):
    """A single-choice question's answers, identified by their position."""


class KeyedQuestionRadios(QuestionRadios):
    """A single-choice question's answers, identified by their key."""

    ids_by_value = True


class KeyedQuestionCheckboxes(_PlainChoices, forms.CheckboxSelectMultiple):
    """A multiple-choice question's answers, identified by their key."""

    input_type = "checkbox"
    group_class = "fr-checkbox-group"
    ids_by_value = True


def fieldset_error_id(bound_field: forms.BoundField) -> str:
    """The id of a question's error message, named by its fieldset's aria-labelledby (DSFR's fieldset error)."""
    return f"{bound_field.auto_id}-desc-error"


def field_errors(bound_field: forms.BoundField) -> SafeString:
    """A question's error messages under its choices, DSFR's `fr-messages-group`; empty without an error."""
    if not bound_field.errors:
        return mark_safe("")
    return format_html(
        '<div class="fr-messages-group" id="{}">{}</div>',
        fieldset_error_id(bound_field),
        format_html_join("", '<p class="fr-message fr-message--error">{}</p>', ((e,) for e in bound_field.errors)),
    )
