"""A page's layout rendered once per worker for anonymous visitors, its per-request parts put in at each request.

For the pages whose content is already kept (the catalogue's results region) the layout around it — header, skip
links, breadcrumb, footer, scripts: a dozen templates and includes — became a sizeable part of a request (0.3 ms of
2.5 for a new search). For an anonymous visitor it is the same on every request but for the parts the view names
(the slots: the region, the title) and the CSP nonce, so it is rendered once with a marker in place of each, and the
markers are replaced at each request.

Only for requests where nothing else can vary (plain_anonymous_get: an anonymous visitor without a session or
messages cookie, not an htmx request; portal.pagecache keeps whole pages on the same condition). A layout whose
rendering touched the CSRF token, or in which a slot does not appear exactly once, is not kept: the page is
rendered as usual.
"""

import re

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from common.memo import ProcessMemo

# Markers between NUL bytes: no content can hold one (portal.middleware refuses them in input, PostgreSQL in text).
_NONCE_NAME = "csp-nonce"  # where the request's nonce goes: not a slot name a view may give
_MARKS = re.compile("\x00shell:([^\x00]*)\x00")
shells = ProcessMemo(max_entries=32, seconds=24 * 3600)  # keyed on the code's templates: never stale in a worker


def _slot(name: str) -> str:
    return f"\x00shell:{name}\x00"


def plain_anonymous_get(request: HttpRequest) -> bool:
    """A GET from an anonymous visitor without a session or messages cookie, not from htmx: nothing of the page can
    then belong to this visitor (portal.pagecache keeps whole pages on the same condition)."""
    if request.method != "GET" or "hx-request" in request.headers:
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or CookieStorage.cookie_name in cookies:
        return False
    user = getattr(request, "user", None)
    return user is not None and not user.is_authenticated


def render_in_shell(
    request: HttpRequest, template_name: str, context: dict, slots: dict[str, str | SafeString]
) -> HttpResponse:
    """render(request, template_name, {**context, **slots}), the layout kept per worker for anonymous visitors.

    `context` must be the same on every request of this template (it is rendered into the kept layout); `slots`
    are what varies, each printed once by the template (a str is escaped as the template would).
    """
    if not plain_anonymous_get(request):
        return render(request, template_name, {**context, **slots})
    key = (template_name, get_script_prefix(), tuple(sorted(slots)))
    shell = shells.get(key)
    if shell is None:
        shell = _render_shell(request, template_name, context, slots)
        if shell is None:
            return render(request, template_name, {**context, **slots})
        shells.put(key, shell)
    # One pass over the kept pieces: literal text at even places, the name of what goes between at odd ones.
    filled = {name: conditional_escape(value) for name, value in slots.items()}
    if _NONCE_NAME in shell[1::2]:
        filled[_NONCE_NAME] = str(request.csp_nonce)
    return HttpResponse("".join(piece if index % 2 == 0 else filled[piece] for index, piece in enumerate(shell)))


def _render_shell(request: HttpRequest, template_name: str, context: dict, slots: dict) -> tuple[str, ...] | None:
    csrf_before = request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    marked = {name: mark_safe(_slot(name)) for name in slots}  # noqa: S308 (a marker, replaced before sending)
    html = render_to_string(template_name, {**context, **marked}, request=request)
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") != csrf_before:
        return None  # the layout holds a CSRF token: it belongs to this visitor
    if any(html.count(_slot(name)) != 1 for name in slots):
        return None
    nonce = str(getattr(request, "_csp_nonce", "") or "")
    if nonce:
        html = html.replace(nonce, _slot(_NONCE_NAME))
    return tuple(_MARKS.split(html))
