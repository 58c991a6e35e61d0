"""Stage gates: which stage a project may work on, when it moves forward or back, and the ANCT validation a stage may
require (given, and voided again when the stage's work changes). See docs/journeys.md, « Règles d’étapes »."""

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from journeys import emails
from journeys.enums import EventKind, TransitionKind
from journeys.models import Project, Stage, StageTransition, StageValidation
from journeys.services.errors import (
    JourneyError,
    SkipAheadError,
    StageIncompleteError,
    StageLockedError,
    StepNotInProjectError,
)
from journeys.services.history import locked_project, record
from journeys.services.progress import StageProgress, stage_progress


def require_reached(project: Project, stage: Stage | None, message: str) -> None:
    """Refuse (StageLockedError with `message`) work on a stage the project has not reached yet."""
    if stage is not None and stage.order > project.current_stage.order:
        raise StageLockedError(message)


def stage_of(project: Project, stage_id: int) -> Stage:
    stage = Stage.objects.filter(pk=stage_id, template_id=project.template_id).first()
    if stage is None:
        raise StepNotInProjectError("Cette étape n’appartient pas au parcours de ce projet.")
    return stage


def stage_progress_from_db(project: Project, stage: Stage) -> StageProgress:
    """The progress of one stage, read from the database (its steps, the project's answers and validations)."""
    answers = {a.step_id: a for a in project.answers.filter(step__stage=stage)}
    validated = project.validations.active().filter(stage=stage).values_list("stage_id", flat=True)
    return stage_progress(stage, answers, validated)


def void_validation(*, project: Project, stage: Stage, user: User, change: str) -> StageValidation | None:
    """A change to the answers or files of a stage ANCT validated voids that validation (call it under the project
    lock, once the change is known to be real). Returns the voided validation, None when there was none.

    The validation is kept, marked voided (who, when, `change`); the project history says so; the chargés de
    mission are emailed on commit. A project already past the stage is not moved back: the stage is flagged on the
    project page until ANCT validates it again (see docs/journeys.md).
    """
    validation = StageValidation.objects.select_for_update().active().filter(project=project, stage=stage).first()
    if validation is None:
        return None
    validation.voided_at = timezone.now()
    validation.voided_by = user
    validation.void_reason = change[:300]
    validation.save(update_fields=["voided_at", "voided_by", "void_reason"])
    record(
        project,
        kind=EventKind.STAGE_VALIDATION_VOIDED,
        actor=user,
        message=f"{change} : la validation de l’étape « {stage.name} » par l’ANCT est annulée, "
        "l’étape doit être validée à nouveau",
    )
    transaction.on_commit(lambda: emails.send_validation_voided(validation_id=validation.pk))
    return validation


@transaction.atomic
def advance_stage(*, project: Project, user: User, target_stage_id: int | None = None) -> Stage:
    """Move to the next stage once the current one is complete. Raises SkipAheadError, StageIncompleteError."""
    project = locked_project(project)
    current = project.current_stage
    next_stage = (
        Stage.objects.filter(template_id=project.template_id, order__gt=current.order).order_by("order").first()
    )
    if next_stage is None:
        raise SkipAheadError("Le projet est déjà à la dernière étape du parcours.")
    if target_stage_id is not None and target_stage_id != next_stage.pk:
        raise SkipAheadError(
            f"Impossible de sauter une étape : l’étape suivante est « {next_stage.name} ». Rien n’a été modifié."
        )
    progress = stage_progress_from_db(project, current)
    if not progress.steps_complete:
        titles = " ; ".join(f"« {step.title} »" for step in progress.missing)
        raise StageIncompleteError(f"L’étape « {current.name} » n’est pas terminée. Reste à faire : {titles}.")
    if current.requires_validation and not progress.validated:
        raise StageIncompleteError(
            f"L’étape « {current.name} » doit être validée par un chargé de mission de l’ANCT avant de continuer."
        )
    project.current_stage = next_stage
    project.save(update_fields=["current_stage", "updated_at"])
    StageTransition.objects.create(
        project=project, from_stage=current, to_stage=next_stage, kind=TransitionKind.FORWARD, by=user
    )
    message = f"a fait passer le projet à l’étape «\u00a0{next_stage.name}\u00a0»"  # agrees with no one
    record(project, kind=EventKind.STAGE_FORWARD, actor=user, message=message)
    return next_stage


@transaction.atomic
def go_back_to_stage(*, project: Project, user: User, stage_id: int, reason: str) -> Stage:
    """Return to an earlier stage; the reason is required and recorded. Raises JourneyError."""
    reason = (reason or "").strip()
    if not reason:
        raise JourneyError("Indiquez pourquoi vous revenez à une étape précédente.")
    project = locked_project(project)
    stage = stage_of(project, stage_id)
    current = project.current_stage
    if stage.order >= current.order:
        raise SkipAheadError("On ne peut revenir qu’à une étape précédente.")
    project.current_stage = stage
    project.save(update_fields=["current_stage", "updated_at"])
    StageTransition.objects.create(
        project=project, from_stage=current, to_stage=stage, kind=TransitionKind.BACK, by=user, reason=reason[:2000]
    )
    message = f"a ramené le projet à l’étape «\u00a0{stage.name}\u00a0»\u00a0: {reason}"
    record(project, kind=EventKind.STAGE_BACK, actor=user, message=message)
    return stage


@transaction.atomic
def validate_stage(*, project: Project, user: User, stage_id: int) -> StageValidation:
    """Record an ANCT validation of a reached stage whose required steps are done. Idempotent."""
    project = locked_project(project)
    stage = stage_of(project, stage_id)
    require_reached(project, stage, "Cette étape n’est pas encore ouverte.")
    if not stage.requires_validation:
        raise JourneyError("Cette étape ne demande pas de validation.")
    progress = stage_progress_from_db(project, stage)
    if not progress.steps_complete:
        raise StageIncompleteError("Les actions obligatoires de cette étape ne sont pas toutes faites.")
    validation, created = StageValidation.objects.active().get_or_create(
        project=project, stage=stage, defaults={"validated_by": user}
    )
    if created:
        record(project, kind=EventKind.STAGE_VALIDATED, actor=user, message=f"a validé l’étape « {stage.name} »")
    return validation
