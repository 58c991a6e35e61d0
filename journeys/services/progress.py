"""Progress and scoring, pure functions over prefetched objects: what a stage still needs, the diagnostic scores and
the recommendations they call for. No query and no write here."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from journeys.models import Diagnostic, Stage, Step, StepAnswer

# The stored answer of a choice without a score (« non concerné ») : recorded, left out of the scores.
NOT_CONCERNED = "nc"


@dataclass
class StageProgress:
    stage: Stage
    required: int = 0
    done: int = 0
    missing: list[Step] = field(default_factory=list)
    validated: bool = False
    # ANCT had validated it, then its answers or files changed: it needs a new validation.
    revalidate: bool = False

    @property
    def steps_complete(self) -> bool:
        return not self.missing

    @property
    def complete(self) -> bool:
        return self.steps_complete and (self.validated or not self.stage.requires_validation)


def stage_progress(
    stage: Stage,
    answers: dict[int, StepAnswer],
    validated_stage_ids: Iterable[int],
    voided_stage_ids: Iterable[int] = (),
) -> StageProgress:
    """Required steps done for a stage whose steps are prefetched (no query)."""
    validated = stage.pk in set(validated_stage_ids)
    progress = StageProgress(
        stage=stage, validated=validated, revalidate=not validated and stage.pk in set(voided_stage_ids)
    )
    for step in stage.steps.all():
        if not step.required:
            continue
        progress.required += 1
        answer = answers.get(step.pk)
        if answer is not None and answer.done:
            progress.done += 1
        else:
            progress.missing.append(step)
    return progress


def choice_value(choice: dict) -> str:
    """The form value of a diagnostic choice: its score, or NOT_CONCERNED for a choice without one."""
    return NOT_CONCERNED if choice.get("score") is None else str(choice["score"])


def stored_answer(choice: dict) -> int | str:
    """What an answer stores: the score (int), or NOT_CONCERNED."""
    return NOT_CONCERNED if choice.get("score") is None else choice["score"]


def compute_scores(diagnostic: Diagnostic, answers: dict) -> tuple[dict[str, int | None], int | None]:
    """Scores per dimension (0–100, None when nothing answered) and overall (mean of answered dimensions).

    dimension = 100 * sum(weight * score) / sum(weight * max score) over answered questions.
    The diagnostic must have dimensions__questions prefetched.
    """
    scores: dict[str, int | None] = {}
    for dimension in diagnostic.dimensions.all():
        earned = possible = 0
        for question in dimension.questions.all():
            if question.key not in answers or answers[question.key] == NOT_CONCERNED:
                continue
            top = max(choice["score"] for choice in question.choices if choice.get("score") is not None) or 3
            earned += question.weight * int(answers[question.key])
            possible += question.weight * top
        scores[dimension.key] = round(100 * earned / possible) if possible else None
    answered = [score for score in scores.values() if score is not None]
    overall = round(sum(answered) / len(answered)) if answered else None
    return scores, overall


def recommendations_for(diagnostic: Diagnostic, scores: dict) -> list[dict]:
    """For each weak dimension, the recommendations of the tightest threshold above its score."""
    result = []
    for dimension in diagnostic.dimensions.all():
        score = scores.get(dimension.key)
        if score is None:
            continue
        applicable = [r for r in dimension.recommendations.all() if score < r.below]
        if not applicable:
            continue
        tightest = min(r.below for r in applicable)
        result.append(
            {"dimension": dimension, "score": score, "items": [r for r in applicable if r.below == tightest]}
        )
    return result
