"""Whole public pages for anonymous visitors, kept in each worker's memory.

The home page and the catalogue's results cost a few milliseconds of template rendering per request although they
are the same for every anonymous visitor until their data changes. AnonymousPageCacheMiddleware keeps the rendered
body of the pages listed in PAGES, keyed by the exact URL and a version of their data read at each request (the
same version their own caches already use), so a change shows at the next request.

What makes it safe:
- only GET requests without a session or messages cookie and without htmx; the user must be anonymous;
- a response is kept only when it is a plain 200 that sets no cookie, used no CSRF token, left the session and
  the messages untouched, and does not forbid storing;
- the CSP nonce is per request: the kept body holds a placeholder where the nonce was (a NUL byte, which no
  content can hold: portal.middleware refuses it in input and PostgreSQL in text), replaced by the request's
  own nonce on every answer;
- per process: a deployment restarts the workers, so no page outlives the code that rendered it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse

from catalogue.selectors import pages_version
from common.memo import ProcessMemo
from common.shells import plain_anonymous_get
from initiatives.figures import figures_version

NONCE_PLACEHOLDER = b"\x00csp-nonce\x00"
MAX_ENTRIES = 256
# Like the catalogue's own region cache (catalogue.views.CACHE_SECONDS): a bound for what a version could miss.
TTL_SECONDS = 300


# View name → the version of the data the page shows (cheap: one indexed query or one cache read).
PAGES: dict[str, Callable[[], str]] = {
    "portal:home": figures_version,
    "catalogue:service_list": pages_version,
}


@dataclass(frozen=True)
class _Entry:
    body: bytes
    headers: tuple[tuple[str, str], ...]


memory = ProcessMemo(max_entries=MAX_ENTRIES, seconds=TTL_SECONDS)


def _may_keep(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if "no-store" in response.get("Cache-Control", "") or "private" in response.get("Cache-Control", ""):
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the page holds a CSRF token: it belongs to this visitor
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    return not (messages is not None and (messages._queued_messages or messages.used))


class AnonymousPageCacheMiddleware:
    """Answers the pages of PAGES from memory for anonymous visitors (see the module's docstring).

    Listed last: its process_view runs after every other middleware's request processing (session, user, CSP
    nonce, login requirement) and the view's response reaches it first.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        key = getattr(request, "_page_cache_key", None)
        if key is not None and _may_keep(request, response):
            body = response.content
            nonce = getattr(request, "_csp_nonce", None)
            if nonce:
                body = body.replace(nonce.encode(), NONCE_PLACEHOLDER)
            memory.put(key, _Entry(body, tuple(response.items())))
        return response

    def process_view(self, request: HttpRequest, view_func: Callable, view_args, view_kwargs) -> HttpResponse | None:
        match = request.resolver_match
        version = PAGES.get(match.view_name) if match is not None else None
        if version is None or not plain_anonymous_get(request):
            return None
        data_version = version()
        # The view may reuse it (its own caches are keyed on the same version): one query less when the page is new.
        request.page_data_version = data_version
        key = (match.view_name, request.get_host(), request.scheme, request.get_full_path(), data_version)
        entry = memory.get(key)
        if entry is None:
            request._page_cache_key = key
            return None
        body = entry.body
        if NONCE_PLACEHOLDER in body:
            body = body.replace(NONCE_PLACEHOLDER, str(request.csp_nonce).encode())
        return HttpResponse(body, headers=dict(entry.headers))
