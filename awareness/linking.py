"""Glossary links in the site's texts: the first occurrence of each glossary term on a page links to its definition.

Works on sanitised HTML: only text between tags is touched, never the inside of a link, a heading, code or an
abbreviation, so a linked term never nests in another link and headings (the table of contents) stay plain.
"""

import re
from functools import cache, lru_cache

from django.urls import reverse

from awareness.content import glossary

_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
_SKIPPED = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "abbr", "button", "label", "script", "style"}
LINK_CLASS = "tia-glossary-link"


@cache
def _matcher() -> tuple[re.Pattern, dict[str, str]]:
    """One pattern for every wording of every term (longest first, so « IA générative » wins over « IA »)."""
    slug_of: dict[str, str] = {}
    for term in glossary():
        for form in term.forms:
            slug_of.setdefault(form.casefold(), term.slug)
    alternatives = "|".join(re.escape(form) for form in sorted(slug_of, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE), slug_of


@cache
def glossary_url() -> str:
    return reverse("awareness:glossary")


def term_url(slug: str) -> str:
    return f"{glossary_url()}#{slug}"


# Matching costs about 1 ms per thousand characters; the same texts come back on every page view, so the occurrences
# of each text segment are cached (the text is the key: an edit is picked up at once). Linking them is then cheap.
@lru_cache(maxsize=4096)
def _occurrences(text: str) -> tuple[tuple[int, int, str], ...]:
    pattern, slug_of = _matcher()
    found = ((match.start(), match.end(), slug_of.get(match.group(0).casefold())) for match in pattern.finditer(text))
    return tuple((start, end, slug) for start, end, slug in found if slug)


def _link_segment(text: str, seen: set[str]) -> str:
    pieces, position = [], 0
    for start, end, slug in _occurrences(text):
        if slug in seen:
            continue
        seen.add(slug)
        pieces += [text[position:start], f'<a class="{LINK_CLASS}" href="{term_url(slug)}">{text[start:end]}</a>']
        position = end
    return "".join(pieces) + text[position:] if pieces else text


def link_glossary_terms(html: str, seen: set[str]) -> str:
    """`html` with the first occurrence of each term whose slug is not in `seen` linked; `seen` is updated."""
    parts = _TAG.split(html)
    skipped_depth = 0
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            tag = _TAG_NAME.match(part)
            if tag and tag.group(2).lower() in _SKIPPED:
                skipped_depth = max(skipped_depth + (-1 if tag.group(1) else 1), 0)
        elif part and not skipped_depth:
            parts[index] = _link_segment(part, seen)
    return "".join(parts)
