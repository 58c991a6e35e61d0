from journeys.markup import render_markdown


def test_markdown_subset_renders_lists_links_and_emphasis():
    html = render_markdown("Voir **ceci** et *cela*.\n\n- un\n- deux\n\n[Catalogue](/catalogue/?theme=donnees)")
    assert "<strong>ceci</strong>" in html
    assert "<em>cela</em>" in html
    assert "<ul><li>un</li><li>deux</li></ul>" in html
    assert 'href="/catalogue/?theme=donnees"' in html


def test_markdown_never_lets_html_or_javascript_links_through():
    html = render_markdown('<img src=x onerror=alert(1)> [x](javascript:alert(1)) <a href="http://e.vil">a</a>')
    assert "<img" not in html
    assert '<a href="http://e.vil"' not in html
    assert "javascript:" not in html.replace("[x](javascript:alert(1))", "")
