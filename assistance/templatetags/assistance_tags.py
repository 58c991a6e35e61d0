from django import template

from assistance.emails import display_name
from assistance.espace_rows import STATUS_BADGES, urls_of

register = template.Library()

BADGE = STATUS_BADGES


NAV = ("espace:home", "espace:request_list", "espace:organisation_list", "espace:project_list", "espace:expert_list")


@register.simple_tag
def espace_nav() -> dict[str, str]:
    """The espace's navigation links by route name without its namespace (« home », « request_list »…)."""
    return {name.removeprefix("espace:"): url for name, url in urls_of(*NAV).items()}


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
