"""The admin's filter choices in one pass (templates/admin/filter.html): the département filter alone has 102; the
change list's action select rendered once per worker and set of actions (templates/admin/actions.html)."""

from django import template
from django.utils.safestring import SafeString

from common.admin import action_fields_html, filter_choices_html

register = template.Library()


@register.simple_tag(takes_context=True)
def filter_choices(context, choices) -> SafeString:
    return filter_choices_html(context, choices)


@register.simple_tag
def action_fields(action_form) -> SafeString:
    return action_fields_html(action_form)
