"""The PDF is accessible (PDF/UA-1): tagged, in French, titled, headings as tags, the chart with a text alternative."""

import io

import pytest
from pypdf import PdfReader

from reports import rendering, selectors


@pytest.fixture
def reader(project) -> PdfReader:
    pdf = rendering.render_pdf(rendering.render_html(selectors.report_content(project)))
    return PdfReader(io.BytesIO(pdf))


def _structure(node, found: list) -> list:
    """Every structure element (tag name, alternative text) under a node of the structure tree."""
    node = node.get_object()
    if isinstance(node, list):
        for child in node:
            _structure(child, found)
        return found
    if hasattr(node, "get") and node.get("/S") is not None:
        found.append((str(node["/S"]), str(node.get("/Alt", ""))))
    kids = node.get("/K") if hasattr(node, "get") else None
    if kids is not None and not isinstance(kids, int):
        _structure(kids, found)
    return found


def test_pdf_is_tagged_in_french_with_the_project_title(reader, project):
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert catalog["/Lang"] == "fr"
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.metadata.title == f"Rapport de diagnostic — {project.title}"
    xmp = reader.xmp_metadata
    assert xmp is not None
    assert "pdfuaid" in xmp.rdf_root.toxml()  # declares PDF/UA conformance


def test_headings_and_tables_are_real_tags(reader):
    tags = [tag for tag, _alt in _structure(reader.trailer["/Root"]["/StructTreeRoot"], [])]
    assert tags.count("/H1") == 1
    assert tags.count("/H2") >= 7
    assert "/Table" in tags
    assert "/TH" in tags


def test_radar_chart_is_a_figure_with_the_scores_as_alternative_text(reader, project):
    figures = [alt for tag, alt in _structure(reader.trailer["/Root"]["/StructTreeRoot"], []) if tag == "/Figure"]
    assert len(figures) == 1
    assert "Scores sur 100" in figures[0]
    assert "Stratégie et gouvernance" in figures[0] or "Données" in figures[0]
