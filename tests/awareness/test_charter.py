"""The charter form: validation in French, then the charter and its draft délibération as PDF and as ODT."""

import io
import zipfile

import pytest
from odf import teletype
from odf.opendocument import load
from odf.text import P
from pypdf import PdfReader

from awareness.charter import build_charter, charter_html
from reports.rendering import StaticFilesOnlyFetcher, render_pdf

URL = "/charte/"


def _data(**overrides) -> dict:
    return {
        "organisation_name": "Commune de Saint-Martin-des-Prés",
        "council": "municipal",
        "commitments": ["humain", "transparence"],
        "contact_name": "Service du numérique",
        "contact_email": "numerique@saint-martin.example.fr",
        **overrides,
    }


def _pdf_text(content: bytes) -> str:
    """The text of every page, lines joined (a line broken after a hyphen is glued back)."""
    raw = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return " ".join(raw.replace("-\n", "-").split())


def _odt_paragraphs(content: bytes) -> list[str]:
    document = load(io.BytesIO(content))
    return [teletype.extractText(paragraph) for paragraph in document.getElementsByType(P)]


def test_member_downloads_the_charter_as_pdf_with_chosen_commitments_and_deliberation(client_as, world):
    response = client_as(world["member"]).post(URL, {**_data(), "format": "pdf"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="charte-ethique-ia-commune-de-saint-martin-des-pres.pdf"' in response["Content-Disposition"]
    text = _pdf_text(response.content)
    assert "Commune de Saint-Martin-des-Prés" in text
    assert "Garder une décision humaine" in text
    assert "Rendre nos algorithmes transparents" in text
    assert "Mesurer l’impact environnemental" not in text  # not chosen
    assert "Projet de délibération" in text
    assert "Le conseil municipal" in text
    assert "numerique@saint-martin.example.fr" in text


def test_member_downloads_the_charter_as_an_editable_odt(client_as, world):
    response = client_as(world["referent"]).post(URL, {**_data(council="communautaire"), "format": "odt"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.oasis.opendocument.text"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.text"
    paragraphs = _odt_paragraphs(response.content)
    text = "\n".join(paragraphs)
    assert "Commune de Saint-Martin-des-Prés" in text
    assert "1. Garder une décision humaine. Aucune décision individuelle" in text
    assert "2. Rendre nos algorithmes transparents." in text
    assert "Le conseil communautaire," in paragraphs
    assert any(line.startswith("Article 2\u00a0: charge le président") for line in paragraphs)
    assert "Vu le code des relations entre le public et l’administration" in text


def test_anonymous_visitor_may_use_the_form_too(client):
    response = client.post(URL, {**_data(), "format": "odt"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.oasis.opendocument.text"


def test_member_finds_the_name_of_their_collectivite_filled_in(client_as, world):
    response = client_as(world["member"]).get(URL)
    assert response.status_code == 200
    assert f'value="{world["org"].name}"' in response.content.decode()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"organisation_name": ""}, "Indiquez le nom de la collectivité."),
        ({"commitments": []}, "Choisissez au moins un engagement."),
        ({"commitments": ["inconnu"]}, "Cet engagement n’existe pas\u00a0: choisissez dans la liste."),
        ({"contact_email": "pas-une-adresse"}, "Saisissez une adresse électronique valide"),
        ({"council": "senat"}, "Choisissez l’assemblée."),
        ({"format": "docx"}, "Choisissez le format du document\u00a0: PDF ou ODT."),
    ],
)
def test_bad_input_shows_the_form_again_with_a_french_message(client, overrides, message):
    data = {**_data(), "format": "pdf", **overrides}
    response = client.post(URL, data)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert message in page
    if "contact_email" not in overrides:  # what the visitor typed is kept
        assert 'value="numerique@saint-martin.example.fr"' in page


def test_charter_pdf_loads_only_the_portals_static_files():
    charter = build_charter(
        organisation_name="Commune <b>test</b>",
        council="regional",
        commitment_keys=["besoin"],
        contact_name="Accueil",
        contact_email="accueil@example.fr",
    )
    fetcher = StaticFilesOnlyFetcher()
    html = charter_html(charter)
    content = render_pdf(html, fetcher=fetcher)

    assert "Commune &lt;b&gt;test&lt;/b&gt;" in html  # user text escaped
    assert fetcher.refused == []
    assert any(url.endswith("reports/report.css") for url in fetcher.served)
    assert "Commune <b>test</b>" in _pdf_text(content)
