"""The base layout's header and footer, rendered once per process and variant (portal/templatetags/portal_layout.py):
each visitor kind and navigation entry gets exactly what the templates say, and a variant is rendered only once."""

import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from portal.templatetags import portal_layout
from tests.accounts.factories import StaffUserFactory, UserFactory


@pytest.fixture(autouse=True)
def _fresh_fragments():
    portal_layout._rendered.clear()


def _nav_current(html: str) -> list[str]:
    return [line for line in html.splitlines() if 'aria-current="page"' in line and "fr-nav__link" in line]


def test_anonymous_header_offers_login_and_signup(client):
    html = client.get(reverse("portal:home")).content.decode()

    assert "Se connecter" in html
    assert "Créer un compte" in html
    assert "Se déconnecter" not in html


@pytest.mark.parametrize(
    ("make_user", "present", "absent"),
    [
        (lambda: UserFactory(), ["Mon compte", "Se déconnecter"], ["Espace ANCT", "Administration ANCT"]),
        (lambda: StaffUserFactory(), ["Espace ANCT", "Se déconnecter"], ["Administration ANCT", "Se connecter"]),
        (lambda: StaffUserFactory(is_superuser=True), ["Espace ANCT", "Administration ANCT"], ["Se connecter"]),
    ],
)
def test_each_kind_of_visitor_gets_its_own_header(client, make_user, present, absent):
    client.get(reverse("portal:legal_notice"))  # an anonymous header is rendered first
    client.force_login(make_user())

    html = client.get(reverse("portal:legal_notice")).content.decode()

    for text in present:
        assert text in html
    for text in absent:
        assert text not in html


def test_navigation_marks_the_current_section(client):
    home = client.get(reverse("portal:home")).content.decode()
    catalogue = client.get(reverse("catalogue:service_list")).content.decode()

    [home_current] = _nav_current(home)
    [catalogue_current] = _nav_current(catalogue)
    assert ">Accueil<" in home_current
    assert ">Catalogue<" in catalogue_current


def test_fragments_equal_their_templates(client):
    response = client.get(reverse("portal:legal_notice"))
    html = response.content.decode()
    context = {"SITE_NAME": "Territoires IA", "ACCESSIBILITY_LEVEL": response.context["ACCESSIBILITY_LEVEL"]}

    assert render_to_string("layout/_footer.html", context) in html
    header_context = {**context, "user": response.context["user"], "main_nav": response.context["main_nav"]}
    assert render_to_string("layout/_header.html", header_context) in html


def test_a_variant_is_rendered_once(client, monkeypatch):
    client.get(reverse("portal:legal_notice"))
    monkeypatch.setattr(portal_layout, "render_to_string", lambda *args, **kwargs: pytest.fail("rendered again"))

    assert client.get(reverse("portal:privacy")).status_code == 200


def _nonces(html: str) -> set[str]:
    return set(re.findall(r'nonce="([^"]+)"', html))


def test_scripts_carry_each_request_s_nonce(client):
    first = client.get(reverse("portal:legal_notice"))
    second = client.get(reverse("portal:legal_notice"))

    for response in (first, second):
        html = response.content.decode()
        # The DSFR's two scripts and the portal's carry the nonce the CSP header allows.
        assert html.count(" nonce=") == 3
        [nonce] = _nonces(html)
        assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
    assert _nonces(first.content.decode()) != _nonces(second.content.decode())


def test_styles_and_scripts_equal_their_templates(client):
    html = client.get(reverse("portal:legal_notice")).content.decode()
    [nonce] = _nonces(html)

    assert render_to_string("layout/_head_assets.html") in html
    assert render_to_string("layout/_scripts.html", {"nonce": nonce}) in html
    assert "/static/css/portal.css" in html
    assert "/static/js/portal.js" in html
