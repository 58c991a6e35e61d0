from django import template

from assistance.emails import display_name
from assistance.espace_rows import STATUS_BADGES

register = template.Library()

BADGE = STATUS_BADGES


@register.simple_tag
def person(user, anct: bool = False) -> str:
    """A person's name as the other party sees it (never their address)."""
    return display_name(user, anct=bool(anct))


@register.filter
def status_badge(status: str) -> str:
    """The DSFR badge modifier of a request status."""
    return BADGE.get(status, "")


@register.filter
def markdown(source: str):
    """The sanitised rendering of a Markdown subset (the comments' renderer)."""
    from journeys.markup import render_markdown

    return render_markdown(source or "")
