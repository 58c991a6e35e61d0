"""The admin rows' dates (common/admin.py) are what Django's dateformat writes, for the formats handled."""

import datetime

import pytest
from django.utils import dateformat, translation

from common.admin import _date_formatter

VALUES = [
    datetime.datetime(2026, 1, 5, 7, 3, 9),
    datetime.datetime(2026, 12, 31, 23, 59, 0),
    datetime.datetime(987, 2, 28, 0, 0, 0),
    datetime.datetime(2024, 8, 1, 12, 30, 45),
]


@pytest.mark.parametrize("format_string", ["j F Y H:i", "j F Y", "d/m/Y", "d.m.y G:i:s", "n-j-Y, H:i"])
def test_dates_equal_django_s(format_string):
    with translation.override("fr"):
        formatter = _date_formatter(format_string, with_time=True)
        for value in VALUES:
            assert formatter(value) == dateformat.format(value, format_string)


@pytest.mark.parametrize("format_string", ["j F Y", "d/m/y"])
def test_dates_without_time_equal_django_s(format_string):
    with translation.override("fr"):
        formatter = _date_formatter(format_string, with_time=False)
        for value in VALUES:
            assert formatter(value.date()) == dateformat.format(value.date(), format_string)


def test_dates_without_time_refuse_time_characters():
    assert _date_formatter("j F Y H:i", with_time=False) is None


@pytest.mark.parametrize("format_string", ["D j F Y", "N j, Y", r"j \d\e F", "P", "H\u202fh\u202fi"])
def test_other_formats_go_through_django(format_string):
    assert _date_formatter(format_string, with_time=True) is None
