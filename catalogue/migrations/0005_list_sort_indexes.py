"""PostgreSQL indexes matching the catalogue's default and « nom » sorts, so a page reads 20 rows instead of sorting.

`selectors._ordered` sorts by `-adopter_count, name COLLATE "fr-FR-x-icu", pk` (pertinence without search terms,
nombre de collectivités) or by `name COLLATE "fr-FR-x-icu", pk` (nom): with 5,000 services the sort cost ≈ 3 ms
per page, the index scan ≈ 0.1 ms. The ICU collation does not exist on SQLite, which sorts on `search_text`:
nothing happens there.
"""

from django.db import migrations

FORWARD = [
    'CREATE INDEX IF NOT EXISTS catalogue_service_list_adopters ON catalogue_service '
    '(adopter_count DESC, (name COLLATE "fr-FR-x-icu"), id) WHERE is_published',
    'CREATE INDEX IF NOT EXISTS catalogue_service_list_name ON catalogue_service '
    '((name COLLATE "fr-FR-x-icu"), id) WHERE is_published',
]
BACKWARD = [
    "DROP INDEX IF EXISTS catalogue_service_list_adopters",
    "DROP INDEX IF EXISTS catalogue_service_list_name",
]


def forward(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in FORWARD:
        schema_editor.execute(statement)


def backward(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in BACKWARD:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0004_adopters_changed_at")]

    operations = [migrations.RunPython(forward, backward)]
