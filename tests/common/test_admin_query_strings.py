"""The lean change list's query strings (common/admin.py) are Django's, for an unfiltered list and a filtered one."""

import pytest
from django.contrib.admin.views.main import ChangeList

from common.admin import LeanChangeList

CASES = [
    ({}, None),
    (None, ["region"]),
    ({"region": "93"}, None),
    ({"departement": "2A"}, ["region"]),
    ({"programme": "petites-villes-de-demain"}, None),
    ({"theme__id__exact": 12}, None),
    ({"o": "2.-1"}, None),
    ({"q": "école & cantine"}, None),
    ({"region": None}, None),
    ({"region": "93", "o": "1"}, None),
    ({"etape": ["a", "b"]}, None),
]


class _Lists(LeanChangeList):
    def __init__(self, filter_params: dict) -> None:  # only what get_query_string reads
        self.filter_params = filter_params


@pytest.mark.parametrize("filter_params", [{}, {"region": ["93"], "q": ["mairie"]}])
@pytest.mark.parametrize(("new_params", "remove"), CASES)
def test_query_strings_equal_django_s(filter_params, new_params, remove):
    lists = _Lists(filter_params)

    ours = lists.get_query_string(new_params, remove)

    assert ours == ChangeList.get_query_string(lists, new_params, remove)
