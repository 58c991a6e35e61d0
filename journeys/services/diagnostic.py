"""The maturity diagnostic: partial answers allowed, scores computed on each save, complete when every question is
answered; saved through the one save skeleton (journeys.services.saving)."""

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from journeys import signals
from journeys.enums import EventKind, StepKind
from journeys.models import Diagnostic, DiagnosticResponse, Project, Stage
from journeys.services.errors import InvalidAnswerError
from journeys.services.gates import require_reached
from journeys.services.history import locked_project
from journeys.services.progress import choice_value, compute_scores, stored_answer
from journeys.services.saving import mark_kind_done, save_versioned

FINISHED = "a terminé le diagnostic de maturité"
ANSWERED = "a enregistré des réponses au diagnostic"


@transaction.atomic
def save_diagnostic(
    *, project: Project, user: User, diagnostic: Diagnostic, raw_answers: dict, expected_version: int
) -> DiagnosticResponse:
    """Save the maturity answers (partial allowed), compute scores; complete when every question is answered.

    The diagnostic must be prefetched (selectors.diagnostic_with_questions). Raises InvalidAnswerError,
    StageLockedError or StaleEditError when someone saved since `expected_version` (nothing is overwritten).
    """
    project = locked_project(project)
    diagnostic_stage = Stage.objects.filter(template_id=project.template_id, steps__kind=StepKind.DIAGNOSTIC).first()
    require_reached(
        project, diagnostic_stage, "L’étape Diagnostic n’est pas encore ouverte : terminez d’abord l’étape en cours."
    )
    outcome: dict[str, bool] = {}  # what `apply` found: complete, just completed

    def apply(response: DiagnosticResponse | None) -> tuple[DiagnosticResponse, str | None]:
        questionnaire = diagnostic
        if response is not None and response.diagnostic_id != diagnostic.pk:
            questionnaire = _prefetched(response.diagnostic_id)  # pinned to the version it started on
        answers = dict(response.answers) if response else {}
        previous = dict(answers)
        questions = [q for dimension in questionnaire.dimensions.all() for q in dimension.questions.all()]
        for question in questions:
            raw = raw_answers.get(question.key)
            if raw in (None, ""):
                continue
            allowed = {choice_value(choice): stored_answer(choice) for choice in question.choices}
            if str(raw) not in allowed:
                raise InvalidAnswerError(
                    f"Réponse non prévue à la question « {question.text} » : rien n’a été enregistré."
                )
            answers[question.key] = allowed[str(raw)]
        if response is None:
            response = DiagnosticResponse(project=project, diagnostic=questionnaire)
        response.answers = answers
        response.scores, response.overall = compute_scores(questionnaire, answers)
        outcome["complete"] = complete = all(question.key in answers for question in questions)
        outcome["just_completed"] = complete and response.completed_at is None
        if outcome["just_completed"]:
            response.completed_at = timezone.now()
        return response, "a modifié les réponses au diagnostic" if answers != previous else None

    # Read under the project lock taken above: concurrent saves of this project are serialised.
    response = save_versioned(
        project=project,
        user=user,
        saved=DiagnosticResponse.objects.filter(project=project).select_related("updated_by").first(),
        expected_version=expected_version,
        subject="le diagnostic",
        apply=apply,
        reread=lambda: DiagnosticResponse.objects.filter(project=project).first(),
        stage=diagnostic_stage,
        event=lambda _response: (EventKind.DIAGNOSTIC, FINISHED if outcome["complete"] else ANSWERED),
    )
    mark_kind_done(
        project=project,
        kind=StepKind.DIAGNOSTIC,
        done=outcome["complete"],
        user=user,
        value={"overall": response.overall},
    )
    if outcome["just_completed"]:
        # reports listens (automatic report); in this transaction, so the report exists iff the completion does.
        signals.diagnostic_completed.send(sender=Project, project=project, user=user)
    return response


def _prefetched(diagnostic_id: int) -> Diagnostic:
    return Diagnostic.objects.prefetch_related("dimensions__questions", "dimensions__recommendations").get(
        pk=diagnostic_id
    )
