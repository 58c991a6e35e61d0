"""Fill what 0004 added for the rows that existed before it: deliverables' sizes (read from the storage), and
one history row per diagnostic response and ethics check (as saved last, by whom), so the RGPD export can give
each person the answers they chose."""

from django.db import migrations


def backfill(apps, schema_editor):
    from django.core.files.storage import storages

    storage = storages["private"]
    StepAnswer = apps.get_model("journeys", "StepAnswer")
    HistoricalStepAnswer = apps.get_model("journeys", "HistoricalStepAnswer")
    for answer in StepAnswer.objects.exclude(file="").filter(file_size__isnull=True).iterator():
        try:
            size = storage.size(answer.file.name)
        except (OSError, NotImplementedError):
            continue
        StepAnswer.objects.filter(pk=answer.pk).update(file_size=size)
        HistoricalStepAnswer.objects.filter(id=answer.pk, file=answer.file.name).update(file_size=size)

    fields = {
        "DiagnosticResponse": ["project_id", "diagnostic_id", "answers", "scores", "overall", "completed_at"],
        "EthicsCheck": ["project_id", "answers", "result", "completed_at"],
    }
    for name, copied in fields.items():
        model = apps.get_model("journeys", name)
        historical = apps.get_model("journeys", f"Historical{name}")
        known = set(historical.objects.values_list("id", flat=True))
        historical.objects.bulk_create(
            [
                historical(
                    id=row.pk,
                    version=row.version,
                    updated_by_id=row.updated_by_id,
                    updated_at=row.updated_at,
                    history_date=row.updated_at,
                    history_type="+",
                    history_user_id=row.updated_by_id,
                    **{field: getattr(row, field) for field in copied},
                )
                for row in model.objects.exclude(pk__in=known).iterator()
            ],
            batch_size=500,
        )


def forget(apps, schema_editor):
    """Nothing to undo: 0004's reversal drops the columns and tables."""


class Migration(migrations.Migration):
    dependencies = [("journeys", "0004_answer_file_size_and_questionnaire_history")]

    operations = [migrations.RunPython(backfill, forget)]
