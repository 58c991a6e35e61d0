"""The ethics & legal check: answers checked against the shipped questions, the result evaluated by journeys.ethics,
saved through the one save skeleton (journeys.services.saving)."""

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from journeys import ethics
from journeys.content.loader import ethics_content
from journeys.enums import EventKind, StepKind
from journeys.models import EthicsCheck, Project, Stage
from journeys.services.errors import InvalidAnswerError
from journeys.services.gates import require_reached
from journeys.services.history import locked_project
from journeys.services.saving import mark_kind_done, save_versioned


@transaction.atomic
def save_ethics_check(*, project: Project, user: User, raw_answers: dict, expected_version: int) -> EthicsCheck:
    """Save the ethics & legal check answers and their evaluated result.

    Raises InvalidAnswerError, StageLockedError or StaleEditError when someone saved since `expected_version`
    (nothing is overwritten)."""
    project = locked_project(project)
    ethics_stage = Stage.objects.filter(template_id=project.template_id, steps__kind=StepKind.ETHICS_CHECK).first()
    require_reached(
        project, ethics_stage, "L’étape Cadrage n’est pas encore ouverte : terminez d’abord l’étape en cours."
    )
    content = ethics_content()
    answers, errors = ethics.clean_answers(content, raw_answers)
    if errors:
        raise InvalidAnswerError(" ".join(errors) + " Rien n’a été enregistré.")

    def apply(check: EthicsCheck | None) -> tuple[EthicsCheck, str | None]:
        if check is None:
            check = EthicsCheck(project=project)
        changed = answers != (check.answers or {})
        check.answers = answers
        check.result = ethics.evaluate(content, answers)
        check.completed_at = timezone.now() if ethics.is_complete(content, answers) else None
        return check, "a modifié le cadrage éthique et juridique" if changed else None

    # Read under the project lock taken above: concurrent saves of this project are serialised.
    check = save_versioned(
        project=project,
        user=user,
        saved=EthicsCheck.objects.filter(project=project).select_related("updated_by").first(),
        expected_version=expected_version,
        subject="le cadrage éthique et juridique",
        apply=apply,
        reread=lambda: EthicsCheck.objects.filter(project=project).first(),
        stage=ethics_stage,
        event=lambda _check: (EventKind.ETHICS, "a enregistré le cadrage éthique et juridique"),
    )
    mark_kind_done(
        project=project,
        kind=StepKind.ETHICS_CHECK,
        done=check.completed_at is not None,
        user=user,
        value={"level": check.result["ai_act"]["level"]},
    )
    return check
