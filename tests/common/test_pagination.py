"""common.pagination writes DSFR's pagination markup: the reference template (django-dsfr's pagination with the
disabled links aria-disabled) renders the same, whitespace aside."""

import re
from pathlib import Path

import pytest
from django.core.paginator import Paginator
from django.template import engines
from django.test import RequestFactory
from dsfr.utils import list_pages

from common.pagination import pagination_html

# The reference markup, the template the catalogue and the gallery used to include.
REFERENCE = engines["django"].from_string((Path(__file__).with_name("snapshots") / "dsfr_pagination.html").read_text())


def _normalised(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r">\s+", ">", re.sub(r"\s+<", "<", html))).strip()


@pytest.mark.parametrize("url", ["/catalogue/", "/catalogue/?q=donn%C3%A9es+%26+co&theme=a&theme=b&page=3"])
@pytest.mark.parametrize("number", [1, 2, 5, 10, 19, 20])
def test_same_markup_as_the_template(url, number):
    request = RequestFactory().get(url)
    page = Paginator(range(400), 20).get_page(number)
    list_pages(page)
    expected = REFERENCE.render({"page_obj": page, "request": request}, request)

    written = pagination_html(Paginator(range(400), 20).get_page(number), request.GET)

    assert _normalised(written) == _normalised(expected)


def test_other_parameters_are_kept_and_escaped():
    request = RequestFactory().get("/catalogue/", {"q": 'a"<b>', "theme": ["x", "y"], "page": "1"})

    html = pagination_html(Paginator(range(100), 20).get_page(1), request.GET)

    assert 'href="?q=a%22%3Cb%3E&amp;theme=x&amp;theme=y&amp;page=2"' in html
    assert "<b>" not in html
    assert 'aria-current="page" title="Page 1"' in html


@pytest.mark.parametrize("number", [1, 6, 12])
def test_a_given_range_of_pages(number):
    request = RequestFactory().get("/initiatives/", {"objectif": "services"})
    page = Paginator(range(150), 12).get_page(number)
    page.pages_list = list(page.paginator.get_elided_page_range(number))
    expected = REFERENCE.render({"page_obj": page, "request": request}, request)

    written = pagination_html(page, request.GET, pages=page.paginator.get_elided_page_range(number))

    assert _normalised(written) == _normalised(expected)
    assert "…" in written


def test_a_single_page_writes_nothing():
    assert pagination_html(Paginator(range(5), 12).get_page(1), RequestFactory().get("/").GET) == ""


@pytest.mark.parametrize(
    "query_string",
    [
        "",
        "page=4",
        "q=a%22%3Cb%3E&page=2&theme=x&theme=y&tri=nom",
        "page=1&page=9&q=%C3%A9cole+%26+co",
        "theme=x&theme=y",
        "q=&page=&licence=MIT",
    ],
)
def test_each_link_sets_the_page_as_a_copy_of_the_query_would(query_string):
    """The other parameters are encoded once for every link: each href equals the QueryDict copied, its `page` set
    (kept in place, last when absent), encoded and escaped."""
    from django.http import QueryDict
    from django.utils.html import escape

    query = QueryDict(query_string)
    page = Paginator(range(400), 20).get_page(7)

    html = pagination_html(page, query)

    hrefs = re.findall(r'href="\?([^"]*)"', html)
    assert len(hrefs) == 11
    for href in hrefs:
        number = re.search(r"page=(\d+)", href).group(1)
        copy = query.copy()
        copy["page"] = int(number)
        assert href == escape(copy.urlencode())
