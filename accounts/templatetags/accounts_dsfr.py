"""Render any Django form (allauth's included) with the DSFR field markup of django-dsfr."""

from django import template
from django.forms import Form
from django.utils.safestring import mark_safe
from dsfr.forms import DsfrBoundField
from dsfr.utils import dsfr_input_class_attr

from common.error_summary import OPTIONAL_RULE_HTML, optional_rule_applies

register = template.Library()


@register.filter
def dsfr_fields(form: Form) -> str:
    """Every field of `form` as DSFR input groups; non-field errors are in the page's error summary
    (templates/layout/_error_summary.html), at the top of the page.

    The DSFR field templates come from settings.FORM_RENDERER (portal.forms.DsfrRenderer).
    """
    parts = []
    if optional_rule_applies(form):
        parts.append(OPTIONAL_RULE_HTML)
    for name, field in form.fields.items():
        bound = DsfrBoundField(form, field, name)
        if bound.is_hidden:
            parts.append(str(bound))
            continue
        dsfr_input_class_attr(bound)
        parts.append(str(bound.as_field_group()))
    return mark_safe("".join(parts))  # noqa: S308 (built from escaped form rendering)
