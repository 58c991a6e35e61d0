"""french_datetime writes what the `date:"j F Y à H:i"` filter wrote on the project page, in the site's time zone."""

import datetime

import pytest
from django.template.defaultfilters import date as date_filter
from django.utils import timezone

from common.dates import french_datetime


@pytest.mark.parametrize("month", range(1, 13))
def test_same_text_as_the_date_filter_for_every_month(month):
    value = datetime.datetime(2026, month, 1, 23, 5, tzinfo=datetime.UTC)  # 1 a.m. the next day in Paris in summer
    assert french_datetime(value) == date_filter(timezone.localtime(value), "j F Y à H:i")


def test_naive_and_missing_values():
    assert french_datetime(datetime.datetime(2026, 3, 7, 9, 5)) == "7 mars 2026 à 09:05"
    assert french_datetime(None) == ""
