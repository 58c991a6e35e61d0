"""The PDF says what the project page says: title, collectivité, every dimension's score, the chosen service."""

import io
import re

from pypdf import PdfReader

from journeys.models import DiagnosticResponse
from journeys.selectors import diagnostic_with_questions
from reports import rendering, selectors
from tests.reports.conftest import pdf_text


def _pdf(project) -> bytes:
    return rendering.render_pdf(rendering.render_html(selectors.report_content(project)))


def test_report_shows_the_project_scores_and_chosen_service(project):
    text = pdf_text(_pdf(project))
    assert "Assistant de réponse aux demandes des habitants" in text
    assert project.organisation.name in text
    response = DiagnosticResponse.objects.get(project=project)
    dimensions = list(diagnostic_with_questions(response.diagnostic).dimensions.all())
    assert len(dimensions) >= 3
    for dimension in dimensions:
        # The table row: « <dimension> <score>/100 <answered>/<total> ».
        assert f"{dimension.name} {response.scores[dimension.key]}/100" in text, dimension.name
    assert f"Score global {response.overall}/100" in text
    assert "Démarches simplifiées" in text
    assert "Solution retenue" in text


def test_report_has_cover_table_of_contents_and_numbered_a4_pages(project):
    reader = PdfReader(io.BytesIO(_pdf(project)))
    assert len(reader.pages) >= 5
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    cover = reader.pages[0].extract_text()
    assert "Rapport de diagnostic" in cover
    contents = " ".join(reader.pages[1].extract_text().split())
    assert "Sommaire" in contents
    assert "Synthèse pour les élus" in contents
    last = len(reader.pages)
    assert f"Page {last} sur {last}" in " ".join(reader.pages[-1].extract_text().split())


def test_table_of_contents_gives_the_page_of_each_chapter(project):
    reader = PdfReader(io.BytesIO(_pdf(project)))
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    for chapter in ("Synthèse pour les élus", "Diagnostic de maturité", "Cadrage éthique et juridique"):
        listed = re.search(rf"{chapter}[ .]*(\d+)", pages[1])
        assert listed, f"{chapter} absent du sommaire"
        page = pages[int(listed.group(1)) - 1]
        assert int(listed.group(1)) > 2, chapter
        assert chapter in page, f"{chapter} n’est pas en page {listed.group(1)}"


def test_recommendation_links_are_absolute_urls_of_the_portal(project, settings):
    settings.SITE_URL = "https://territoires-ia.example.fr"
    content = selectors.report_content(project)
    links = [link["url"] for group in content.recommendations for item in group["items"] for link in item["links"]]
    assert links, "the sample diagnostic recommends links below 40/100"
    assert all(url.startswith(("https://", "http://")) for url in links)
    assert any(url.startswith("https://territoires-ia.example.fr/") for url in links)
    assert "https://territoires-ia.example.fr/catalogue/" in pdf_text(_pdf(project))


def test_ethics_alerts_appear_in_the_summary_and_the_ethics_chapter(project):
    text = pdf_text(_pdf(project))
    assert text.count("Une analyse d’impact (AIPD) est à mener avant la mise en œuvre.") == 2
    assert "Haut risque" in text
