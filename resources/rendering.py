"""Markdown → safe HTML for resource bodies: rendered with heading anchors, then sanitised with nh3 (an allow-list)."""

import html as html_lib
from dataclasses import dataclass
from functools import lru_cache

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown.extensions.toc import slugify

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote", "code", "pre", "hr", "abbr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "h2": {"id"}, "h3": {"id"}, "h4": {"id"}, "abbr": {"title"}}
# Anchors of the table of contents are prefixed so a heading never collides with an id of the page layout.
ANCHOR_PREFIX = "section-"


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
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    toc = tuple(
        TocEntry(anchor=token["id"], title=html_lib.unescape(token["name"]))
        for token in converter.toc_tokens
        if token["level"] == 2
    )
    return RenderedBody(html=mark_safe(clean), toc=toc)  # noqa: S308 (sanitised by nh3 just above)
