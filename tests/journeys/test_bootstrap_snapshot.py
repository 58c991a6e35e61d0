"""What `bootstrap` builds from the shipped journey content is pinned: a refactor of the loader or of the content
files that changes one character of the database content would publish new versions on the next deploy.

The snapshot keeps one hash per row of the template, its stages and steps, the diagnostic, its dimensions,
questions and recommendations (every concrete field but the primary key and the timestamps, foreign keys by
natural key, the content hash `source_hash` included), and one per entry of the ethics questionnaire the page reads.
A failure names the rows that moved. After a deliberate change of the shipped content, rewrite it with
`UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/journeys/test_bootstrap_snapshot.py` and review the diff:
only the rows you meant to change may move.
"""

import hashlib
import json
import os
from pathlib import Path

from django.db import models

from journeys.content.loader import ethics_content, load_default_content
from journeys.models import Diagnostic, Dimension, JourneyTemplate, Question, Recommendation, Stage, Step

SNAPSHOT = Path(__file__).with_name("snapshots") / "bootstrap_rows.json"
VOLATILE = {"id", "created_at", "published_at"}
PARENT = {Stage: "template", Step: "stage", Dimension: "diagnostic", Question: "diagnostic"}


def _natural(obj: models.Model) -> str:
    if isinstance(obj, JourneyTemplate | Diagnostic):
        return f"{obj.slug}/v{obj.version}"
    if type(obj) in PARENT:
        return f"{_natural(getattr(obj, PARENT[type(obj)]))}/{obj.key}"
    return f"{_natural(obj.dimension)}/{obj.order}"


def _row(obj: models.Model) -> dict:
    row = {}
    for field in obj._meta.concrete_fields:
        if field.name not in VOLATILE:
            value = getattr(obj, field.name)
            row[field.name] = _natural(value) if field.is_relation and value is not None else value
    return row


def _digest(value) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def bootstrap_rows() -> dict[str, str]:
    """One hash per row the journey bootstrap wrote and per entry of the ethics questionnaire."""
    rows = {}
    for model in (JourneyTemplate, Stage, Step, Diagnostic, Dimension, Question, Recommendation):
        for obj in model.objects.all():
            rows[f"{model.__name__.lower()}:{_natural(obj)}"] = _digest(_row(obj))
    ethics = ethics_content()
    for position, question in enumerate(ethics["questions"]):
        rows[f"ethics:question:{question['key']}"] = _digest([position, question])
    rows["ethics:aipd_criteria"] = _digest(ethics["aipd_criteria"])
    for key, level in ethics["ai_act_levels"].items():
        rows[f"ethics:ai_act_level:{key}"] = _digest(level)
    for key, text in ethics["guidance"].items():
        rows[f"ethics:guidance:{key}"] = _digest(text)
    return dict(sorted(rows.items()))


def test_bootstrap_builds_the_rows_of_the_snapshot():
    load_default_content()
    rows = bootstrap_rows()
    if os.environ.get("UPDATE_SNAPSHOTS"):
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert sorted(set(rows) ^ set(expected)) == []
    assert [key for key in rows if rows[key] != expected[key]] == []


def test_a_second_bootstrap_changes_nothing():
    load_default_content()
    before = bootstrap_rows()
    load_default_content()
    assert bootstrap_rows() == before
