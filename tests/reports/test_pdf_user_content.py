"""User text is shown as text in the PDF, and the renderer fetches nothing but the portal's own static files."""

import pytest
from django.conf import settings

from journeys.models import StepAnswer
from reports import rendering, selectors
from tests.reports.conftest import pdf_text
from tests.reports.factories import full_project

XSS_TITLE = '<script>alert("titre")</script> Projet'
XSS_ANSWER = '<img src="file:///etc/passwd"> <img src="https://attaquant.example/pixel.png"> réponse'
XSS_COMMENT = '<link rel="stylesheet" href="http://attaquant.example/x.css"><b>gras</b> & « commentaire »'


@pytest.fixture
def hostile_project(world):
    project = full_project(organisation=world["org"], title=XSS_TITLE, answer_text=XSS_ANSWER, comment=XSS_COMMENT)
    assert StepAnswer.objects.filter(project=project, value__text=XSS_ANSWER).exists()
    return project


def _render(project) -> tuple[bytes, rendering.StaticFilesOnlyFetcher]:
    fetcher = rendering.StaticFilesOnlyFetcher()
    return rendering.render_pdf(rendering.render_html(selectors.report_content(project)), fetcher=fetcher), fetcher


def test_markup_typed_by_users_is_printed_as_text(hostile_project):
    pdf, _fetcher = _render(hostile_project)
    text = pdf_text(pdf)
    assert '<script>alert("titre")</script> Projet' in text
    assert '<img src="file:///etc/passwd">' in text
    assert '<link rel="stylesheet" href="http://attaquant.example/x.css"><b>gras</b> & « commentaire »' in text


def test_user_content_makes_the_renderer_fetch_nothing(hostile_project):
    _pdf, fetcher = _render(hostile_project)
    assert fetcher.refused == []
    assert not any("attaquant" in url or "passwd" in url for url in fetcher.served)
    # The stylesheet and its fonts came through the same kind of fetcher, once for the thread.
    style = rendering.print_style()
    assert style.fetcher.refused == []
    assert sorted(style.fetcher.served) == [
        rendering.static_base_url() + name
        for name in (
            "dsfr/dist/fonts/Marianne-Bold.woff2",
            "dsfr/dist/fonts/Marianne-Regular.woff2",
            "reports/report.css",
        )
    ]


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "https://attaquant.example/pixel.png",
        "http://attaquant.example/static/reports/report.css",
        "data:image/svg+xml;base64,PHN2Zy8+",
        "ftp://attaquant.example/x",
        "{site}/admin/",
        "{site}/static/../../../etc/passwd",
        "{site}/static/%2e%2e/%2e%2e/etc/passwd",
        "{site}/static//etc/passwd",
        "{site}/static/reports/report.css?x=1",
    ],
)
def test_fetcher_refuses_anything_but_static_files(url):
    fetcher = rendering.StaticFilesOnlyFetcher()
    with pytest.raises(rendering.RefusedURLError):
        fetcher(url.format(site=settings.SITE_URL.rstrip("/")))
    assert len(fetcher.refused) == 1
    assert fetcher.served == []


def test_fetcher_serves_the_print_stylesheet_and_the_marianne_font():
    fetcher = rendering.StaticFilesOnlyFetcher()
    css = fetcher(rendering.static_base_url() + "reports/report.css")
    assert b"@font-face" in css.read()
    font = fetcher(rendering.static_base_url() + "dsfr/dist/fonts/Marianne-Bold.woff2")
    assert font.read(4) in (b"OTTO", b"\x00\x01\x00\x00")  # unpacked once to a plain OpenType font


def test_markup_slipped_into_the_html_is_never_fetched(project):
    """Even if a template forgot to escape, the renderer would not read a local file nor call another site."""
    html = rendering.render_html(selectors.report_content(project)).replace(
        "</body>",
        '<img src="file:///etc/passwd" alt="x"><img src="https://attaquant.example/p.png" alt="y">'
        '<link rel="stylesheet" href="file:///etc/ssl/openssl.cnf"></body>',
    )
    fetcher = rendering.StaticFilesOnlyFetcher()
    pdf = rendering.render_pdf(html, fetcher=fetcher)
    assert pdf.startswith(b"%PDF")
    assert sorted(fetcher.refused) == [
        "file:///etc/passwd",
        "file:///etc/ssl/openssl.cnf",
        "https://attaquant.example/p.png",
    ]
    assert not any("passwd" in url or "attaquant" in url for url in fetcher.served)
