from django import template

from portal.error_summary import ErrorLink, form_errors

register = template.Library()


@register.simple_tag(takes_context=True)
def page_form_errors(context) -> list[ErrorLink]:
    """The errors of the bound forms of the page's context (see portal.error_summary)."""
    return form_errors(context.flatten().values())


@register.filter
def has_link(help_text) -> bool:
    """Whether a help text holds a link: then it follows its field, to keep the tab order (RGAA 12.8)."""
    return "<a " in str(help_text or "")
