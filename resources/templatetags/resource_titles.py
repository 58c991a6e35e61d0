from django import template
from django.utils.safestring import SafeString

from resources.rendering import title_html

register = template.Library()


@register.filter
def resource_title(resource) -> SafeString:
    """`resource.title` with its foreign-language part marked (resources.rendering.title_html)."""
    return title_html(resource.title, resource.original_title, resource.original_language)
