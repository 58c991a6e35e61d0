"""Migration 0005 fills, for rows older than it, the deliverable sizes and a first questionnaire history row."""

import importlib

from django.apps import apps
from django.core.files.base import ContentFile

from journeys.models import DiagnosticResponse, StepAnswer
from tests.journeys.factories import PDF_BYTES, ProjectFactory, sample_diagnostic, sample_template, step

backfill = importlib.import_module("journeys.migrations.0005_backfill_file_size_and_questionnaire_history").backfill


def test_backfill_reads_file_sizes_and_records_who_saved_the_questionnaires(world):
    sample_template()
    project = ProjectFactory(organisation=world["org"])
    answer = StepAnswer(project=project, step=step(project, "besoin"), updated_by=world["member"])
    answer.file.save("livrable.pdf", ContentFile(PDF_BYTES), save=False)
    answer.save()
    response = DiagnosticResponse.objects.create(
        project=project, diagnostic=sample_diagnostic(), answers={"strategie-1": 2}, updated_by=world["member"]
    )
    response.history.all().delete()  # as for a response saved before the history table existed

    backfill(apps, None)

    answer.refresh_from_db()
    assert answer.file_size == len(PDF_BYTES)
    assert answer.history.get().file_size == len(PDF_BYTES)
    record = response.history.get()
    assert (record.answers, record.history_user, record.updated_by) == (
        {"strategie-1": 2},
        world["member"],
        world["member"],
    )
