"""The one sanitising step and link policy of every Markdown rendered on the site.

Each app turns its Markdown into HTML its own way (a small subset for comments and help texts, full Markdown
with headings for descriptions and resources); the result always goes through `sanitise`:
- only the tags and attributes of one allow-list survive; scripts, event handlers and styles never do;
- a link keeps its target only when it is http(s) or mailto, or really relative to the site (`/path`,
  `#anchor`, `?query`): `//host` and `/\\host` lead elsewhere in a browser and lose their target;
- a link to another site is marked as such: `rel="noopener noreferrer nofollow external"` and a visually
  hidden « (site externe) » read by screen readers (it opens in the same window, so no « nouvelle fenêtre »).
"""

import re
from html import unescape

import nh3
from django.utils.safestring import SafeString, mark_safe

# Heading anchors (table of contents) carry this prefix, so a heading never collides with an id of the layout.
ANCHOR_PREFIX = "section-"
TAGS = {
    "p", "br", "strong", "em", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote", "code", "pre", "hr", "abbr",
}  # fmt: skip
ATTRIBUTES = {"a": {"href", "title"}, "h2": {"id"}, "h3": {"id"}, "h4": {"id"}, "abbr": {"title"}}
URL_SCHEMES = {"http", "https", "mailto"}
EXTERNAL_REL = "noopener noreferrer nofollow external"
EXTERNAL_HINT = '<span class="fr-sr-only"> (site externe)</span>'

# Browsers ignore tabs and newlines inside a URL, trim spaces and control characters around it, and read "\"
# as "/" in http(s) URLs: "/\evil.example" and "/\t/evil.example" both lead to evil.example.
_IGNORED_IN_URL = re.compile(r"[\t\n\r]")
_C0_AND_SPACE = "".join(map(chr, range(0x21)))
_EXTERNAL_SCHEME = re.compile(r"^https?:", re.IGNORECASE)
# nh3's output is normalised: attribute values are double-quoted with `"`, `<` and `>` escaped inside.
_LINK = re.compile(r'<a((?:\s+[a-z-]+="[^"]*")*)>(.*?)</a>', re.DOTALL)
_HREF = re.compile(r'\shref="([^"]*)"')


def site_relative(url: str) -> str | None:
    """The URL when it stays on this site (`/path`, `#anchor`, `?query`), else None."""
    cleaned = _IGNORED_IN_URL.sub("", url).strip(_C0_AND_SPACE)
    as_browsers_read_it = cleaned.replace("\\", "/")
    if as_browsers_read_it.startswith("/") and not as_browsers_read_it.startswith("//"):
        return cleaned
    if cleaned.startswith(("#", "?")):
        return cleaned
    return None


def is_external(url: str) -> bool:
    """An absolute http(s) link: it leaves the site."""
    return bool(_EXTERNAL_SCHEME.match(url.strip()))


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "id":  # only the anchors the renderers generate
        return value if value.startswith(ANCHOR_PREFIX) else None
    return value


def _mark_external(match: re.Match) -> str:
    attributes, content = match.group(1), match.group(2)
    href = _HREF.search(attributes)
    if href is None or not is_external(unescape(href.group(1))):
        return match.group(0)
    return f'<a{attributes} rel="{EXTERNAL_REL}">{content}{EXTERNAL_HINT}</a>'


def sanitise(html: str) -> SafeString:
    """HTML safe to show on the site's pages: the one allow-list and link policy (see the module docstring)."""
    cleaned = nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        attribute_filter=_attribute_filter,
        url_schemes=URL_SCHEMES,
        url_relative=site_relative,
        link_rel=None,
    )
    return mark_safe(_LINK.sub(_mark_external, cleaned))  # noqa: S308 (sanitised by nh3 with an allow-list)
