"""Completing the diagnostic asks for the report automatically, in the same transaction (journeys sends a signal)."""

import pytest

from journeys import services as journey_services
from journeys.selectors import diagnostic_with_questions
from reports.enums import ReportStatus
from reports.models import Report
from tests.journeys.factories import ProjectFactory, move_to, sample_diagnostic


@pytest.fixture
def diagnostic_project(world):
    diagnostic = diagnostic_with_questions(sample_diagnostic())
    project = move_to(ProjectFactory(organisation=world["org"]), "diagnostic")
    return project, diagnostic


def _answers(diagnostic, *, skip: int = 0) -> dict:
    questions = [q for d in diagnostic.dimensions.all() for q in d.questions.all()]
    return {q.key: "2" for q in questions[skip:]}


def test_completing_the_diagnostic_asks_for_the_report(diagnostic_project, world):
    project, diagnostic = diagnostic_project
    journey_services.save_diagnostic(
        project=project,
        user=world["member"],
        diagnostic=diagnostic,
        raw_answers=_answers(diagnostic),
        expected_version=0,
    )
    report = Report.objects.get(project=project)
    assert report.is_automatic
    assert report.status == ReportStatus.PENDING
    assert report.requested_by == world["member"]


def test_partial_answers_ask_for_nothing(diagnostic_project, world):
    project, diagnostic = diagnostic_project
    journey_services.save_diagnostic(
        project=project,
        user=world["member"],
        diagnostic=diagnostic,
        raw_answers=_answers(diagnostic, skip=1),
        expected_version=0,
    )
    assert not Report.objects.exists()


def test_saving_a_completed_diagnostic_again_asks_for_no_second_report(diagnostic_project, world):
    project, diagnostic = diagnostic_project
    response = journey_services.save_diagnostic(
        project=project,
        user=world["member"],
        diagnostic=diagnostic,
        raw_answers=_answers(diagnostic),
        expected_version=0,
    )
    Report.objects.update(status=ReportStatus.READY)
    journey_services.save_diagnostic(
        project=project,
        user=world["member"],
        diagnostic=diagnostic,
        raw_answers=_answers(diagnostic),
        expected_version=response.version,
    )
    assert Report.objects.count() == 1


def test_refused_diagnostic_save_leaves_no_report(diagnostic_project, world):
    project, diagnostic = diagnostic_project
    with pytest.raises(journey_services.StaleDiagnosticError):
        journey_services.save_diagnostic(
            project=project,
            user=world["member"],
            diagnostic=diagnostic,
            raw_answers=_answers(diagnostic),
            expected_version=7,
        )
    assert not Report.objects.exists()
