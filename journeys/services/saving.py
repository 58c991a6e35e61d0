"""The one way a member's work on a project is saved (a step's answer, the diagnostic, the ethics check), and the one
refusal when someone saved it in between.

Each saved object carries a `version`; the form posts the version it was opened on. Under the project lock, a version
that moved on means someone else saved: nothing is written, and the error carries their saved object so that the page
shows both versions and keeps the member's own answers ready to be saved again.
"""

from collections.abc import Callable
from typing import TypeVar

from django.db import IntegrityError, transaction

from accounts.models import User
from journeys.models import DiagnosticResponse, EthicsCheck, Project, Stage, Step, StepAnswer
from journeys.services.errors import JourneyError
from journeys.services.gates import void_validation
from journeys.services.history import record

STALE_EDIT_MESSAGE = (
    "Quelqu’un a enregistré {subject} pendant que vous {pronoun} remplissiez\u00a0: rien n’a été enregistré, "
    "comparez les deux versions puis enregistrez à nouveau pour garder la vôtre."
)

# What a member saves on a project: each carries `version` and `updated_by`.
Saved = TypeVar("Saved", StepAnswer, DiagnosticResponse, EthicsCheck)


class StaleEditError(JourneyError):
    """Someone saved `subject` since the form was opened: nothing was saved; `current` is their version (or None)."""

    def __init__(
        self, subject: str, *, current: StepAnswer | DiagnosticResponse | EthicsCheck | None, pronoun: str = "le"
    ) -> None:
        super().__init__(STALE_EDIT_MESSAGE.format(subject=subject, pronoun=pronoun))
        self.current = current


def save_versioned(
    *,
    project: Project,
    user: User,
    saved: Saved | None,
    expected_version: int,
    subject: str,
    pronoun: str = "le",
    apply: Callable[[Saved | None], tuple[Saved, str | None]],
    reread: Callable[[], Saved | None],
    stage: Stage | None,
    event: Callable[[Saved], tuple[str, str]],
) -> Saved:
    """Save a member's edit of a versioned object, or refuse it (StaleEditError) when `saved` moved on.

    Call it in a transaction, under the project lock, with `saved` read under that lock. `apply(saved)` returns the
    object holding the member's edit and, when the edit changes what was saved, the change in words (it voids the
    ANCT validation of `stage`). `reread()` fetches the object someone else created at the same moment. `event(edited)`
    gives the (kind, message) of the history line.
    """
    saved_version = saved.version if saved is not None else 0
    if saved_version != expected_version:
        raise StaleEditError(subject, current=saved, pronoun=pronoun)
    edited, change = apply(saved)
    if change and stage is not None:
        void_validation(project=project, stage=stage, user=user, change=change)
    edited.version = saved_version + 1
    edited.updated_by = user
    try:
        with transaction.atomic():
            edited.save()
    except IntegrityError as error:  # created concurrently by someone who did not hold the project lock
        raise StaleEditError(subject, current=reread(), pronoun=pronoun) from error
    kind, message = event(edited)
    record(project, kind=kind, actor=user, message=message)
    return edited


def mark_kind_done(*, project: Project, kind: str, done: bool, user: User, value: dict) -> None:
    """Mirror a questionnaire's completion on the steps of its kind (the diagnostic, the ethics check)."""
    for step in Step.objects.filter(stage__template_id=project.template_id, kind=kind):
        answer, _created = StepAnswer.objects.get_or_create(project=project, step=step)
        answer.done = done
        answer.value = value
        answer.version += 1
        answer.updated_by = user
        answer.save()
