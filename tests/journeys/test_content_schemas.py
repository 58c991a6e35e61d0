"""The JSON Schemas of the journey content files refuse a broken entry (tests/common/test_content_files.py checks
that the shipped files pass them), and the loader refuses an AI Act text it does not know."""

import json
from copy import deepcopy
from pathlib import Path

import jsonschema
import pytest

from common import ai_act, datafiles
from common.typography import NBSP
from journeys.content import loader
from tests.common.shipped_texts import strings

CONTENT = Path(loader.__file__).parent


def _schema(name: str) -> dict:
    return json.loads((CONTENT / f"{name}.schema.json").read_text(encoding="utf-8"))


def _step(data: dict, key: str) -> dict:
    return next(step for stage in data["stages"] for step in stage["steps"] if step["key"] == key)


def _question(data: dict, key: str) -> dict:
    return next(question for question in data["questions"] if question["key"] == key)


TEMPLATE_BREAKS = {
    "unknown step kind": lambda d: _step(d, "besoin").update(kind="video"),
    "step without a title": lambda d: _step(d, "besoin").pop("title"),
    "empty help": lambda d: _step(d, "besoin").update(help="   "),
    "unknown key": lambda d: _step(d, "besoin").update(aide="Texte"),
    "step key with capitals": lambda d: _step(d, "besoin").update(key="Besoin"),
    "template slug with underscore": lambda d: d.update(slug="parcours_ia"),
    "choice step without choices": lambda d: _step(d, "personnes_concernees").pop("choices"),
    "choices on a text step": lambda d: _step(d, "besoin").update(choices=["Oui", "Non"]),
    "link step without a link": lambda d: _step(d, "catalogue_ia").pop("link"),
    "link to a relative path": lambda d: _step(d, "catalogue_ia")["link"].update(url="catalogue/"),
    "reserved choice for an unknown kind of territory": lambda d: next(
        step for stage in d["stages"] for step in stage["steps"] if "choices_for" in step
    )["choices_for"].update({"Dotation imaginaire": ["canton"]}),
    "title longer than the database column": lambda d: _step(d, "besoin").update(title="Titre " * 40),
    "required as a string": lambda d: _step(d, "besoin").update(required="oui"),
}

DIAGNOSTIC_BREAKS = {
    "score above 3": lambda d: d["questions"][0]["choices"][0].update(score=4),
    "choice without a score": lambda d: d["questions"][0]["choices"][0].pop("score"),
    "weight 0": lambda d: d["questions"][0].update(weight=0),
    "question without help": lambda d: d["questions"][0].pop("help"),
    "dimension key with a space": lambda d: d["dimensions"][0].update(key="strategie globale"),
    "recommendation threshold above 100": lambda d: d["dimensions"][0]["recommendations"][0].update(below=120),
    "recommendation link without a label": lambda d: d["dimensions"][0]["recommendations"][0]["links"][0].pop("label"),
    "unknown top-level key": lambda d: d.update(version_note="Version 2"),
    "empty text": lambda d: d["questions"][0].update(text=""),
}

ETHICS_BREAKS = {
    "unknown section": lambda d: d["questions"][0].update(section="divers"),
    "unknown question kind": lambda d: d["questions"][0].update(kind="free_text"),
    "choice without a key": lambda d: _question(d, "dp_categories")["choices"][0].pop("key"),
    "missing AI Act level": lambda d: d["ai_act_levels"].pop("prohibited"),
    "guidance key with a hyphen": lambda d: d["guidance"].update({"dp-oui": "Un texte d’aide."}),
    "empty guidance text": lambda d: d["guidance"].update(dp_oui=""),
    "guidance that is not a text": lambda d: d["guidance"].update(dp_oui=["Un", "texte"]),
}


@pytest.mark.parametrize(
    ("name", "breaks"),
    [pytest.param("parcours_ia_donnees", change, id=f"parcours: {label}") for label, change in TEMPLATE_BREAKS.items()]
    + [
        pytest.param("diagnostic_maturite", change, id=f"diagnostic: {label}")
        for label, change in DIAGNOSTIC_BREAKS.items()
    ]
    + [pytest.param("cadrage_ethique", change, id=f"cadrage: {label}") for label, change in ETHICS_BREAKS.items()],
)
def test_the_schema_refuses_a_broken_entry(name, breaks):
    schema = _schema(name)
    data = deepcopy(datafiles.load(CONTENT / f"{name}.yaml"))
    jsonschema.validate(data, schema)  # the shipped file passes: the failure below is the change's
    breaks(data)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_ai_act_texts_are_filled_in_from_the_one_wording():
    raw = datafiles.load(CONTENT / "cadrage_ethique.yaml")
    assert raw["guidance"]["ai_act_calendrier"] == "{{ ai_act.calendrier_resume }}"
    assert loader.shipped_ethics_check()["guidance"]["ai_act_calendrier"] == ai_act.calendar_text()
    shipped = [loader.shipped_template(), loader.shipped_diagnostic(), loader.shipped_ethics_check()]
    assert not [text for text in strings(shipped) if "{{" in text or "}}" in text]


def test_authors_type_plain_spaces_and_the_loader_adds_french_typography():
    raw = (CONTENT / "parcours_ia_donnees.yaml").read_text(encoding="utf-8")
    assert NBSP not in raw
    assert "title: Quel besoin voulez-vous résoudre ?" in raw
    step = _step(loader.shipped_template(), "besoin")
    assert step["title"] == f"Quel besoin voulez-vous résoudre{NBSP}?"
    assert f"«{NBSP}les familles" in step["help"]


def test_an_unknown_ai_act_text_is_refused_with_the_file_name(tmp_path):
    broken = tmp_path / "parcours.yaml"
    broken.write_text("slug: parcours\nname: 'Depuis 2025, {{ ai_act.obligation_de_formation }}.'\n", encoding="utf-8")
    with pytest.raises(loader.ContentError, match=r"parcours\.yaml.*ai_act\.obligation_de_formation"):
        loader._shipped(broken)
