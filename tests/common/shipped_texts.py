"""Every text the portal ships (journey, diagnostic, ethics check, resources, catalogue), for wording tests."""

import re
from collections.abc import Iterator

from common.typography import NBSP


def strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings(item)


def shipped_texts() -> list[str]:
    from catalogue.demo import SERVICES
    from journeys.content.loader import ethics_rules, shipped_diagnostic, shipped_ethics_check, shipped_template
    from resources.content import RESOURCES

    return list(
        strings(
            [shipped_template(), shipped_diagnostic(), shipped_ethics_check(), ethics_rules(), RESOURCES, SERVICES]
        )
    )


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace(NBSP, " ").replace("\u202f", " "))
