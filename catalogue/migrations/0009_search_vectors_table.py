"""The services' full-text vectors move to a narrow table of their own, with the GIN index (PostgreSQL).

A search reads the vector of every match to rank it: among the services' columns, each match cost a page read.
The vectors are copied on PostgreSQL (SQLite never had any: it searches `search_text`), then the column and its
index go.
"""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

INDEX = "catalogue_servicesearchvector_gin"


def copy_vectors(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "INSERT INTO catalogue_servicesearchvector (service_id, vector) "
        "SELECT id, search_vector FROM catalogue_service WHERE search_vector IS NOT NULL"
    )
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON catalogue_servicesearchvector USING gin (vector)")


def copy_vectors_back(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "UPDATE catalogue_service SET search_vector = entry.vector "
        "FROM catalogue_servicesearchvector AS entry WHERE entry.service_id = catalogue_service.id"
    )
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS catalogue_service_search_gin ON catalogue_service USING gin (search_vector)"
    )


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0008_bigbluebutton_licence")]

    operations = [
        migrations.CreateModel(
            name="ServiceSearchVector",
            fields=[
                (
                    "service",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_entry",
                        serialize=False,
                        to="catalogue.service",
                    ),
                ),
                ("vector", django.contrib.postgres.search.SearchVectorField()),
            ],
            options={
                "verbose_name": "vecteur de recherche d’un service",
                "verbose_name_plural": "vecteurs de recherche des services",
            },
        ),
        migrations.RunPython(copy_vectors, copy_vectors_back),
        migrations.RemoveField(model_name="service", name="search_vector"),
    ]
