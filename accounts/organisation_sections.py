"""Sections that higher apps add to a collectivité's block of the member's page (Mon compte, Mes collectivités).

accounts knows no app above it: an app registers `section(user, organisation) -> str` (rendered HTML) at start-up.
Sections are asked for only when the user is a member of the organisation: an outsider never gets one.
"""

from collections.abc import Callable

from django.utils.safestring import SafeString, mark_safe

from accounts.models import Organisation
from accounts.permissions import is_member

Section = Callable[[object, Organisation], str]
_SECTIONS: list[Section] = []


def register_section(section: Section) -> None:
    if section not in _SECTIONS:
        _SECTIONS.append(section)


def sections_for(user, organisation: Organisation) -> SafeString:
    if not is_member(user, organisation):
        return mark_safe("")
    # Each section renders through its app's templates (autoescaped).
    return mark_safe("".join(section(user, organisation) for section in _SECTIONS))  # noqa: S308
