"""`bootstrap` writes the rows of the shipped content the snapshot records: a change of loader or data format
that alters a single field of a single row fails here, naming the row.

The snapshot keeps one hash per row (themes, publishers, catalogue services, resources), over every field but
the primary key and the timestamps. After a deliberate change of the shipped content, rewrite it with
`UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/common/test_bootstrap_snapshot.py` and review the diff:
only the rows you meant to change may move.
"""

import hashlib
import io
import json
import os
from pathlib import Path

import pytest
from django.apps import apps
from django.forms.models import model_to_dict

from catalogue.models import Publisher, Service, Theme
from resources.models import Resource

SNAPSHOT = Path(__file__).with_name("snapshots") / "bootstrap_rows.json"
VOLATILE = {"id", "created_at", "updated_at", "modified_at", "search_vector", "adopters_changed_at"}


def _digest(row: dict) -> str:
    return hashlib.sha256(json.dumps(row, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


def _fields(instance) -> dict:
    names = [field.name for field in instance._meta.concrete_fields if field.name not in VOLATILE]
    return {name: getattr(instance, name) for name in names if not name.endswith("publisher")}


def bootstrap_rows() -> dict[str, str]:
    rows = {}
    for theme in Theme.objects.all():
        rows[f"theme:{theme.slug}"] = _digest(model_to_dict(theme, exclude=["id"]))
    for publisher in Publisher.objects.all():
        rows[f"publisher:{publisher.name}"] = _digest(model_to_dict(publisher, exclude=["id"]))
    for service in Service.objects.select_related("publisher").prefetch_related("themes"):
        row = {**_fields(service), "publisher": service.publisher.name}
        row["themes"] = sorted(theme.slug for theme in service.themes.all())
        rows[f"service:{service.slug}"] = _digest(row)
    for resource in Resource.objects.prefetch_related("themes"):
        row = {**_fields(resource), "themes": sorted(theme.slug for theme in resource.themes.all())}
        rows[f"resource:{resource.slug}"] = _digest(row)
    return dict(sorted(rows.items()))


@pytest.mark.django_db
def test_bootstrap_writes_the_rows_of_the_snapshot():
    for label in ("catalogue", "resources"):
        apps.get_app_config(label).bootstrap(io.StringIO())
    rows = bootstrap_rows()
    if os.environ.get("UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert sorted(set(rows) ^ set(expected)) == []
    assert [key for key in rows if rows[key] != expected[key]] == []
