"""The resources are one Markdown file each, read through the one loader and refused by their schema when broken."""

import json
from copy import deepcopy
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from common import ai_act, datafiles
from resources.content import FOLDER, RESOURCES, entry

SCHEMA = json.loads(FOLDER.with_name("ressources.schema.json").read_text(encoding="utf-8"))


def _file(slug: str) -> dict:
    return deepcopy(datafiles.load(FOLDER / f"{slug}.md"))


@pytest.mark.parametrize(
    ("slug", "breakage"),
    [
        pytest.param("rgpd-et-aipd", lambda data: data.pop("title"), id="titre manquant"),
        pytest.param("rgpd-et-aipd", lambda data: data.update(kind="article"), id="type inconnu"),
        pytest.param("rgpd-et-aipd", lambda data: data.update(audience="public"), id="public inconnu"),
        pytest.param("rgpd-et-aipd", lambda data: data.update(updated_on="26/11/2026"), id="date mal écrite"),
        pytest.param("rgpd-et-aipd", lambda data: data.update(themes=[]), id="aucune thématique"),
        pytest.param("rgpd-et-aipd", lambda data: data.update(body=""), id="corps vide"),
        pytest.param("rgpd-et-aipd", lambda data: data.update(problem="Un problème " * 5), id="rubrique de cas"),
        pytest.param("rgpd-et-aipd", lambda data: data.update(sumary="Résumé"), id="champ mal orthographié"),
        pytest.param("rgpd-et-aipd", lambda data: data.update(source_url="www.cnil.fr"), id="source sans https"),
        pytest.param("prevision-qualite-air", lambda data: data.pop("results"), id="cas sans résultats"),
        pytest.param("prevision-qualite-air", lambda data: data.update(body="Texte " * 50), id="cas avec corps"),
    ],
)
def test_the_schema_refuses_a_broken_resource(slug, breakage):
    data = _file(slug)
    jsonschema.validate(data, SCHEMA)
    breakage(data)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)


def test_every_shipped_resource_is_one_file_named_after_its_slug():
    assert sorted(entry["slug"] for entry in RESOURCES) == sorted(path.stem for path in FOLDER.glob("*.md"))
    assert len(RESOURCES) >= 30


def test_the_loader_adds_typography_defaults_and_the_shared_texts(tmp_path: Path):
    page = tmp_path / "essai.md"
    page.write_text(
        "---\ntitle: 'Un titre : essai'\nkind: guide\naudience: tous\nupdated_on: '2026-11-26'\n---\n\n"
        "Le calendrier :\n\n{{ ai_act.calendrier }}\n",
        encoding="utf-8",
    )
    loaded = entry(page)
    assert loaded["slug"] == "essai"
    assert loaded["title"] == "Un titre\u00a0: essai"
    assert loaded["updated_on"] == date(2026, 11, 26)
    assert (loaded["sizes"], loaded["is_published"]) == ([], True)
    assert "{{" not in loaded["body"]
    assert loaded["body"].endswith(ai_act.calendar_markdown())


def test_a_case_study_has_no_body():
    case = next(item for item in RESOURCES if item["slug"] == "prevision-qualite-air")
    assert "body" not in case
    assert case["problem"]
