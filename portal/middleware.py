"""Site-wide HTTP rules: a NUL byte in the input is refused, private pages are never stored by a cache,
forwarded headers are trusted from the reverse proxy only, each request is logged once."""

import ipaddress
import logging
import re
import time
import uuid
from collections.abc import Callable
from functools import cache, lru_cache

from csp.constants import HEADER
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase

from portal.jsonlog import request_id_var, user_id_var

request_logger = logging.getLogger("portal.requests")


class NulByteRefused(BadRequest):
    """A NUL byte in the request's input (answered by the 400 page with its own explanation)."""


def _holds_nul(data) -> bool:
    return any("\x00" in key or any("\x00" in value for value in values) for key, values in data.lists())


class RefuseNulBytesMiddleware:
    """A backstop: a NUL byte in a query parameter or a form field is a 400.

    PostgreSQL refuses NUL in text; the views' forms already refuse it with a form error, this catches a
    parameter a view would read without one. Listed last: the 400 page needs the CSP nonce and the user.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _holds_nul(request.GET):
            raise NulByteRefused
        # Uploaded file names need no check: Django drops their non-printable characters.
        if request.method == "POST" and _holds_nul(request.POST):
            raise NulByteRefused
        return self.get_response(request)


class PrivatePagesNoStoreMiddleware:
    """`Cache-Control: private, no-store` on every response to a logged-in person and on every page that needs a
    login, unless the view set `no-store` itself; public pages seen anonymously stay cacheable.

    Listed before LoginRequiredMiddleware, whose process_view answers (the redirect to log in) before ours runs.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        private = getattr(request, "_requires_login", False) or (user is not None and user.is_authenticated)
        if private and "no-store" not in response.get("Cache-Control", ""):
            response["Cache-Control"] = "private, no-store"
        return response

    def process_view(self, request: HttpRequest, view_func: Callable, view_args, view_kwargs) -> None:
        # LoginRequiredMiddleware's own marker: @login_not_required sets login_required = False.
        request._requires_login = getattr(view_func, "login_required", True)


@lru_cache(maxsize=4096)
def _client_ip(value: str | None) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    # Memoised: parsing the same few addresses (the proxy's, the clients') on every request costs more than keeping.
    try:
        return ipaddress.ip_address((value or "").strip())
    except ValueError:
        return None


@cache
def _trusted_networks(proxies: tuple[str, ...]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


@lru_cache(maxsize=4096)
def _is_trusted(address: str | None, proxies: tuple[str, ...]) -> bool:
    ip = _client_ip(address)
    return ip is not None and any(ip in network for network in _trusted_networks(proxies))


def is_trusted_proxy(address: str | None) -> bool:
    return _is_trusted(address, tuple(settings.TRUSTED_PROXIES))


_REQUEST_ID = re.compile(r"^[A-Za-z0-9-]{8,64}$")
_FORWARDED_HEADERS = (
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PORT",
    "HTTP_FORWARDED",
    "HTTP_X_REQUEST_ID",
)


class TrustedProxyMiddleware:
    """Forwarded headers count only on a connection from the reverse proxy (settings.TRUSTED_PROXIES).

    From anyone else they are removed before anything reads them, so SECURE_PROXY_SSL_HEADER cannot be
    forged by a client reaching gunicorn directly. From the proxy, the client's address replaces the proxy's
    (the last X-Forwarded-For entry: the one the proxy added). Listed first.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        meta = request.META
        if is_trusted_proxy(meta.get("REMOTE_ADDR")):
            client = _client_ip(meta.get("HTTP_X_FORWARDED_FOR", "").rsplit(",", 1)[-1])
            if client is not None:
                meta["REMOTE_ADDR"] = str(client)
        else:
            for header in _FORWARDED_HEADERS:
                meta.pop(header, None)
        return self.get_response(request)


class RequestLogMiddleware:
    """One JSON-ready log line per request: request id, user id, URL pattern, status and duration.

    The request id comes from the proxy (X-Request-ID, kept only from a trusted proxy) or is made here; it is
    sent back in the response and carried by every line logged during the request.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        proposed = request.headers.get("x-request-id", "")
        request_id = proposed if _REQUEST_ID.match(proposed) else uuid.uuid4().hex
        request.request_id = request_id
        request_token = request_id_var.set(request_id)
        user_token = user_id_var.set(None)
        status = 500
        try:
            response = self.get_response(request)
            status = response.status_code
            response["X-Request-ID"] = request_id
            return response
        finally:
            user_id = _user_id(request)
            user_id_var.set(user_id)
            match = getattr(request, "resolver_match", None)
            # The container health check's every-15-second probe stays out of the INFO log when it passes.
            quiet = status == 200 and match is not None and match.view_name == "portal:health"
            request_logger.log(
                logging.DEBUG if quiet else logging.INFO,
                "%s %s %s",
                request.method,
                match.route if match else "(aucune route)",
                status,
                extra={
                    "request_id": request_id,
                    "user_id": user_id,
                    "method": request.method,
                    # The URL pattern, not the path: paths may hold tokens.
                    "route": match.route if match else None,
                    "view": match.view_name if match else None,
                    "status": status,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    "ip": request.META.get("REMOTE_ADDR"),
                },
            )
            request_id_var.reset(request_token)
            user_id_var.reset(user_token)


def _user_id(request: HttpRequest) -> int | None:
    """The id of the user the request already loaded: never loads a session for the log's sake."""
    user = request.__dict__.get("_cached_user")
    return user.pk if user is not None and user.is_authenticated else None


_NONCE_MARK = "\x00nonce\x00"
_POLICY_ATTRIBUTES = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_exempt",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
    "_csp_exempt_ro",
)


_built: list = [None, None]  # [the setting the policy was built from, (without nonce, (before, after) the nonce)]


def _site_policy(setting: dict) -> tuple[str, tuple[str, str]]:
    """The site's policy without nonce, and with one split around the nonce's place (built again only when the
    setting is replaced, as tests do)."""
    if _built[0] is not setting:
        before, _, after = build_policy(nonce=_NONCE_MARK).partition(_NONCE_MARK)
        _built[:] = [setting, (build_policy(), (before, after))]
    return _built[1]


class SitePolicyCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the site-wide policy built once per process instead of twice per request.

    A response that asks for its own policy (the csp decorators), a report-only policy, excluded prefixes or the
    DEBUG error pages go through django-csp's own code unchanged.
    """

    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        policy = settings.CONTENT_SECURITY_POLICY
        if (
            settings.DEBUG
            or not policy
            or policy.get("EXCLUDE_URL_PREFIXES")
            or getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
            or HEADER in response
            or any(hasattr(response, name) for name in _POLICY_ATTRIBUTES)
        ):
            return super().process_response(request, response)
        without_nonce, (before, after) = _site_policy(policy)
        nonce = getattr(request, "_csp_nonce", None)
        response[HEADER] = f"{before}{nonce}{after}" if nonce else without_nonce
        if nonce is None:
            # As django-csp does: a nonce asked for after the header is written would protect nothing.
            request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response
