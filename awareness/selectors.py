from dataclasses import dataclass

from accounts.models import Membership, Organisation
from awareness.content import Module, modules
from awareness.models import ModuleCompletion


@dataclass(frozen=True)
class TeamMemberLiteracy:
    membership: Membership
    modules: tuple[Module, ...]


def completed_slugs(user) -> set[str]:
    if not user.is_authenticated:
        return set()
    return set(ModuleCompletion.objects.filter(user=user).values_list("module_slug", flat=True))


def team_literacy(organisations: list[Organisation]) -> dict[int, list[TeamMemberLiteracy]]:
    """For each organisation, its active members and the modules each followed (two queries in all)."""
    memberships = list(
        Membership.objects.filter(organisation__in=organisations, user__is_active=True)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__email")
    )
    followed: dict[int, set[str]] = {}
    for user_id, slug in ModuleCompletion.objects.for_users({m.user_id for m in memberships}).values_list(
        "user_id", "module_slug"
    ):
        followed.setdefault(user_id, set()).add(slug)
    result: dict[int, list[TeamMemberLiteracy]] = {organisation.pk: [] for organisation in organisations}
    for membership in memberships:
        result[membership.organisation_id].append(
            TeamMemberLiteracy(
                membership=membership,
                modules=tuple(m for m in modules() if m.slug in followed.get(membership.user_id, ())),
            )
        )
    return result
