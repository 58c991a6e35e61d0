from resources.rendering import render_markdown
from tests.resources.factories import ResourceFactory


def test_script_in_body_is_not_rendered(client):
    resource = ResourceFactory(body="Avant <script>alert('x')</script> après\n\n<img src=x onerror=alert(1)>")

    response = client.get(resource.get_absolute_url())

    assert "alert(" not in response.text
    assert "onerror" not in response.text
    assert "Avant" in response.text


def test_javascript_links_lose_their_target():
    html = render_markdown("[cliquez](javascript:alert(1)) et [la loi](https://www.legifrance.gouv.fr/)").html

    assert "javascript:" not in html
    assert 'href="https://www.legifrance.gouv.fr/"' in html
    assert 'rel="noopener noreferrer nofollow external"' in html


def test_level_one_heading_becomes_level_two():
    rendered = render_markdown("# Titre du contenu\n\ntexte")

    assert "<h1" not in rendered.html
    assert '<h2 id="section-titre-du-contenu">Titre du contenu</h2>' in rendered.html


def test_use_case_fields_are_sanitised_too(client):
    resource = ResourceFactory(use_case=True, problem="Un <script>alert(2)</script> problème <b onclick=x()>gras</b>")

    response = client.get(resource.get_absolute_url())

    assert "alert(2)" not in response.text
    assert "onclick" not in response.text
    assert "problème" in response.text
