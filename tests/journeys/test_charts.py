import xml.etree.ElementTree as ET

import pytest

from journeys.charts import radar_chart

SVG = "{http://www.w3.org/2000/svg}"


def test_radar_chart_is_accessible_well_formed_svg():
    svg = radar_chart([("Stratégie", 40), ("Données", 75.5), ("Compétences", None), ("Usagers & <lien>", 100)])
    root = ET.fromstring(svg)  # noqa: S314 (our own markup)
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Maturité par dimension"
    assert "Compétences non renseigné" in root.find(f"{SVG}desc").text
    assert "Usagers &amp; &lt;lien&gt;" in svg


def test_radar_chart_needs_three_axes():
    with pytest.raises(ValueError, match="au moins trois axes"):
        radar_chart([("a", 1), ("b", 2)])
