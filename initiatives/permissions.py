"""Who may publish a project in the gallery: its collectivité's référents, and nobody else (not even ANCT)."""

from accounts.permissions import is_referent
from journeys.models import Project


def can_publish(user, project: Project) -> bool:
    return is_referent(user, project.organisation)
