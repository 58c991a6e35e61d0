"""Journey and diagnostic versions (administration): a published version is never edited; a new draft copies it,
and publishing the draft moves new projects onto it while running projects stay on theirs."""

from typing import TypeVar

from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from journeys.enums import TemplateStatus
from journeys.models import Diagnostic, JourneyTemplate, Question, Recommendation, Step
from journeys.services.errors import JourneyError

Content = TypeVar("Content", JourneyTemplate, Diagnostic)
Row = TypeVar("Row", bound=Model)


@transaction.atomic
def new_template_version(*, template: JourneyTemplate) -> JourneyTemplate:
    """Copy a template (stages and steps) into a new draft version numbered after the latest one."""
    draft = _new_draft(template, version_note="")
    for stage in template.stages.prefetch_related("steps"):
        steps = list(stage.steps.all())
        _copy(stage, template=draft).save()
        Step.objects.bulk_create(_copy(step, stage=stage) for step in steps)
    return draft


def _new_draft(content: Content, **fields: str) -> Content:
    """An empty draft of `content`, numbered after the latest version of its slug."""
    versions = type(content).objects.filter(slug=content.slug).order_by("-version").values_list("version", flat=True)
    return type(content).objects.create(
        slug=content.slug,
        name=content.name,
        description=content.description,
        version=versions[0] + 1,
        supersedes=content,
        **fields,
    )


def _copy(row: Row, **parents: Model) -> Row:
    """`row` made a new, unsaved row under other parents (its children were read before)."""
    row.pk = None
    for name, parent in parents.items():
        setattr(row, name, parent)
    return row


def _publish(content: Content, *, is_empty: bool, empty_message: str) -> Content:
    if content.status == TemplateStatus.PUBLISHED:
        raise JourneyError("Cette version est déjà publiée.")
    if is_empty:
        raise JourneyError(empty_message)
    content.status = TemplateStatus.PUBLISHED
    content.published_at = timezone.now()
    content.save(update_fields=["status", "published_at"])
    return content


@transaction.atomic
def publish_template(*, template: JourneyTemplate) -> JourneyTemplate:
    """Publish a draft: new projects start on it; running projects stay on their version. Raises JourneyError."""
    return _publish(
        template,
        is_empty=not Step.objects.filter(stage__template=template).exists(),
        empty_message="Une version sans étape ni action ne peut pas être publiée.",
    )


@transaction.atomic
def new_diagnostic_version(*, diagnostic: Diagnostic) -> Diagnostic:
    """Copy a diagnostic (dimensions, questions, recommendations) into a new draft version."""
    draft = _new_draft(diagnostic)
    for dimension in diagnostic.dimensions.prefetch_related("questions", "recommendations"):
        questions = list(dimension.questions.all())
        recommendations = list(dimension.recommendations.all())
        _copy(dimension, diagnostic=draft).save()
        Question.objects.bulk_create(_copy(question, diagnostic=draft, dimension=dimension) for question in questions)
        Recommendation.objects.bulk_create(_copy(item, dimension=dimension) for item in recommendations)
    return draft


@transaction.atomic
def publish_diagnostic(*, diagnostic: Diagnostic) -> Diagnostic:
    """Publish a draft diagnostic: projects that have not started the diagnostic will use it."""
    return _publish(
        diagnostic,
        is_empty=not diagnostic.questions.exists(),
        empty_message="Un diagnostic sans question ne peut pas être publié.",
    )
