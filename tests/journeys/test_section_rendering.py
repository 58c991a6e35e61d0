"""Sections of other apps render without re-running the context processors, yet keep the page's CSRF token and
CSP nonce (their forms post, their scripts run)."""

import re

from tests.initiatives.factories import InitiativeFactory
from tests.journeys.factories import ProjectFactory, sample_template


def test_sections_carry_the_pages_csrf_token_and_nonce(client_as, world):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    InitiativeFactory(project=project)  # the référent then sees the « Retirer de la galerie » form
    response = client_as(world["referent"]).get(project.get_absolute_url())
    html = response.content.decode()
    forms = re.findall(r'<form method="post".*?</form>', html, flags=re.DOTALL)
    assert any("Retirer de la galerie" in form for form in forms)
    for form in forms:
        assert re.search(r'name="csrfmiddlewaretoken" value="[^"]+"', form), "a form lost its CSRF token"
    nonces = set(re.findall(r'<script[^>]*nonce="([^"]*)"', html))
    assert len(nonces) == 1
    assert "" not in nonces
    assert 'src="/static/reports/' in html or "reports.js" in html
