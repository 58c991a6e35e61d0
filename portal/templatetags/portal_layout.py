"""The base layout's header and footer, rendered once per process and variant instead of on every page.

The footer is the same on every page; the header varies only with the visitor's kind (anonymous, member, staff,
superuser: the account links) and with the current entry of the main navigation. Both depend on no other value:
each variant is rendered from its template the first time it is needed, then reused (a few dozen at most).
"""

from django import template
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

_rendered: dict[tuple, SafeString] = {}


def _once(key: tuple, template_name: str, context: dict) -> SafeString:
    html = _rendered.get(key)
    if html is None:
        html = mark_safe(render_to_string(template_name, context))  # noqa: S308 (our own autoescaping template)
        _rendered[key] = html
    return html


@register.simple_tag(takes_context=True)
def site_header(context) -> SafeString:
    user = context.get("user")
    signed_in = bool(user is not None and user.is_authenticated)
    kind = (signed_in, signed_in and user.is_staff, signed_in and user.is_superuser)
    nav = context.get("main_nav") or []
    site_name = context.get("SITE_NAME", "")
    key = ("header", get_script_prefix(), site_name, kind, tuple(item["current"] for item in nav))
    return _once(key, "layout/_header.html", {"user": user, "main_nav": nav, "SITE_NAME": site_name})


@register.simple_tag(takes_context=True)
def site_footer(context) -> SafeString:
    site_name, level = context.get("SITE_NAME", ""), context.get("ACCESSIBILITY_LEVEL", "")
    key = ("footer", get_script_prefix(), site_name, level)
    return _once(key, "layout/_footer.html", {"SITE_NAME": site_name, "ACCESSIBILITY_LEVEL": level})
