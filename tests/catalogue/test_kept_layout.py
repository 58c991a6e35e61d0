"""The layout kept per worker for anonymous visitors writes the same page as a full render, with this request's
nonce and slots; anyone else, and any layout it cannot keep safely, gets the full render."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import RequestFactory

from common import shells
from portal import pagecache
from tests.accounts.factories import UserFactory
from tests.catalogue.factories import ServiceFactory

HOSTILE = "<script>alert('x')</script> & « école »"


def _normalised(html: str) -> str:
    # django-dsfr draws a random id for each breadcrumb it renders: the kept layout keeps the first one.
    return re.sub(r"breadcrumb-[a-z]+", "breadcrumb-id", html)


def _full_render(client, path: str, data: dict) -> str:
    """The page as rendered without the kept layout (nor the whole page kept for anonymous visitors)."""
    pagecache.memory.clear()
    shells.shells.clear()
    original = shells.plain_anonymous_get
    shells.plain_anonymous_get = lambda request: False
    try:
        return client.get(path, data).text
    finally:
        shells.plain_anonymous_get = original


@pytest.mark.parametrize("terms", ["cantine", HOSTILE, ""])
def test_an_anonymous_search_writes_the_full_render_with_its_own_nonce(client, themes, terms):
    ServiceFactory(name="Alpha cantine", themes=[themes["donnees"]])
    client.get("/catalogue/", {"q": "premier passage"})  # keeps the layout
    assert len(shells.shells) == 1
    response = client.get("/catalogue/", {"q": terms, "tri": "nom"})
    kept = response.text
    nonce = str(response.wsgi_request.csp_nonce)
    assert set(re.findall(r'nonce="([^"]+)"', kept)) == {nonce}
    assert nonce in response["Content-Security-Policy"]
    expected = _full_render(client, "/catalogue/", {"q": terms, "tri": "nom"})
    assert _normalised(re.sub(r'nonce="[^"]+"', "", kept)) == _normalised(re.sub(r'nonce="[^"]+"', "", expected))
    assert "<script>alert" not in kept


def test_a_signed_in_member_gets_the_full_render(client, themes):
    client.force_login(UserFactory())
    assert client.get("/catalogue/", {"q": "cantine"}).status_code == 200
    assert len(shells.shells) == 0


def test_a_visitor_with_a_message_gets_it_in_the_full_render(client, themes):
    storage = CookieStorage(RequestFactory().get("/"))
    client.cookies[CookieStorage.cookie_name] = storage._encode(
        [Message(constants.SUCCESS, "Déclaration enregistrée.")]
    )
    html = client.get("/catalogue/", {"q": "cantine"}).text
    assert "Déclaration enregistrée." in html
    assert len(shells.shells) == 0


def test_a_layout_holding_a_csrf_token_or_a_slot_twice_is_not_kept(rf, settings, tmp_path):
    (tmp_path / "csrf.html").write_text("{% csrf_token %}<p>{{ body }}</p>")
    (tmp_path / "twice.html").write_text("<p>{{ body }}</p><p>{{ body }}</p>")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]
    for name, expected in [("csrf.html", "<p>corps</p>"), ("twice.html", "<p>corps</p><p>corps</p>")]:
        request = rf.get("/")
        request.user = AnonymousUser()
        response = shells.render_in_shell(request, name, {}, {"body": "corps"})
        assert expected in response.content.decode()
        assert len(shells.shells) == 0
