"""`{% load glossary %}` then `{% glossary_links value %}`: see common.term_links."""

from django import template
from django.utils.safestring import SafeString

from common.term_links import link_terms

register = template.Library()
SEEN_KEY = "glossary_links_seen"


@register.simple_tag(takes_context=True)
def glossary_links(context: template.Context, value: object) -> SafeString:
    # The render context lives for one page render and is shared with its includes: one link per term per page.
    seen = context.render_context.get(SEEN_KEY)
    if seen is None:
        seen = context.render_context[SEEN_KEY] = set()
    return link_terms(value, seen)
