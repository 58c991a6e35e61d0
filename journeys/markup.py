"""A small, safe Markdown subset (paragraphs, line breaks, lists, **bold**, *italic*, [links](url)) for comments
and help texts.

The source is HTML-escaped first, so no markup typed by a user survives; the site's one sanitiser
(common.markdown) then applies the allow-list and the link policy (off-site links marked, `//host` refused).
"""

import re
from html import escape

from django.utils.safestring import SafeString

from common.markdown import sanitise

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
    return sanitise("".join(html))
