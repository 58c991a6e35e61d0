"""Links from the site's texts to the glossary, without the apps that show texts knowing the glossary's app.

The app that owns the glossary registers a linker at start-up (`register_linker`); journeys, resources and the
others call `link_terms` through the `{% glossary_links %}` tag. With no linker registered, texts are unchanged.
"""

from collections.abc import Callable

from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

# linker(safe_html, seen_slugs) -> safe_html with the first occurrence of each term not in `seen` linked.
Linker = Callable[[str, set[str]], str]
_linker: list[Linker] = []


def register_linker(linker: Linker) -> None:
    _linker[:] = [linker]


def link_terms(value: object, seen: set[str] | None = None) -> SafeString:
    """The value as safe HTML (plain text is escaped first), glossary terms linked where they first appear.

    `seen` holds the slugs already linked on the page: shared by the calls of one page, it keeps one link per term.
    """
    html = str(conditional_escape(value if value is not None else ""))
    if not _linker or not html:
        return mark_safe(html)  # noqa: S308 (escaped above, or already safe)
    return mark_safe(_linker[0](html, seen if seen is not None else set()))  # noqa: S308 (linker keeps it safe)
