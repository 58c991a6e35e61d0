"""The SILL open data (../shared/data/catalogues/) goes through the ordinary import; a corrupted copy: nothing."""

from pathlib import Path

import pytest
from django.urls import reverse

from catalogue import services
from catalogue.models import Service
from catalogue.sill import convert_sill_json
from tests.conftest import skip_or_fail

SILL = Path(__file__).resolve().parents[3] / "shared" / "data" / "catalogues" / "sill-2022.json"


@pytest.fixture
def sill_text() -> str:
    if not SILL.exists():
        skip_or_fail(f"Données SILL absentes : {SILL}")
    return SILL.read_text(encoding="utf-8")


def test_the_sill_list_imports_through_the_catalogue_import(themes, sill_text, client):
    conversion = convert_sill_json(sill_text)
    assert len(conversion.dataset) > 200
    # Only entries without any licence are left out (Linux distributions marked « N/A »).
    assert {name for name, _reason in conversion.skipped} == {"CentOS", "Debian", "EOLE (Ubuntu)", "MongoDB"}
    report = services.import_services(content=conversion.dataset.export("csv"), file_format="csv")
    assert report.created == len(conversion.dataset) == Service.objects.count()
    qgis = Service.objects.get(slug="qgis")
    assert qgis.licence == "GPL-2.0-or-later"
    # Found by the search without accents (« Système d’information géographique »): its card links to its page.
    results = client.get(reverse("catalogue:service_list"), {"q": "geographique"}).text
    assert reverse("catalogue:service_detail", kwargs={"slug": qgis.slug}) in results
    assert qgis.name in results


def test_a_corrupted_sill_copy_imports_nothing_and_names_the_bad_rows(themes, sill_text):
    dataset = convert_sill_json(sill_text).dataset
    rows = dataset.dict
    rows[4]["licence"] = "Licence maison"
    rows[9]["maturity"] = "stable"
    rows[57]["website"] = "pas une adresse"
    corrupted = dataset.__class__(headers=dataset.headers)
    for row in rows:
        corrupted.append([row[header] for header in dataset.headers])
    with pytest.raises(services.ImportRejected) as caught:
        services.import_services(content=corrupted.export("csv"), file_format="csv")
    # CSV lines: the header is line 1, so the record at index i is on line i + 2.
    assert sorted({line for line, _message in caught.value.errors}) == [6, 11, 59]
    messages = " ".join(message for _line, message in caught.value.errors)
    assert "Licence maison" in messages
    assert "stable" in messages
    assert Service.objects.count() == 0
