"""Sections that higher apps add to a collectivité's block of the member's page (Mon compte, Mes collectivités).

accounts knows no app above it: an app registers at start-up `section(user, organisations) -> {organisation pk:
rendered HTML}`, called once for all the organisations of the page (its queries do not grow with their number).
Only the organisations the user is a member of are passed on: an outsider never gets a section.
"""

from collections.abc import Callable, Iterable

from django.utils.safestring import SafeString, mark_safe

from accounts.models import Membership, Organisation

Section = Callable[[object, list[Organisation]], dict[int, str]]
_SECTIONS: list[Section] = []


def register_section(section: Section) -> None:
    if section not in _SECTIONS:
        _SECTIONS.append(section)


def sections_for(user, memberships: Iterable[Membership]) -> SafeString:
    """The sections of the organisations of `memberships` that are the user's own (others are ignored)."""
    if not getattr(user, "is_authenticated", False):
        return mark_safe("")
    organisations = [m.organisation for m in memberships if m.user_id == user.pk]
    if not organisations:
        return mark_safe("")
    parts: dict[int, list[str]] = {organisation.pk: [] for organisation in organisations}
    for section in _SECTIONS:
        for pk, html in section(user, organisations).items():
            if pk in parts:
                parts[pk].append(html)
    # Each section renders through its app's templates (autoescaped).
    return mark_safe("".join("".join(parts[o.pk]) for o in organisations))  # noqa: S308
