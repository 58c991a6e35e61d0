import importlib

import pytest
from django.apps import apps as django_apps
from django.core.management import CommandError, call_command

from territories import services
from territories.models import Commune, Epci, Programme
from tests.conftest import skip_or_fail
from tests.territories.factories import ProgrammeFactory
from tests.territories.paths import SHARED_DATA

ACV_CSV = SHARED_DATA / "programmes" / "action-coeur-de-ville-communes.csv"


def test_data_migration_creates_the_three_national_programmes():
    # Called directly: transactional tests (e2e) flush the rows the migration created.
    migration = importlib.import_module("territories.migrations.0003_national_programmes")
    Programme.objects.all().delete()
    migration.create_programmes(django_apps, None)
    migration.create_programmes(django_apps, None)  # idempotent

    programmes = dict(Programme.objects.values_list("slug", "name"))
    assert len(programmes) == 3

    assert programmes["action-coeur-de-ville"] == "Action Cœur de Ville"
    assert programmes["petites-villes-de-demain"] == "Petites Villes de Demain"
    assert programmes["villages-d-avenir"] == "Villages d’Avenir"
    assert all(Programme.objects.values_list("summary", flat=True))


def test_anct_imports_the_action_coeur_de_ville_file_then_a_corrupted_copy_changes_nothing():
    if not ACV_CSV.exists():
        skip_or_fail(f"Fichier de test absent : {ACV_CSV} (dossier ../shared du poste de développement)")
    call_command("load_territoires", stdout=None)
    programme = ProgrammeFactory(slug="action-coeur-de-ville", name="Action Cœur de Ville")
    content = ACV_CSV.read_bytes()

    report = services.import_programme_members(programme=programme, content=content)

    assert (report.rows, report.communes_added, report.epcis_added) == (244, 244, 0)
    assert programme.communes.filter(insee_code="42187").exists()  # Roanne

    again = services.import_programme_members(programme=programme, content=content)
    assert (again.communes_added, again.already_members) == (0, 244)

    lines = content.decode().splitlines()
    lines[3] = lines[3].replace(lines[3].split(",")[0], "99999", 1)  # unknown INSEE code, line 4
    lines[10] = "ABC," + lines[10].split(",", 1)[1]  # malformed, line 11
    programme.communes.clear()
    with pytest.raises(services.ProgrammeImportError) as raised:
        services.import_programme_members(programme=programme, content="\n".join(lines))

    assert str(raised.value).startswith("Import refusé : 2 ligne(s) en erreur, rien n’a été importé.")
    assert raised.value.errors == [
        "Ligne 4 : le code Insee 99999 ne correspond à aucune commune en vigueur.",
        "Ligne 11 : « ABC » n’est pas un code Insee de commune (5 caractères).",
    ]
    assert programme.communes.count() == 0


@pytest.mark.usefixtures("small_referential")
class TestImportRules:
    @pytest.fixture
    def programme(self):
        return ProgrammeFactory()

    def test_semicolon_file_with_code_insee_column_and_dropped_zero(self, programme):
        content = "code_insee;nom\n42218;Saint-Étienne\n69123;Lyon\n".encode("cp1252")

        report = services.import_programme_members(programme=programme, content=content)

        assert report.communes_added == 2
        assert set(programme.communes.values_list("insee_code", flat=True)) == {"42218", "69123"}

    def test_siren_column_designates_epci_and_communes(self, programme):
        content = "siren\n200046977\n214202186\n"

        services.import_programme_members(programme=programme, content=content)

        assert list(programme.epcis.values_list("siren", flat=True)) == ["200046977"]
        assert list(programme.communes.values_list("insee_code", flat=True)) == ["42218"]

    def test_unknown_siren_is_reported_with_its_line(self, programme):
        with pytest.raises(services.ProgrammeImportError) as raised:
            services.import_programme_members(programme=programme, content="siren\n200046977\n123456789\n12\n")

        assert raised.value.errors == [
            "Ligne 3 : le SIREN 123456789 ne correspond à aucun EPCI ni aucune commune en vigueur.",
            "Ligne 4 : « 12 » n’est pas un SIREN (9 chiffres).",
        ]
        assert programme.epcis.count() == 0

    def test_file_without_code_column_is_refused(self, programme):
        with pytest.raises(services.ProgrammeImportError, match="Aucune colonne de code reconnue"):
            services.import_programme_members(programme=programme, content="nom\nLyon\n")

    @pytest.mark.parametrize("content", [b"", b"   \n", b"\xff\xfe\x00\x00garbage\x00"])
    def test_empty_or_binary_files_are_refused(self, programme, content):
        with pytest.raises(services.ProgrammeImportError):
            services.import_programme_members(programme=programme, content=content)

    def test_row_without_any_code_is_an_error(self, programme):
        with pytest.raises(services.ProgrammeImportError) as raised:
            services.import_programme_members(programme=programme, content="insee,nom\n42218,Saint-Étienne\n,Lyon\n")

        assert raised.value.errors == ["Ligne 3 : aucun code Insee ni SIREN."]

    def test_inactive_commune_cannot_be_imported(self, programme):
        Commune.objects.filter(insee_code="42187").update(is_active=False)

        with pytest.raises(services.ProgrammeImportError):
            services.import_programme_members(programme=programme, content="insee\n42187\n")

    def test_replace_removes_members_absent_from_the_file(self, programme):
        programme.communes.add(Commune.objects.get(insee_code="69123"))
        programme.epcis.add(Epci.objects.get(siren="200046977"))

        services.import_programme_members(programme=programme, content="insee\n42218\n", replace=True)

        assert list(programme.communes.values_list("insee_code", flat=True)) == ["42218"]
        assert programme.epcis.count() == 0


@pytest.mark.usefixtures("small_referential")
def test_operator_imports_members_from_the_command_line(tmp_path, capsys):
    programme = ProgrammeFactory(slug="petites-villes-de-demain", name="Petites Villes de Demain")
    path = tmp_path / "pvd.csv"
    path.write_text("insee_com\n42095\n", encoding="utf-8")

    call_command("import_programme_members", "petites-villes-de-demain", str(path))

    assert "1 commune(s) et 0 EPCI ajoutés" in capsys.readouterr().out
    assert list(programme.communes.values_list("name", flat=True)) == ["Firminy"]


@pytest.mark.usefixtures("small_referential")
def test_command_line_import_reports_bad_lines(tmp_path):
    ProgrammeFactory(slug="villages-d-avenir")
    path = tmp_path / "va.csv"
    path.write_text("insee_com\n42095\n00000\n", encoding="utf-8")

    with pytest.raises(CommandError, match="Ligne 3 : le code Insee 00000"):
        call_command("import_programme_members", "villages-d-avenir", str(path))


def test_command_line_import_refuses_an_unknown_programme(tmp_path):
    with pytest.raises(CommandError, match="Programme inconnu"):
        call_command("import_programme_members", "inconnu", str(tmp_path / "x.csv"))
