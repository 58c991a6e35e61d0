"""The admin's filter choices in one pass (templates/admin/filter.html): the département filter alone has 102."""

from django import template
from django.utils.safestring import SafeString

from common.admin import filter_choices_html

register = template.Library()


@register.simple_tag(takes_context=True)
def filter_choices(context, choices) -> SafeString:
    return filter_choices_html(context, choices)
