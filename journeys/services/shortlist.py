"""The shortlist of catalogue services at the « Choix de la solution » stage, and the solution retained among them.
Part of that stage's work: a change voids its ANCT validation."""

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from journeys.enums import EventKind
from journeys.models import Project, ProjectShortlist, Stage
from journeys.services.errors import JourneyError, StepNotInProjectError
from journeys.services.gates import require_reached, void_validation
from journeys.services.history import locked_project, record

SHORTLIST_STAGE_KEY = "solution"


def _solution_stage(project: Project) -> Stage | None:
    return Stage.objects.filter(template_id=project.template_id, key=SHORTLIST_STAGE_KEY).first()


def _check_solution_stage(project: Project) -> None:
    require_reached(
        project, _solution_stage(project), "La présélection de solutions s’ouvre à l’étape « Choix de la solution »."
    )


def _shortlist_changed(project: Project, user: User, change: str) -> None:
    """The shortlist is part of the « Choix de la solution » stage's work: changing it voids its validation."""
    stage = _solution_stage(project)
    if stage is not None:
        void_validation(project=project, stage=stage, user=user, change=change)


@transaction.atomic
def shortlist_service(*, project: Project, user: User, service, note: str = "") -> ProjectShortlist:
    """Add a published catalogue service to the project's shortlist (idempotent). Raises StageLockedError."""
    project = locked_project(project)
    _check_solution_stage(project)
    if not service.is_published:
        raise JourneyError("Ce service n’est pas disponible.")
    item, created = ProjectShortlist.objects.get_or_create(
        project=project, service=service, defaults={"added_by": user, "note": (note or "").strip()[:300]}
    )
    if created:
        record(project, kind=EventKind.SHORTLIST, actor=user, message=f"a présélectionné « {service.name} »")
        _shortlist_changed(project, user, f"a présélectionné « {service.name} »")
    return item


@transaction.atomic
def remove_from_shortlist(*, project: Project, user: User, item_id: int) -> None:
    """Remove a service from the shortlist of this project."""
    project = locked_project(project)
    item = ProjectShortlist.objects.select_related("service").filter(project=project, pk=item_id).first()
    if item is None:
        raise StepNotInProjectError("Cette solution n’est pas dans la présélection du projet.")
    item.delete()
    record(
        project, kind=EventKind.SHORTLIST, actor=user, message=f"a retiré « {item.service.name} » de la présélection"
    )
    _shortlist_changed(project, user, f"a retiré « {item.service.name} » de la présélection")


@transaction.atomic
def choose_shortlisted(*, project: Project, user: User, item_id: int) -> ProjectShortlist:
    """Record the solution retained among the shortlisted services (one at most)."""
    project = locked_project(project)
    _check_solution_stage(project)
    item = ProjectShortlist.objects.select_related("service").filter(project=project, pk=item_id).first()
    if item is None:
        raise StepNotInProjectError("Cette solution n’est pas dans la présélection du projet.")
    ProjectShortlist.objects.filter(project=project, is_chosen=True).exclude(pk=item.pk).update(
        is_chosen=False, chosen_at=None
    )
    if not item.is_chosen:
        _shortlist_changed(project, user, f"a retenu la solution « {item.service.name} »")
    item.is_chosen = True
    item.chosen_at = timezone.now()
    item.save(update_fields=["is_chosen", "chosen_at"])
    record(project, kind=EventKind.SHORTLIST, actor=user, message=f"a retenu la solution « {item.service.name} »")
    return item
