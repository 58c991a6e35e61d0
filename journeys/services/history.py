"""The project history line every write leaves, and the project lock the writes of one project queue on."""

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from journeys.models import Project, ProjectEvent


def record(project: Project, *, kind: str, actor: User | None, message: str) -> None:
    """Add a line to the project history and mark the project as active now.

    One transaction: the event's signal moves the kept pages' tokens again once both writes are committed (the
    update() sends none), so no list kept in between shows the former last activity under the new token."""
    with transaction.atomic():
        ProjectEvent.objects.create(project=project, kind=kind, actor=actor, message=message[:300])
        Project.objects.filter(pk=project.pk).update(last_activity_at=timezone.now())


def locked_project(project: Project) -> Project:
    """The project row, locked until the end of the transaction: writes to one project are serialised."""
    return Project.objects.select_for_update().select_related("current_stage").get(pk=project.pk)
