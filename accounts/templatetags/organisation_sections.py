from django import template
from django.utils.safestring import SafeString

from accounts import organisation_sections

register = template.Library()


@register.simple_tag(takes_context=True)
def organisation_sections_for(context: template.Context, organisation) -> SafeString:
    """What the apps add to the block of `organisation` on the member's page (nothing for a non-member)."""
    return organisation_sections.sections_for(context["user"], organisation)
