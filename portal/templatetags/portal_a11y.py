from django import template
from django.utils.safestring import mark_safe

from common.error_summary import OPTIONAL_RULE_HTML, ErrorLink, form_errors, help_text_has_link, optional_rule_applies

register = template.Library()


@register.simple_tag(takes_context=True)
def page_form_errors(context) -> list[ErrorLink]:
    """The errors of the bound forms of the page's context (see common.error_summary)."""
    return form_errors(context.flatten().values())


@register.filter
def has_link(help_text) -> bool:
    """Whether a help text holds a link: then it follows its field, to keep the tab order (RGAA 12.8)."""
    return help_text_has_link(help_text)


@register.filter
def marks_optional_fields(form) -> bool:
    """Whether the form mixes required fields and fields marked « (Optionnel) » (settings.DSFR_MARK_OPTIONAL_FIELDS):
    then it says « Sauf mention contraire, tous les champs sont obligatoires. »"""
    return optional_rule_applies(form)


@register.simple_tag
def optional_rule() -> str:
    """« Sauf mention contraire, tous les champs sont obligatoires. » (common.error_summary.OPTIONAL_RULE_HTML)."""
    return mark_safe(OPTIONAL_RULE_HTML)  # noqa: S308 (a constant)
