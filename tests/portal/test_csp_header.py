"""The Content-Security-Policy header, built once per process (portal.middleware.SitePolicyCSPMiddleware): the
same policy django-csp builds, a fresh nonce per response, and django-csp's own path for per-view policies."""

import re

import pytest
from csp.exceptions import CSPNonceError
from csp.utils import build_policy
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from portal.middleware import SitePolicyCSPMiddleware


def _directives(header: str) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in header.split(";") if part.strip())


def _middleware(response: HttpResponse) -> SitePolicyCSPMiddleware:
    return SitePolicyCSPMiddleware(lambda request: response)


def test_header_is_django_csps_policy_with_this_requests_nonce(client):
    response = client.get(reverse("portal:home"))

    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    assert f'nonce="{nonce}"' in response.content.decode()
    assert _directives(response["Content-Security-Policy"]) == _directives(build_policy(nonce=nonce))


def test_each_response_gets_its_own_nonce():
    nonces = set()
    for _ in range(3):
        request = RequestFactory().get("/")
        middleware = _middleware(HttpResponse())
        middleware.process_request(request)
        str(request.csp_nonce)
        nonces.add(re.search(r"'nonce-([^']+)'", middleware(request)["Content-Security-Policy"]).group(1))
    assert len(nonces) == 3


def test_response_that_used_no_nonce_gets_the_policy_without_one(client):
    response = client.get(reverse("territories:autocomplete"), {"q": "lyon"})

    assert "'nonce-" not in response["Content-Security-Policy"]
    assert _directives(response["Content-Security-Policy"]) == _directives(build_policy())


def test_nonce_asked_after_the_header_is_written_is_refused():
    request = RequestFactory().get("/")
    middleware = _middleware(HttpResponse())
    middleware.process_request(request)
    middleware(request)

    with pytest.raises(CSPNonceError):
        str(request.csp_nonce)


def test_a_views_own_policy_goes_through_django_csp():
    response = HttpResponse()
    response._csp_update = {"img-src": ["https://tuiles.example.org"]}
    request = RequestFactory().get("/")
    middleware = _middleware(response)
    middleware.process_request(request)

    header = middleware(request)["Content-Security-Policy"]

    assert "https://tuiles.example.org" in _directives(header)["img-src"]


def test_a_changed_setting_is_followed(settings):
    request = RequestFactory().get("/")
    _middleware(HttpResponse())(request)
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"]}}

    header = _middleware(HttpResponse())(RequestFactory().get("/"))["Content-Security-Policy"]

    assert _directives(header)["default-src"] == "'none'"
