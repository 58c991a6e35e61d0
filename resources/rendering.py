"""Markdown → safe HTML for resource bodies: rendered with heading anchors, then sanitised by the site's one
sanitiser (common.markdown)."""

import html as html_lib
from dataclasses import dataclass
from functools import lru_cache

import markdown
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from markdown.extensions.toc import slugify

from common.markdown import ANCHOR_PREFIX, sanitise


@dataclass(frozen=True)
class TocEntry:
    anchor: str
    title: str


@dataclass(frozen=True)
class RenderedBody:
    html: SafeString
    toc: tuple[TocEntry, ...]


def _anchor(value: str, separator: str) -> str:
    return ANCHOR_PREFIX + slugify(value, separator)


# Rendering costs ~2 ms per text and a use-case page renders seven: the text itself is the cache key, so an edit is
# picked up at once; 512 entries of a few kilobytes per process.
@lru_cache(maxsize=512)
def render_markdown(text: str) -> RenderedBody:
    """Render Markdown to sanitised HTML and list its second-level headings (for the table of contents).

    Raw HTML, scripts, event handlers and `javascript:` links are removed; a level-1 heading becomes a level-2 one
    (the page title is the only h1).
    """
    converter = markdown.Markdown(
        extensions=["sane_lists", "toc"],
        extension_configs={"toc": {"slugify": _anchor, "toc_depth": "2-2"}},
        output_format="html",
    )
    source = (text or "").replace("\r\n", "\n")
    # A body's "# Title" would compete with the page's h1: shift every heading down one level before rendering.
    source = "\n".join("#" + line if line.startswith("# ") else line for line in source.split("\n"))
    html = converter.convert(source)
    toc = tuple(
        TocEntry(anchor=token["id"], title=html_lib.unescape(token["name"]))
        for token in converter.toc_tokens
        if token["level"] == 2
    )
    return RenderedBody(html=sanitise(html), toc=toc)


def title_html(title: str, original_title: str, original_language: str) -> SafeString:
    """The title, escaped, with its part in another language inside <span lang="…"> (RGAA 8.7)."""
    if not (original_title and original_language and original_title in title):
        return conditional_escape(title)
    before, after = title.split(original_title, 1)
    return format_html('{}<span lang="{}">{}</span>{}', before, original_language, original_title, after)
