"""Whole public pages kept in the worker's memory for anonymous visitors (portal/pagecache.py): a fresh CSP nonce
in every answer, nothing of one visitor given to another, never for a logged-in person, and a change shows at once."""

import re

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal import pagecache
from tests.accounts.factories import OrganisationFactory
from tests.catalogue.factories import ServiceFactory
from tests.journeys.factories import ProjectFactory

HOME = reverse("portal:home")
SEARCH = reverse("catalogue:service_list") + "?q=cantine"


def _nonces(response) -> tuple[str, set[str]]:
    header = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    return header, set(re.findall(r'nonce="([^"]+)"', response.content.decode()))


@pytest.mark.parametrize("url", [HOME, SEARCH])
def test_second_anonymous_visit_is_answered_from_memory_with_its_own_nonce(client, url):
    ServiceFactory(name="Cantine numérique")
    first = client.get(url)
    assert len(pagecache.memory) == 1

    second = client.get(url)

    assert second.status_code == 200
    first_nonce, first_in_body = _nonces(first)
    second_nonce, second_in_body = _nonces(second)
    assert first_in_body == {first_nonce}
    assert second_in_body == {second_nonce}, "every script of the kept page carries this request's nonce"
    assert first_nonce != second_nonce
    assert b"\x00" not in second.content
    assert second.content.replace(second_nonce.encode(), b"N") == first.content.replace(first_nonce.encode(), b"N")
    assert not second.cookies, "a kept page sets no cookie"
    assert second["X-Request-ID"] != first["X-Request-ID"]


def test_kept_home_page_costs_no_rendering(client, monkeypatch):
    client.get(HOME)
    monkeypatch.setattr("portal.views.render", lambda *args, **kwargs: pytest.fail("rendered again"))

    assert client.get(HOME).status_code == 200


@pytest.mark.parametrize("url", [HOME, SEARCH])
def test_logged_in_person_never_gets_the_kept_page(client, user, url):
    client.get(url)
    client.get(url)
    kept = len(pagecache.memory)

    client.force_login(user)
    response = client.get(url)

    html = response.content.decode()
    assert "Se déconnecter" in html
    assert "Se connecter" not in html
    assert response["Cache-Control"] == "private, no-store"
    assert len(pagecache.memory) == kept, "a logged-in person's page is never kept"


def test_visitor_with_a_message_gets_the_page_with_it(client):
    client.get(HOME)
    storage = CookieStorage(RequestFactory().get(HOME))
    client.cookies[CookieStorage.cookie_name] = storage._encode([Message(constants.SUCCESS, "Message de ce visiteur")])

    assert "Message de ce visiteur" in client.get(HOME).content.decode()
    assert "Message de ce visiteur" not in client.__class__().get(HOME).content.decode()


def test_htmx_request_gets_the_results_region_not_the_kept_page(client):
    client.get(SEARCH)
    client.get(SEARCH)

    region = client.get(SEARCH, headers={"HX-Request": "true"})

    assert "<html" not in region.content.decode()
    assert "HX-Request" in region["Vary"]


def test_a_new_service_shows_at_once_in_the_kept_search(client):
    ServiceFactory(name="Cantine numérique")
    assert "Cantine numérique" in client.get(SEARCH).content.decode()

    ServiceFactory(name="Cantine en ligne")

    assert "Cantine en ligne" in client.get(SEARCH).content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_change_of_the_figures_shows_at_once_on_the_kept_home_page(client):
    OrganisationFactory()
    before = client.get(HOME).content.decode()
    client.get(HOME)
    assert "<strong>0</strong> projet" in before

    ProjectFactory()
    ProjectFactory()

    assert "<strong>2</strong> projets" in client.get(HOME).content.decode()


def test_warm_kept_home_page_runs_no_query(client):
    client.get(HOME)
    with CaptureQueriesContext(connection) as queries:
        client.get(HOME)
    assert len(queries) == 0


@pytest.mark.parametrize(
    ("meta", "response"),
    [
        ({"CSRF_COOKIE_NEEDS_UPDATE": True}, HttpResponse("x")),  # the page holds this visitor's CSRF token
        ({}, HttpResponse("x", status=404)),
        ({}, HttpResponse("x", headers={"Cache-Control": "no-store"})),
    ],
)
def test_pages_personal_to_a_visitor_are_not_kept(meta, response):
    request = RequestFactory().get(HOME)
    request.META.update(meta)

    assert pagecache._may_keep(request, response) is False


def test_page_setting_a_cookie_is_not_kept():
    response = HttpResponse("x")
    response.set_cookie("choix", "1")

    assert pagecache._may_keep(RequestFactory().get(HOME), response) is False
