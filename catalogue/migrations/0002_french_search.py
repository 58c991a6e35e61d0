"""PostgreSQL full-text search that ignores accents: a `french_unaccent` configuration and a GIN index.

The built-in `french` configuration keeps accents, so "ecole" would not match "École". The copy maps
words through `unaccent` then `french_stem` (in that order: the stemmer accepts every word). On SQLite
nothing happens here: the catalogue searches the accent-folded `search_text` column instead.
"""

from django.db import migrations

CONFIG = "french_unaccent"

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    f"""
    DO $$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{CONFIG}') THEN
            CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = french);
            ALTER TEXT SEARCH CONFIGURATION {CONFIG}
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
        END IF;
    END
    $$;
    """,
    "CREATE INDEX IF NOT EXISTS catalogue_service_search_gin ON catalogue_service USING gin (search_vector)",
]
BACKWARD = ["DROP INDEX IF EXISTS catalogue_service_search_gin"]


def forward(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in FORWARD:
        schema_editor.execute(statement)


def backward(apps, schema_editor) -> None:
    # The configuration and the extension may serve other apps: only the index is dropped.
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in BACKWARD:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
