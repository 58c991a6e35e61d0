"""Descriptions are Markdown, rendered then sanitised: no script, no event handler, no javascript: link."""

from catalogue.rendering import render_markdown
from tests.catalogue.factories import ServiceFactory


def test_markdown_is_rendered():
    html = render_markdown("# Titre\n\n**gras** et [lien](https://example.org)\n\n- un\n- deux")
    assert "<h2>Titre</h2>" in html
    assert "<strong>gras</strong>" in html
    assert '<a href="https://example.org" rel="noopener noreferrer nofollow external">lien' in html
    assert "<li>un</li>" in html


def test_dangerous_html_is_removed():
    html = render_markdown(
        '<script>alert(1)</script><img src=x onerror="alert(2)">[piège](javascript:alert(3))<iframe></iframe>'
    )
    assert "<script" not in html
    assert "onerror" not in html
    assert "javascript:" not in html
    assert "<iframe" not in html
    assert "<img" not in html


def test_service_page_shows_the_sanitised_description(client, themes):
    service = ServiceFactory(description="Texte **important**<script>alert('x')</script>")
    html = client.get(service.get_absolute_url()).text
    assert "<strong>important</strong>" in html
    assert "alert('x')" not in html
