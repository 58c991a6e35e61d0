"""Apps register extra sections of the report (the ingénierie requests of the future assistance app); with none
registered, the section is left out."""

import pytest

from reports import rendering, selectors
from reports.sections import ReportSection, register_section, unregister_section
from tests.reports.conftest import pdf_text


@pytest.fixture
def ingenierie_section():
    def ingenierie(project):
        return ReportSection(
            key="ingenierie",
            title="Demandes d’ingénierie",
            intro="Les demandes d’appui adressées à l’ANCT pour ce projet.",
            columns=["Demande", "Statut"],
            rows=[["Appui juridique <RGPD>", "en cours d’instruction"]],
        )

    register_section(ingenierie)
    yield
    unregister_section("ingenierie")


def _text(project) -> str:
    return pdf_text(rendering.render_pdf(rendering.render_html(selectors.report_content(project))))


def test_registered_section_appears_in_the_report_and_its_contents(project, ingenierie_section):
    text = _text(project)
    assert text.count("Demandes d’ingénierie") == 2  # the table of contents and the chapter
    assert "Appui juridique <RGPD> en cours d’instruction" in text


def test_without_provider_there_is_no_ingenierie_section(project):
    assert "Demandes d’ingénierie" not in _text(project)


def test_a_provider_with_nothing_to_say_leaves_the_section_out(project):
    register_section(lambda project: None, name="vide")
    try:
        assert selectors.report_content(project).sections == []
    finally:
        unregister_section("vide")
