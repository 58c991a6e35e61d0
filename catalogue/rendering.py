"""Markdown → safe HTML for service descriptions: rendered, then sanitised with nh3 (an allow-list)."""

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote", "code", "pre"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


def render_markdown(text: str) -> SafeString:
    """Render Markdown to HTML keeping only harmless tags; raw HTML, scripts and `javascript:` links are removed."""
    html = markdown.markdown(text or "", extensions=["sane_lists"], output_format="html")
    # Headings of a description sit under the page's h1/h2: shift them down one level.
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    return mark_safe(clean)  # noqa: S308 (sanitised by nh3 just above)
