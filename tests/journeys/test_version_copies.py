"""A new draft version copies the whole structure under itself and leaves the published version as it was."""

from journeys import services
from journeys.models import Question, Recommendation, Step
from tests.journeys.factories import sample_diagnostic, sample_template


def _structure(rows) -> list[tuple]:
    return sorted(rows)


def test_a_new_journey_version_copies_every_stage_and_step_under_the_draft(db):
    published = sample_template()
    before = _structure(Step.objects.filter(stage__template=published).values_list("stage__key", "key", "title"))

    draft = services.new_template_version(template=published)

    assert (draft.slug, draft.version, draft.supersedes, draft.version_note) == (
        published.slug,
        published.version + 1,
        published,
        "",
    )
    copied = Step.objects.filter(stage__template=draft).values_list("stage__key", "key", "title")
    assert _structure(copied) == before
    assert _structure(Step.objects.filter(stage__template=published).values_list("stage__key", "key", "title")) == (
        before
    )


def test_a_new_diagnostic_version_copies_dimensions_questions_and_recommendations_under_the_draft(db):
    published = sample_diagnostic()
    questions = _structure(Question.objects.filter(diagnostic=published).values_list("dimension__key", "key"))
    recommendations = _structure(
        Recommendation.objects.filter(dimension__diagnostic=published).values_list("dimension__key", "below", "text")
    )
    assert recommendations

    draft = services.new_diagnostic_version(diagnostic=published)

    assert (draft.version, draft.supersedes) == (published.version + 1, published)
    assert not Question.objects.filter(diagnostic=draft).exclude(dimension__diagnostic=draft).exists()
    assert _structure(Question.objects.filter(diagnostic=draft).values_list("dimension__key", "key")) == questions
    copied = Recommendation.objects.filter(dimension__diagnostic=draft).values_list("dimension__key", "below", "text")
    assert _structure(copied) == recommendations
    assert Question.objects.filter(diagnostic=published).count() == len(questions)
