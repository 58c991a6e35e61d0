"""The base layout's header, footer, styles and scripts, rendered once per process and variant instead of on every
page.

The footer is the same on every page; the header varies only with the visitor's kind (anonymous, member, staff,
superuser: the account links) and with the current entry of the main navigation. Both depend on no other value:
each variant is rendered from its template the first time it is needed, then reused (a few dozen at most).
The styles and scripts (the DSFR's and the portal's, with their static URLs: a dozen lookups in the manifest) are
the same on every page but for the scripts' CSP nonce, put in the kept HTML at each request.
"""

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

_rendered: dict[tuple, SafeString] = {}
_NONCE_MARK = "\x1fnonce\x1f"  # stands for the request's nonce in the kept scripts


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


def _assets_key(name: str) -> tuple:
    # Static URLs follow STATIC_URL (prefixed by the script prefix when relative) and DEBUG (unhashed names).
    return (name, get_script_prefix(), settings.STATIC_URL, settings.DEBUG)


@register.simple_tag
def site_assets() -> SafeString:
    """The DSFR's and the portal's style sheets and icons (layout/_head_assets.html)."""
    return _once(_assets_key("assets"), "layout/_head_assets.html", {})


@register.simple_tag(takes_context=True)
def site_scripts(context) -> SafeString:
    """The DSFR's and the portal's scripts (layout/_scripts.html), with this request's CSP nonce."""
    html = _once(_assets_key("scripts"), "layout/_scripts.html", {"nonce": _NONCE_MARK})
    request = context.get("request")
    nonce = escape(request.csp_nonce) if request is not None else ""
    return mark_safe(html.replace(_NONCE_MARK, nonce))  # noqa: S308 (kept HTML of our template, the nonce escaped)
