"""Recompute the stored `search_name` after elided articles became glued to their word (« lisle adam »)."""

from django.db import migrations

from territories.search import normalize

MODELS = ("Region", "Departement", "Epci", "Commune")


def recompute(apps, schema_editor):
    for model_name in MODELS:
        model = apps.get_model("territories", model_name)
        changed = []
        for row in model.objects.only("pk", "name", "search_name").iterator(chunk_size=2000):
            search_name = normalize(row.name)
            if search_name != row.search_name:
                row.search_name = search_name
                changed.append(row)
        model.objects.bulk_update(changed, ["search_name"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("territories", "0003_national_programmes")]

    operations = [migrations.RunPython(recompute, migrations.RunPython.noop)]
