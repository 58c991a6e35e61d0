"""What `bootstrap` builds from the shipped journey content is pinned: a refactor of the loader or of the content
files that changes one character of the database content would publish new versions on the next deploy.

The dump covers every concrete field of the template, its stages and steps, the diagnostic, its dimensions,
questions and recommendations (primary keys and timestamps left out, foreign keys by natural key), their content
hashes, and the ethics questionnaire the page reads. A deliberate content change updates the digests below: the
failure message prints the new ones.
"""

import hashlib
import json

from django.db import models

from journeys.content.loader import ethics_content, load_default_content
from journeys.models import Diagnostic, Dimension, JourneyTemplate, Question, Recommendation, Stage, Step

TEMPLATE_SOURCE_HASH = "47af84f2913150b74cf27654579dba141a28453a87fab650f44c4063758292bd"
DIAGNOSTIC_SOURCE_HASH = "6606e7cf768a1c51f9f59d427c7270d70c45e7de40ca0ce917fee089d8cd187a"
DATABASE_DUMP_DIGEST = "faddee66841972cd36ea435468170c348af3e00058c2555148c4c18c973eb5e3"
ETHICS_CONTENT_DIGEST = "327a9c1dbbf21fd0d8f859b53aad04281cb56afb8b723b3b14ce79fbb8a84da3"

SKIPPED = {"id", "created_at", "published_at"}


def _natural(obj: models.Model | None) -> list | None:
    if obj is None:
        return None
    if isinstance(obj, JourneyTemplate | Diagnostic):
        return [obj.slug, obj.version]
    parent = {Stage: "template", Step: "stage", Dimension: "diagnostic", Question: "diagnostic"}.get(type(obj))
    if parent:
        return [*_natural(getattr(obj, parent)), obj.key]
    return [*_natural(obj.dimension), obj.order]


def _row(obj: models.Model) -> dict:
    row = {}
    for field in obj._meta.concrete_fields:
        if field.name in SKIPPED:
            continue
        value = getattr(obj, field.name)
        row[field.name] = _natural(value) if field.is_relation else value
    return row


def _stable(row: dict) -> str:
    return json.dumps(row, sort_keys=True, ensure_ascii=False)


def bootstrap_dump() -> dict:
    """Every row the journey bootstrap wrote, in a stable order."""
    return {
        model.__name__: sorted((_row(obj) for obj in model.objects.all()), key=_stable)
        for model in (JourneyTemplate, Stage, Step, Diagnostic, Dimension, Question, Recommendation)
    }


def _digest(data) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def test_bootstrap_builds_the_pinned_content():
    load_default_content()
    template = JourneyTemplate.objects.get()
    diagnostic = Diagnostic.objects.get()
    measured = {
        "TEMPLATE_SOURCE_HASH": template.source_hash,
        "DIAGNOSTIC_SOURCE_HASH": diagnostic.source_hash,
        "DATABASE_DUMP_DIGEST": _digest(bootstrap_dump()),
        "ETHICS_CONTENT_DIGEST": _digest(ethics_content()),
    }
    pinned = {
        "TEMPLATE_SOURCE_HASH": TEMPLATE_SOURCE_HASH,
        "DIAGNOSTIC_SOURCE_HASH": DIAGNOSTIC_SOURCE_HASH,
        "DATABASE_DUMP_DIGEST": DATABASE_DUMP_DIGEST,
        "ETHICS_CONTENT_DIGEST": ETHICS_CONTENT_DIGEST,
    }
    assert measured == pinned, "Contenu livré modifié : nouvelles empreintes\n" + "\n".join(
        f'{name} = "{value}"' for name, value in measured.items()
    )


def test_a_second_bootstrap_changes_nothing():
    load_default_content()
    before = bootstrap_dump()
    load_default_content()
    assert bootstrap_dump() == before
