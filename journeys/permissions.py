"""Who may do what on a project, built on the shared helpers of accounts.permissions."""

from accounts.permissions import can_edit_organisation_work, can_view_organisation, staff_covers
from journeys.models import Project


def can_view_project(user, project: Project) -> bool:
    """Members of the organisation, and ANCT staff whose scope covers its territory."""
    return can_view_organisation(user, project.organisation)


def can_edit_project(user, project: Project) -> bool:
    """Members (élus, agents, référents) fill in steps, move between stages, upload deliverables."""
    return can_edit_organisation_work(user, project.organisation)


def can_comment_project(user, project: Project) -> bool:
    """Everyone who may see the project may comment on it (members and staff in scope)."""
    return can_view_project(user, project)


def can_validate_stage(user, project: Project) -> bool:
    """ANCT staff covering the territory validate the stages that require it."""
    return staff_covers(user, project.organisation)
