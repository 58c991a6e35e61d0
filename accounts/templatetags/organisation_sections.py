from django import template
from django.utils.safestring import SafeString

from accounts import organisation_sections

register = template.Library()


@register.simple_tag(takes_context=True)
def organisation_sections_for(context: template.Context, memberships) -> SafeString:
    """What the apps add to the blocks of the user's own collectivités (nothing for anyone else's)."""
    return organisation_sections.sections_for(context["user"], memberships)
