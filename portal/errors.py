"""Error pages in the DSFR layout. They must render even when the database is unavailable."""

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from portal.middleware import NulByteRefused


def _render(request: HttpRequest, template: str, status: int) -> HttpResponse:
    return HttpResponse(render_to_string(template, request=request), status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if isinstance(exception, NulByteRefused):
        reason = (
            "Elle contient un caractère nul (invisible), que le site n’accepte dans aucun champ ni aucune adresse."
        )
    else:
        reason = "Elle est mal formée ou trop volumineuse."
    return HttpResponse(render_to_string("400.html", {"reason": reason}, request=request), status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _render(request, "403.html", 403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _render(request, "404.html", 404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No request context: the failure may come from the session or the database.
    return HttpResponse(render_to_string("500.html"), status=500)
