"""Site-wide HTTP rules: a NUL byte in the input is refused, private pages are never stored by a cache."""

from collections.abc import Callable

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse


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
