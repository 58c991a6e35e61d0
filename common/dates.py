"""Dates as the pages write them, without Django's `date` filter on every row.

`{{ value|date:"j F Y à H:i" }}` costs ~40 µs a call (format parsing, lazy translations); the project page writes
65 of them. french_datetime writes the same text (tests/journeys/test_dates.py compares both for every month).
"""

from datetime import datetime

from django.utils import timezone

MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def french_date(value: datetime | None) -> str:
    """« 3 mars 2025 » in the site's time zone (what `|date:"j F Y"` writes), "" for no date."""
    if value is None:
        return ""
    local = timezone.localtime(value)
    return f"{local.day} {MONTHS[local.month - 1]} {local.year}"


def french_datetime(value: datetime | None) -> str:
    """« 7 mars 2026 à 09:05 » in the current time zone, as the filter `date:"j F Y à H:i"` writes it; "" for None."""
    if value is None:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{local.day} {MONTHS[local.month - 1]} {local.year} à {local:%H:%M}"
