import gzip
import json
import shutil

import pytest
from django.core.management import CommandError, call_command

from territories.models import Commune, CommunePostcode, Departement, Epci, Region
from territories.referential import ReferentialError, read_package
from tests.territories.paths import DATA


def _counts() -> dict:
    return {
        "regions": Region.objects.count(),
        "departements": Departement.objects.count(),
        "epcis": Epci.objects.count(),
        "communes": Commune.objects.count(),
        "postcodes": CommunePostcode.objects.count(),
    }


def test_operator_loads_package_folder_with_links_and_search_names():
    call_command("load_territoires", source=str(DATA / "v1"), stdout=None)

    assert _counts()["communes"] == 6  # the commune déléguée of the source is not loaded
    saint_etienne = Commune.objects.select_related("epci", "departement", "region").get(insee_code="42218")
    assert saint_etienne.name == "Saint-Étienne"
    assert saint_etienne.search_name == "saint etienne"
    assert saint_etienne.siren == "214202186"
    assert saint_etienne.epci.name == "Saint-Étienne Métropole"
    assert saint_etienne.departement.name == "Loire"
    assert saint_etienne.region.name == "Auvergne-Rhône-Alpes"
    assert set(saint_etienne.postcode_set.values_list("code", flat=True)) == set(saint_etienne.postcodes.split())
    assert Epci.objects.get(siren="200046977").departement_id == "69"
    loire = Departement.objects.get(code="42")
    assert loire.population == sum(Commune.objects.filter(departement=loire).values_list("population", flat=True))


def test_operator_runs_load_twice_without_duplicates():
    call_command("load_territoires", source=str(DATA / "v1"), stdout=None)
    first = _counts()
    call_command("load_territoires", source=str(DATA / "v1"), stdout=None)

    assert _counts() == first


def test_second_run_reports_nothing_changed(capsys):
    call_command("load_territoires", source=str(DATA / "v1"))
    call_command("load_territoires", source=str(DATA / "v1"))

    out = capsys.readouterr().out
    assert "Communes : 0 créé(s), 0 mis à jour, 0 désactivé(s), 6 inchangé(s)" in out


def test_newer_release_updates_and_deactivates_without_deleting():
    call_command("load_territoires", source=str(DATA / "v1"), stdout=None)
    roanne_pk = Commune.objects.get(insee_code="42187").pk
    call_command("load_territoires", source=str(DATA / "v2"), stdout=None)

    roanne = Commune.objects.get(pk=roanne_pk)
    assert roanne.is_active is False  # kept: organisations may point to it
    assert Epci.objects.get(siren="200035731").is_active is False  # Roannais Agglomération is gone
    brest = Commune.objects.get(insee_code="29019")
    assert brest.is_active is True
    assert brest.epci is None
    assert Epci.objects.get(siren="242900314").is_active is False
    saint_etienne = Commune.objects.get(insee_code="42218")
    assert saint_etienne.population == 180000
    assert list(saint_etienne.postcode_set.values_list("code", flat=True)) == ["42000"]
    assert Commune.objects.active().count() == 5


def test_commune_back_in_a_release_is_reactivated():
    call_command("load_territoires", source=str(DATA / "v1"), stdout=None)
    call_command("load_territoires", source=str(DATA / "v2"), stdout=None)
    call_command("load_territoires", source=str(DATA / "v1"), stdout=None)

    assert Commune.objects.get(insee_code="42187").is_active is True
    assert Commune.objects.active().count() == 6


def test_missing_source_folder_is_a_clear_french_error(tmp_path):
    with pytest.raises(CommandError, match="Dossier source introuvable"):
        call_command("load_territoires", source=str(tmp_path / "absent"))


def test_folder_without_referential_files_is_refused(tmp_path):
    with pytest.raises(CommandError, match=r"ne contient ni communes\.json"):
        call_command("load_territoires", source=str(tmp_path))


def test_corrupt_json_is_refused_and_nothing_is_loaded(tmp_path):
    shutil.copytree(DATA / "v1", tmp_path / "data")
    (tmp_path / "data" / "communes.json").write_text('[{"code": "42218", "nom": ', encoding="utf-8")

    with pytest.raises(CommandError, match="corrompu"):
        call_command("load_territoires", source=str(tmp_path / "data"))
    assert Commune.objects.count() == 0


def test_missing_field_is_refused(tmp_path):
    shutil.copytree(DATA / "v1", tmp_path / "data")
    communes = json.loads((tmp_path / "data" / "communes.json").read_text(encoding="utf-8"))
    del communes[0]["departement"]
    (tmp_path / "data" / "communes.json").write_text(json.dumps(communes), encoding="utf-8")

    with pytest.raises(CommandError, match="champ manquant"):
        call_command("load_territoires", source=str(tmp_path / "data"))


def test_commune_of_unknown_departement_is_refused(tmp_path):
    shutil.copytree(DATA / "v1", tmp_path / "data")
    departements = json.loads((tmp_path / "data" / "departements.json").read_text(encoding="utf-8"))
    departements = [d for d in departements if d["code"] != "29"]
    (tmp_path / "data" / "departements.json").write_text(json.dumps(departements), encoding="utf-8")

    with pytest.raises(ReferentialError, match="29019"):
        read_package(tmp_path / "data")


def test_corrupt_snapshot_is_refused(tmp_path):
    call_command("build_territoires_snapshot", str(DATA / "v1"), out=str(tmp_path), stdout=None)
    (tmp_path / "communes.csv.gz").write_bytes(b"not gzip at all")

    with pytest.raises(CommandError, match="corrompu"):
        call_command("load_territoires", source=str(tmp_path))


def test_snapshot_round_trip_gives_the_same_referential(tmp_path):
    call_command("build_territoires_snapshot", str(DATA / "v1"), out=str(tmp_path), stdout=None)
    first = (tmp_path / "communes.csv.gz").read_bytes()
    call_command("build_territoires_snapshot", str(DATA / "v1"), out=str(tmp_path), stdout=None)

    assert (tmp_path / "communes.csv.gz").read_bytes() == first  # reproducible bytes
    assert gzip.decompress(first).decode().splitlines()[0].startswith("code,nom,siren")
    call_command("load_territoires", source=str(tmp_path), stdout=None)
    assert Commune.objects.get(insee_code="42218").epci.siren == "244200770"
