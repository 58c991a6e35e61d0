"""Markdown → safe HTML for service descriptions: rendered, then sanitised by the site's one sanitiser."""

import markdown
from django.utils.safestring import SafeString

from common.markdown import sanitise


def render_markdown(text: str) -> SafeString:
    """Render Markdown to HTML keeping only harmless tags; raw HTML, scripts and `javascript:` links are removed."""
    html = markdown.markdown(text or "", extensions=["sane_lists"], output_format="html")
    # Headings of a description sit under the page's h1/h2: shift them down one level.
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    return sanitise(html)
