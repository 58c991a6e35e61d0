"""A page's layout rendered once per worker for anonymous visitors, its per-request parts put in at each request.

For the pages whose content is already kept (the catalogue's results region) the layout around it — header, skip
links, breadcrumb, footer, scripts: a dozen templates and includes — became a sizeable part of a request (0.3 ms of
2.5 for a new search). For an anonymous visitor it is the same on every request but for the parts the view names
(the slots: the region, the title) and the CSP nonce, so it is rendered once with a marker in place of each, and the
markers are replaced at each request.

Only for requests where nothing else can vary: an anonymous visitor without a session or messages cookie, not an
htmx request (the same conditions as portal.pagecache). A layout whose rendering touched the CSRF token, or in which
a slot does not appear exactly once, is not kept: the page is rendered as usual.
"""

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from common.memo import ProcessMemo

# NUL bytes: no content can hold one (portal.middleware refuses them in input, PostgreSQL in text).
_NONCE = "\x00shell:nonce\x00"
shells = ProcessMemo(max_entries=32, seconds=24 * 3600)  # keyed on the code's templates: never stale in a worker


def _slot(name: str) -> str:
    return f"\x00shell:{name}\x00"


def _anonymous(request: HttpRequest) -> bool:
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
    if not _anonymous(request):
        return render(request, template_name, {**context, **slots})
    key = (template_name, get_script_prefix(), tuple(sorted(slots)))
    shell = shells.get(key)
    if shell is None:
        shell = _render_shell(request, template_name, context, slots)
        if shell is None:
            return render(request, template_name, {**context, **slots})
        shells.put(key, shell)
    html = shell.replace(_NONCE, str(request.csp_nonce)) if _NONCE in shell else shell
    for name, value in slots.items():
        html = html.replace(_slot(name), conditional_escape(value))
    return HttpResponse(html)


def _render_shell(request: HttpRequest, template_name: str, context: dict, slots: dict) -> str | None:
    csrf_before = request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    marked = {name: mark_safe(_slot(name)) for name in slots}  # noqa: S308 (a marker, replaced before sending)
    html = render_to_string(template_name, {**context, **marked}, request=request)
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") != csrf_before:
        return None  # the layout holds a CSRF token: it belongs to this visitor
    if any(html.count(_slot(name)) != 1 for name in slots):
        return None
    nonce = str(getattr(request, "_csp_nonce", "") or "")
    return html.replace(nonce, _NONCE) if nonce else html
