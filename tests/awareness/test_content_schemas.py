"""Each awareness content file matches its JSON Schema (awareness/content/*.schema.json)."""

import json

import jsonschema
import pytest
import yaml

from awareness.content import CONTENT_DIR

FILES = ["glossaire.yaml", "modules.yaml", "charte.yaml"]


def _schema(name: str) -> dict:
    return json.loads((CONTENT_DIR / name.replace(".yaml", ".schema.json")).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", FILES)
def test_content_file_matches_its_schema(name):
    data = yaml.safe_load((CONTENT_DIR / name).read_text(encoding="utf-8"))
    jsonschema.validate(data, _schema(name))


def test_schema_refuses_a_module_without_self_check():
    module = {"slug": "m", "title": "Module", "minutes": 5, "summary": "x" * 20, "body": "x" * 500, "questions": []}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([module] * 5, _schema("modules.yaml"))
