"""A small, safe Markdown subset (paragraphs, line breaks, lists, **bold**, *italic*, [links](url)), sanitised by nh3.

The source is HTML-escaped first, so no markup typed by a user survives; nh3 then guarantees the output only
holds the few tags we produce (and only http(s), mailto or site-relative links).
"""

import re
from html import escape

import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a"}
_LINK = re.compile(r"\[([^\]\n]{1,200})\]\(((?:https?://|/|mailto:)[^\s)]{1,500})\)")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![*\w])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![*\w])")
_BULLET = re.compile(r"^\s*[-*]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*\d+[.)]\s+(.*)$")


def _inline(text: str) -> str:
    text = _LINK.sub(lambda m: f'<a href="{m.group(2)}">{m.group(1)}</a>', text)
    text = _BOLD.sub(r"<strong>\1</strong>", text)
    return _ITALIC.sub(r"<em>\1</em>", text)


def render_markdown(source: str) -> SafeString:
    """Sanitised HTML for a Markdown subset; user HTML is always shown as text, never interpreted."""
    blocks = re.split(r"\n\s*\n", escape(source.replace("\r\n", "\n"), quote=False).strip())
    html = []
    for block in blocks:
        lines = [line for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if all(_BULLET.match(line) for line in lines):
            items = "".join(f"<li>{_inline(_BULLET.match(line).group(1))}</li>" for line in lines)
            html.append(f"<ul>{items}</ul>")
        elif all(_NUMBERED.match(line) for line in lines):
            items = "".join(f"<li>{_inline(_NUMBERED.match(line).group(1))}</li>" for line in lines)
            html.append(f"<ol>{items}</ol>")
        else:
            html.append("<p>" + "<br>".join(_inline(line) for line in lines) + "</p>")
    cleaned = nh3.clean(
        "".join(html),
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(cleaned)  # noqa: S308 (escaped, then sanitised by nh3 with an allow-list)
