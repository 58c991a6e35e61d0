"""Back-office import and export (CSV, JSON): all rows or none, every bad row reported with its line."""

import json

import pytest
from import_export.formats.base_formats import CSV

from catalogue import services
from catalogue.models import Service
from catalogue.service_io import ServiceResource
from tests.catalogue.factories import ServiceFactory

HEADER = "name,slug,pitch,publisher,publisher_kind,licence,maturity,hosting,themes,kinds,sizes,uses_ai,ai_description"


def csv_of(*rows: str) -> str:
    return "\n".join([HEADER, *rows]) + "\n"


GOOD = (
    "Outil A,outil-a,Un outil utile.,Mairie de Test,collectivité,MIT,généralisé,les-deux,"
    "donnees;mobilite,commune;epci,moins-3500,non,"
)
GOOD_2 = (
    "Outil B,outil-b,Un autre outil.,ANCT,anct,agpl-3.0-or-later,experimentation,en-ligne,"
    "donnees,commune,,oui,Résumé automatique."
)


def test_valid_csv_creates_services_with_themes_kinds_and_search(themes, client):
    report = services.import_services(content=csv_of(GOOD, GOOD_2), file_format="csv")
    assert (report.created, report.updated) == (2, 0)
    outil = Service.objects.get(slug="outil-a")
    assert outil.publisher.name == "Mairie de Test"
    assert outil.publisher.kind == "collectivite"
    assert outil.maturity == "generalise"
    assert outil.hosting == "les-deux"
    assert sorted(outil.themes.values_list("slug", flat=True)) == ["donnees", "mobilite"]
    assert (outil.suits_communes, outil.suits_epcis, outil.suits_regions, outil.suits_small) == (
        True,
        True,
        False,
        True,
    )
    assert Service.objects.get(slug="outil-b").licence == "AGPL-3.0-or-later"
    assert "Outil A" in client.get("/catalogue/", {"q": "outil"}).text


def test_importing_again_updates_by_slug(themes):
    services.import_services(content=csv_of(GOOD), file_format="csv")
    report = services.import_services(
        content=csv_of(GOOD.replace("Un outil utile.", "Nouvelle accroche.")), file_format="csv"
    )
    assert (report.created, report.updated) == (0, 1)
    assert Service.objects.get(slug="outil-a").pitch == "Nouvelle accroche."


def test_one_bad_row_imports_nothing_and_every_bad_row_is_named_with_its_line(themes):
    bad_licence = GOOD_2.replace("agpl-3.0-or-later", "Propriétaire").replace("outil-b", "outil-c")
    bad_theme_and_ai = "Outil D,outil-d,Accroche.,ANCT,anct,MIT,généralisé,en-ligne,inconnu,commune,,oui,"
    content = csv_of(GOOD, bad_licence, GOOD_2, bad_theme_and_ai)
    with pytest.raises(services.ImportRejected) as caught:
        services.import_services(content=content, file_format="csv")
    errors = caught.value.errors
    lines = sorted({line for line, _message in errors})
    assert lines == [3, 5]
    messages = " ".join(message for _line, message in errors)
    assert "Propriétaire" in messages
    assert "thématique inconnue : inconnu" in messages
    assert "Décrivez l’usage de l’intelligence artificielle." in messages
    assert "ligne(s) 3, 5" in str(caught.value)
    assert not Service.objects.exists()


def test_json_import_reports_the_record_number(themes):
    records = [
        {"name": "Outil A", "slug": "outil-a", "pitch": "Utile.", "publisher": "ANCT", "licence": "MIT",
         "maturity": "generalise", "hosting": "en-ligne", "themes": "donnees"},
        {"name": "Outil B", "slug": "outil-b", "pitch": "Utile.", "publisher": "ANCT", "licence": "MIT",
         "maturity": "mûr", "hosting": "en-ligne", "themes": "donnees"},
    ]  # fmt: skip
    with pytest.raises(services.ImportRejected) as caught:
        services.import_services(content=json.dumps(records), file_format="json")
    assert [line for line, _message in caught.value.errors] == [2]
    assert "« mûr » n’est pas une valeur possible" in caught.value.errors[0][1]
    assert not Service.objects.exists()


def test_an_unreadable_file_is_rejected_with_a_message(themes):
    with pytest.raises(services.ImportRejected, match=r"illisible|Import refusé"):
        services.import_services(content="{pas du json", file_format="json")


def test_export_then_import_round_trips(themes):
    ServiceFactory(name="Alpha", slug="alpha", themes=[themes["donnees"]], suits_regions=True, ai=True)
    exported = ServiceResource().export()
    csv_text = CSV().export_data(exported)
    assert "Alpha" in csv_text
    assert "donnees" in csv_text
    assert "commune;epci;region" in csv_text
    Service.objects.all().delete()
    report = services.import_services(content=csv_text, file_format="csv")
    assert report.created == 1
    alpha = Service.objects.get(slug="alpha")
    assert alpha.uses_ai
    assert alpha.suits_regions
    assert not alpha.suits_departements
    json_text = ServiceResource().export().export("json")
    assert json.loads(json_text)[0]["slug"] == "alpha"
