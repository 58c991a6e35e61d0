from django import template
from django.utils.safestring import SafeString

from journeys.markup import render_markdown

register = template.Library()


@register.filter
def markdown(value: str) -> SafeString:
    """Render the safe Markdown subset of journeys.markup (help texts of the template, content data)."""
    return render_markdown(value or "")
