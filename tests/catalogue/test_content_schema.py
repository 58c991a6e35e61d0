"""The JSON Schemas of the catalogue's data files refuse a broken entry, so a bad edit fails the suite."""

import json
from copy import deepcopy
from pathlib import Path

import jsonschema
import pytest

from common import datafiles

CONTENT = Path(__file__).resolve().parents[2] / "catalogue" / "content"


def _schema(name: str) -> dict:
    return json.loads((CONTENT / f"{name}.schema.json").read_text(encoding="utf-8"))


def _services() -> dict:
    return deepcopy(datafiles.load(CONTENT / "services.yaml"))


@pytest.mark.parametrize(
    "breakage",
    [
        pytest.param(lambda service: service.pop("licence"), id="licence manquante"),
        pytest.param(lambda service: service.update(maturity="stable"), id="maturité inconnue"),
        pytest.param(lambda service: service.update(kinds=["mairie"]), id="type de collectivité inconnu"),
        pytest.param(lambda service: service.update(sizes=[]), id="aucune taille"),
        pytest.param(lambda service: service.update(source_code_url="http://exemple.fr"), id="dépôt non https"),
        pytest.param(lambda service: service.update(licence="Licence maison"), id="licence non SPDX"),
        pytest.param(lambda service: service.update(slug="Mon Service"), id="slug invalide"),
        pytest.param(lambda service: service.update(description="Trop court."), id="description trop courte"),
        pytest.param(lambda service: service.update(licnece="MIT"), id="champ mal orthographié"),
    ],
)
def test_the_services_schema_refuses_a_broken_service(breakage):
    data = _services()
    jsonschema.validate(data, _schema("services"))
    breakage(data["services"][0])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, _schema("services"))


def test_the_themes_schema_refuses_a_theme_without_a_name():
    data = deepcopy(datafiles.load(CONTENT / "themes.yaml"))
    jsonschema.validate(data, _schema("themes"))
    del data["themes"][0]["name"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, _schema("themes"))


def test_every_service_names_a_known_publisher_and_known_themes():
    from catalogue.demo import PUBLISHERS, SERVICES, THEMES

    themes = {slug for slug, _name in THEMES}
    assert all(service["publisher"] in PUBLISHERS for service in SERVICES)
    assert all(set(service["themes"]) <= themes for service in SERVICES)
