"""Help texts of steps and questions are rendered once per worker: the same HTML as render_markdown."""

from journeys.markup import render_markdown
from journeys.pages import help_html as _help_html


def test_help_is_rendered_once_and_identically():
    source = "Voir [le guide](https://example.org) et **lisez-le**.\n\n- un\n- deux"
    first = _help_html(source)
    hits = _help_html.cache_info().hits
    assert _help_html(source) is first
    assert _help_html.cache_info().hits == hits + 1
    assert first == render_markdown(source)
    assert "<script>" not in _help_html("<script>alert(1)</script>")
