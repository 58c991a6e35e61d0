"""common.pagination writes the markup of catalogue/_pagination.html (which the initiatives gallery still includes)."""

import re

import pytest
from django.core.paginator import Paginator
from django.template.loader import get_template
from django.test import RequestFactory
from dsfr.utils import list_pages

from common.pagination import pagination_html


def _normalised(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r">\s+", ">", re.sub(r"\s+<", "<", html))).strip()


@pytest.mark.parametrize("url", ["/catalogue/", "/catalogue/?q=donn%C3%A9es+%26+co&theme=a&theme=b&page=3"])
@pytest.mark.parametrize("number", [1, 2, 5, 10, 19, 20])
def test_same_markup_as_the_template(url, number):
    request = RequestFactory().get(url)
    page = Paginator(range(400), 20).get_page(number)
    list_pages(page)
    expected = get_template("catalogue/_pagination.html").render({"page_obj": page, "request": request}, request)

    written = pagination_html(Paginator(range(400), 20).get_page(number), request.GET)

    assert _normalised(written) == _normalised(expected)


def test_other_parameters_are_kept_and_escaped():
    request = RequestFactory().get("/catalogue/", {"q": 'a"<b>', "theme": ["x", "y"], "page": "1"})

    html = pagination_html(Paginator(range(100), 20).get_page(1), request.GET)

    assert 'href="?q=a%22%3Cb%3E&amp;theme=x&amp;theme=y&amp;page=2"' in html
    assert "<b>" not in html
    assert 'aria-current="page" title="Page 1"' in html
