"""The DSFR pagination of the portal's lists (catalogue, resources, initiatives gallery), written in Python: the
template version runs a template tag per link, about a tenth of a search page's rendering."""

from collections.abc import Callable, Iterable

from django.core.paginator import Page
from django.http import QueryDict
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from dsfr.utils import list_pages

LINK = "fr-pagination__link"


def _page_queries(query: QueryDict) -> Callable[[int], str]:
    """The escaped query string of each page number: `page` set, the others kept (what django-dsfr's
    url_remplace_params writes). The others are encoded once: copying the QueryDict for each of the ten-odd links
    (a deep copy) cost more than the rest of the pagination."""
    before, after, found = QueryDict(mutable=True), QueryDict(mutable=True), False
    for key, values in query.lists():
        if key == "page":
            found = True
            continue
        (after if found else before).setlist(key, values)
    prefix, suffix = escape(before.urlencode()), escape(after.urlencode())
    # The page keeps its place among the others (last when absent), as QueryDict.__setitem__ leaves it.
    return lambda number: "&amp;".join(part for part in (prefix, f"page={number}", suffix) if part)


def pagination_html(page: Page, query: QueryDict, *, pages: Iterable[int | str] | None = None) -> SafeString:
    """DSFR's pagination markup, links without href aria-disabled (django-dsfr's tag leaves them bare: axe contrast
    rule); "" for a single page. `pages`: the page numbers and "…" to link, django-dsfr's list_pages by default."""
    if not page.has_other_pages():
        return mark_safe("")
    page_list = list_pages(page).pages_list if pages is None else list(pages)
    page_query = _page_queries(query)

    def edge(css: str, label: str, number: int | None) -> str:
        if number is None:
            return f'<li><a class="{LINK} {css}" aria-disabled="true" role="link">{label}</a></li>'
        return f'<li><a class="{LINK} {css}" href="?{page_query(number)}">{label}</a></li>'

    previous = page.previous_page_number() if page.has_previous() else None
    following = page.next_page_number() if page.has_next() else None
    parts = [
        '<nav role="navigation" class="fr-pagination fr-mt-3w" aria-label="Pagination">',
        '<ul class="fr-pagination__list">',
        edge(f"{LINK}--first", "Première page", 1 if previous else None),
        edge(f"{LINK}--prev {LINK}--lg-label", "Page précédente", previous),
    ]
    for item in page_list:
        if item == "…":
            parts.append(f'<li><span class="{LINK} fr-unhidden-lg">…</span></li>')
        else:
            current = ' aria-current="page"' if item == page.number else ""
            parts.append(
                f'<li><a class="{LINK}"{current} title="Page {item}" href="?{page_query(item)}">{item}</a></li>'
            )
    parts += [
        edge(f"{LINK}--next {LINK}--lg-label", "Page suivante", following),
        edge(f"{LINK}--last", "Dernière page", page.paginator.num_pages if following else None),
        "</ul></nav>",
    ]
    return mark_safe("".join(parts))  # noqa: S308 (numbers, fixed labels and an escaped query string)
