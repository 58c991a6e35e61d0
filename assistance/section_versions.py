"""The version tokens of the project page's « Ingénierie sur mesure » section (assistance.project_section, kept by
journeys.extensions): one per project, moved by every write of its requests and of ANCT's wait on it (receivers,
and the services' queryset updates, which send no signal), and one for all projects, moved when a wait may have
been answered elsewhere (a membership changed, waits closed in bulk). A member's action on the project, which
answers a wait, moves the project page's own token, also part of the section's key.

STATS_VERSION keys the espace home's counts of requests by status and by département (espace_selectors): moved by
every save or delete of a request, a collectivité (its territory) or a département (its name)."""

from common.fragments import bump_version

ALL_SECTIONS = "assistance:project-sections"
STATS_VERSION = "assistance:espace-request-stats"


def section_version(project_id: int) -> str:
    return f"assistance:project-section:{project_id}"


def project_assistance_changed(project_id: int) -> None:
    bump_version(section_version(project_id))


def every_assistance_section_changed() -> None:
    bump_version(ALL_SECTIONS)


def project_row_changed(sender, *, instance, **kwargs) -> None:
    """A request or a wait of the project was saved or deleted (a receiver, connected in AssistanceConfig.ready)."""
    project_assistance_changed(instance.project_id)


def membership_changed(sender, **kwargs) -> None:
    """Whether a wait is answered depends on who is a member of the collectivité."""
    every_assistance_section_changed()


def request_stats_changed(sender, **kwargs) -> None:
    """A request, a collectivité or a département was saved or deleted: the espace home's counts may change."""
    bump_version(STATS_VERSION)
