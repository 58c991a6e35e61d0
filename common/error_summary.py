"""The errors of the forms a page shows, for the error summary at the top of the page (RGAA 11.10, 11.11).

Found in the template context by one tag in base.html, so every form of the portal gets the summary and the
« Erreur : » title prefix without per-page code.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django import forms
from django.forms.formsets import BaseFormSet


@dataclass(frozen=True)
class ErrorLink:
    label: str  # the field's label, empty for an error of the whole form
    message: str
    anchor: str  # id of the field to focus, empty when there is none


def _forms_in(values: Iterable) -> Iterable[forms.BaseForm]:
    # type(), not isinstance(): isinstance() would evaluate the context's lazy objects (SimpleLazyObject), and some
    # of them query or even write (seen in the admin crawl test). Only a bound formset has forms worth reading.
    seen: set[int] = set()
    for value in values:
        is_formset = issubclass(type(value), BaseFormSet)
        candidates = [value] if not is_formset else value.forms if value.is_bound else []
        for candidate in candidates:
            if issubclass(type(candidate), forms.BaseForm) and id(candidate) not in seen:
                seen.add(id(candidate))
                yield candidate


def _anchor(bound_field: forms.BoundField) -> str:
    # Radio buttons and checkbox lists have no element with the field's own id: link to the first choice.
    return bound_field.id_for_label or (f"{bound_field.auto_id}_0" if bound_field.auto_id else "")


def form_errors(values: Iterable) -> list[ErrorLink]:
    """Every error of the bound forms among `values` (e.g. a template context), in the order of the fields."""
    links: list[ErrorLink] = []
    for form in _forms_in(values):
        if not form.is_bound or not form.errors:
            continue
        for message in form.non_field_errors():
            links.append(ErrorLink(label="", message=message, anchor=""))
        for bound_field in form:
            if bound_field.is_hidden:
                continue
            for message in bound_field.errors:
                label = str(bound_field.label or "")
                links.append(ErrorLink(label=label, message=message, anchor=_anchor(bound_field)))
    return links


# Said once above a form whose optional fields are marked « (Optionnel) » (RGAA 11.10).
OPTIONAL_RULE_HTML = '<p class="fr-text--sm fr-mb-2w">Sauf mention contraire, tous les champs sont obligatoires.</p>'


def help_text_has_link(help_text) -> bool:
    """Whether a help text holds a link: then it follows its field, to keep the tab order (RGAA 12.8)."""
    return "<a " in str(help_text or "")


def optional_rule_applies(form: forms.BaseForm) -> bool:
    """Whether a form has both required fields and optional ones (marked « (Optionnel) » by django-dsfr)."""
    visible = [field for field in form.fields.values() if not field.widget.is_hidden]
    return any(field.required for field in visible) and any(not field.required for field in visible)
