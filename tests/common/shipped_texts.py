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
    from journeys.content.cadrage_ethique import ETHICS_CHECK
    from journeys.content.diagnostic_maturite import DIAGNOSTIC
    from journeys.content.loader import ethics_rules
    from journeys.content.parcours_ia_donnees import TEMPLATE
    from resources.content import RESOURCES

    return list(strings([TEMPLATE, DIAGNOSTIC, ETHICS_CHECK, ethics_rules(), RESOURCES, SERVICES]))


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace(NBSP, " ").replace("\u202f", " "))
