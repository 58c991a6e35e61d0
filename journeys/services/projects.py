"""Creating a project on the published journey, and editing its presentation."""

from collections.abc import Iterable

from django.db import transaction

from accounts.models import Organisation, User
from journeys.enums import EventKind, TransitionKind
from journeys.models import Project, StageTransition
from journeys.selectors import current_template
from journeys.services.errors import NoTemplateError
from journeys.services.history import record


@transaction.atomic
def create_project(
    *,
    organisation: Organisation,
    title: str,
    description: str,
    public_concerned: str,
    themes: Iterable,
    created_by: User,
) -> Project:
    """Create a project on the latest published journey version, at its first stage. Raises NoTemplateError."""
    template = current_template()
    first_stage = template.stages.order_by("order").first() if template else None
    if first_stage is None:
        raise NoTemplateError("Aucun parcours n’est publié pour le moment : contactez l’ANCT.")
    project = Project.objects.create(
        organisation=organisation,
        title=title.strip(),
        description=description.strip(),
        public_concerned=public_concerned.strip(),
        template=template,
        current_stage=first_stage,
        created_by=created_by,
    )
    project.themes.set(list(themes))
    StageTransition.objects.create(project=project, to_stage=first_stage, kind=TransitionKind.START, by=created_by)
    record(project, kind=EventKind.CREATED, actor=created_by, message=f"a créé le projet « {project.title} »")
    return project


@transaction.atomic
def update_project(
    *, project: Project, title: str, description: str, public_concerned: str, themes: Iterable, updated_by: User
) -> Project:
    """Update the project's presentation (title, description, public, themes) and record who did it."""
    project.title = title.strip()
    project.description = description.strip()
    project.public_concerned = public_concerned.strip()
    project.save(update_fields=["title", "description", "public_concerned", "updated_at"])
    project.themes.set(list(themes))
    record(project, kind=EventKind.UPDATED, actor=updated_by, message="a modifié la présentation du projet")
    return project
