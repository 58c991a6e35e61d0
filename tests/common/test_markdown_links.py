"""One sanitiser, one link policy for the three Markdown renderers: comments and help texts (journeys), service
descriptions (catalogue), resources. Off-site links never pass for site-relative ones and are marked external."""

import pytest

from catalogue.rendering import render_markdown as render_description
from common.markdown import EXTERNAL_REL, sanitise
from journeys.markup import render_markdown as render_comment
from resources.rendering import render_markdown as render_resource

RENDERERS = {
    "comment": render_comment,
    "description": render_description,
    "resource": lambda text: render_resource(text).html,
}
OFF_SITE_DISGUISED_AS_RELATIVE = ["//evil.example", "/\\evil.example", "/\\/evil.example", "//evil.example/chemin"]


@pytest.mark.parametrize("renderer", RENDERERS)
@pytest.mark.parametrize("target", OFF_SITE_DISGUISED_AS_RELATIVE)
def test_a_link_to_another_host_written_as_relative_loses_its_target(renderer, target):
    html = RENDERERS[renderer](f"Voir [ce site]({target}) maintenant.")
    assert "href" not in html
    assert "ce site" in html


@pytest.mark.parametrize("renderer", RENDERERS)
def test_a_site_relative_link_stays_as_is_and_is_not_marked_external(renderer):
    html = RENDERERS[renderer]("Le [catalogue](/catalogue/?theme=donnees).")
    assert 'href="/catalogue/?theme=donnees"' in html
    assert "external" not in html
    assert "site externe" not in html


@pytest.mark.parametrize("renderer", RENDERERS)
def test_an_off_site_link_is_marked_external_for_browsers_and_screen_readers(renderer):
    html = RENDERERS[renderer]("La [CNIL](https://www.cnil.fr/) en parle.")
    assert f'href="https://www.cnil.fr/" rel="{EXTERNAL_REL}"' in html
    assert '<span class="fr-sr-only"> (site externe)</span></a>' in html


@pytest.mark.parametrize("renderer", RENDERERS)
def test_javascript_and_data_links_lose_their_target(renderer):
    html = RENDERERS[renderer]("[a](javascript:alert(1)) [b](data:text/html,x) [c](vbscript:x)")
    assert "href" not in html


@pytest.mark.parametrize("href", ["/&#9;/evil.example", " //evil.example", "/\\evil.example", "\\\\evil.example"])
def test_browser_quirks_do_not_turn_a_foreign_host_into_a_site_link(href):
    assert "href" not in sanitise(f'<a href="{href}">x</a>')


def test_raw_html_cannot_bring_its_own_rel_id_or_off_site_relative_link():
    html = sanitise(
        '<a href="//evil.example" rel="opener">x</a><h2 id="contenu">T</h2><a href="/ok" rel="x">y</a>'
        '<a title="t" href="https://ailleurs.example/?a=1&amp;b=2">z</a>'
    )
    assert "evil.example" not in html
    assert 'rel="opener"' not in html
    assert 'id="contenu"' not in html  # a layout id (skip link target) is not for content to take
    assert '<a href="/ok">y</a>' in html
    assert f'<a title="t" href="https://ailleurs.example/?a=1&amp;b=2" rel="{EXTERNAL_REL}">' in html


def test_resource_heading_anchors_survive():
    html = render_resource("## Une partie\n\ntexte").html
    assert '<h2 id="section-une-partie">Une partie</h2>' in html
