import re

import pytest
from django.core.cache import cache

from portal import pagecache
from portal.accessibility import AUDIT

SITE_PAGES = [
    ("/", "L’intelligence artificielle et la donnée au service de votre territoire"),
    ("/mentions-legales/", "Mentions légales"),
    ("/accessibilite/", "Déclaration d’accessibilité"),
    ("/donnees-personnelles/", "Données personnelles"),
    ("/plan-du-site/", "Plan du site"),
]


@pytest.mark.parametrize(("url", "heading"), SITE_PAGES)
def test_visitor_reads_each_site_page_in_french(client, url, heading):
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr"' in html
    assert f"<h1>{heading}</h1>" in html
    assert f"Accessibilité&nbsp;: {AUDIT.level}</a>" in html  # the level of the audit grid (docs/rgaa.md)
    assert 'href="#contenu"' in html


@pytest.mark.parametrize(("url", "heading"), SITE_PAGES)
def test_pages_load_assets_from_the_portal_only(client, url, heading):
    html = client.get(url).content.decode()
    for tag_url in re.findall(r'<(?:script|link|img|source|iframe)[^>]+(?:src|href)="([^"]+)"', html):
        assert not re.match(r"^(https?:)?//", tag_url), f"{url} charge {tag_url} depuis un autre site"


def test_anonymous_home_page_runs_no_query_once_warm(client, django_assert_num_queries):
    cache.clear()
    pagecache.memory.clear()
    assert client.get("/").status_code == 200  # the first visit of a worker reads the figures
    with django_assert_num_queries(0):
        assert client.get("/").status_code == 200


def test_unknown_page_gets_the_french_404(client):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_security_headers_are_sent(client):
    response = client.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "'unsafe-inline'" not in csp
    assert "script-src 'self' 'nonce-" in csp
