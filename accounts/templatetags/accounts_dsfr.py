"""Render any Django form (allauth's included) with the DSFR field markup of django-dsfr."""

from django import template
from django.forms import Form
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from dsfr.forms import DsfrBoundField
from dsfr.utils import dsfr_input_class_attr

register = template.Library()


@register.filter
def dsfr_fields(form: Form) -> str:
    """Every field of `form` as DSFR input groups; non-field errors first, as a DSFR alert.

    The DSFR field templates come from settings.FORM_RENDERER (portal.forms.DsfrRenderer).
    """
    parts = []
    non_field_errors = form.non_field_errors() if form.is_bound else []
    if non_field_errors:
        items = format_html_join("", "<p>{}</p>", ((error,) for error in non_field_errors))
        parts.append(f'<div class="fr-alert fr-alert--error fr-alert--sm fr-mb-3w" role="alert">{items}</div>')
    for name, field in form.fields.items():
        bound = DsfrBoundField(form, field, name)
        if bound.is_hidden:
            parts.append(str(bound))
            continue
        dsfr_input_class_attr(bound)
        parts.append(str(bound.as_field_group()))
    return mark_safe("".join(parts))  # noqa: S308 (built from escaped form rendering)
