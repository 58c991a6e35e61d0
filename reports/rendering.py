"""The PDF of a report: a Django template rendered to HTML, laid out by WeasyPrint as an accessible PDF (PDF/UA-1).

WeasyPrint fetches nothing by itself: its URL fetcher serves the portal's own static files (the print stylesheet,
the Marianne fonts of django-dsfr) from local paths and refuses everything else — file://, other sites, data: —
so no user content can make the renderer read a file of the server or call the network.

Speed (issue 9: a full report under 0.5 s warm): the print stylesheet is parsed and its two fonts loaded once per
process and thread, not at every render, and the garbage collector is held off while WeasyPrint builds its box tree
(its hundreds of thousands of short-lived objects otherwise trigger full collections of the whole process).
"""

import gc
import html
import logging
import mimetypes
import posixpath
import re
import threading
import time
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from fontTools.ttLib import woff2
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from reports.selectors import ReportContent

logger = logging.getLogger(__name__)

TEMPLATE = "reports/pdf/diagnostic.html"
STYLESHEET = "reports/report.css"
PDF_VARIANT = "pdf/ua-1"


class RefusedURLError(ValueError):
    """The report tried to load something other than the portal's static files."""


def static_base_url() -> str:
    """The address static files have in the report's HTML (never fetched over the network: see the fetcher)."""
    return settings.SITE_URL.rstrip("/") + "/" + settings.STATIC_URL.strip("/") + "/"


@lru_cache(maxsize=64)
def _static_file(name: str) -> tuple[bytes, str]:
    found = finders.find(name)
    if not found:
        raise RefusedURLError(f"Fichier statique introuvable : {name}")
    path = Path(found)
    if path.suffix == ".woff2":
        # Decompressed once per process: WeasyPrint would otherwise unpack each font at every render.
        unpacked = BytesIO()
        woff2.decompress(BytesIO(path.read_bytes()), unpacked)
        return unpacked.getvalue(), "font/otf"
    return path.read_bytes(), mimetypes.guess_type(path.name)[0] or "application/octet-stream"


class StaticFilesOnlyFetcher(URLFetcher):
    """WeasyPrint URL fetcher serving only `<SITE_URL>/static/…` from local static files; it records what it served
    and what it refused (a refusal is logged and the resource left out, the report still renders)."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=("http", "https"), allow_redirects=False, fail_on_errors=False)
        self.base = static_base_url()
        self.served: list[str] = []
        self.refused: list[str] = []

    def _static_name(self, url: str) -> str | None:
        if not url.startswith(self.base) or "?" in url or "#" in url:
            return None
        name = unquote(urlsplit(url).path)[len(urlsplit(self.base).path) :]
        normalised = posixpath.normpath(name)
        if not name or normalised != name or normalised.startswith(("/", "..")) or "\\" in name:
            return None  # no way out of the static folders
        return normalised

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        name = self._static_name(url)
        if name is None:
            self.refused.append(url)
            logger.warning("Rendu PDF : adresse refusée %s", url[:200])
            raise RefusedURLError(f"Adresse refusée par le rendu du rapport : {url[:200]}")
        body, mimetype = _static_file(name)
        self.served.append(url)
        return URLFetcherResponse(url, body=body, headers={"Content-Type": mimetype})


class PrintStyle:
    """The parsed print stylesheet with the font configuration holding its @font-face fonts, and the fetcher that
    loaded them (through the same static-files-only rule as the documents)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.fetcher = StaticFilesOnlyFetcher()
        self.font_config = FontConfiguration()
        self.stylesheet = CSS(url=url, url_fetcher=self.fetcher, font_config=self.font_config)


# One per thread: WeasyPrint's font configuration wraps fontconfig and Pango objects that are not shared across
# threads (the embedded default renders inside the threaded development server).
_local = threading.local()


def print_style() -> PrintStyle:
    """The print style of this thread, built at its first report."""
    url = static_base_url() + STYLESHEET
    style = getattr(_local, "style", None)
    if style is None or style.url != url:  # built again when SITE_URL changes (tests)
        style = _local.style = PrintStyle(url)
    return style


class _GarbageCollectorHeldOff:
    """Collect nothing while WeasyPrint lays out, then only the render's own garbage (the youngest generation),
    instead of letting its allocations trigger collections of every object of the process along the way."""

    def __enter__(self) -> None:
        self.was_enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc_info) -> None:
        if self.was_enabled:
            gc.enable()
            gc.collect(0)


# French typography in the text of the document (never inside tags): a non-breaking space before « : », a narrow
# one before « ; ! ? », and inside « guillemets », whatever the content editors or the users typed.
_TAG = re.compile(r"(<[^>]*>)")
_SPACING = [
    (re.compile(r"[ \u00a0\u202f]*:(?=\s|$|<)"), "\u00a0:"),
    (re.compile(r"(?<=\S)[ \u00a0\u202f]*([;!?])(?=\s|$|<)"), "\u202f\\1"),
    (re.compile(r"«[ \u00a0\u202f]*"), "«\u00a0"),
    (re.compile(r"[ \u00a0\u202f]*»"), "\u00a0»"),
]


def french_spacing(document: str) -> str:
    """Apply French spacing rules to the text between the tags of an HTML document."""
    parts = _TAG.split(document)
    for index in range(0, len(parts), 2):  # even indexes: text; odd: tags
        text = html.unescape(parts[index])  # entities hold semicolons: work on the characters
        for pattern, replacement in _SPACING:
            text = pattern.sub(replacement, text)
        parts[index] = html.escape(text, quote=False)
    return "".join(parts)


def render_html(content: ReportContent) -> str:
    """The report as an HTML document (every user string escaped by the template engine)."""
    return french_spacing(
        render_to_string(
            TEMPLATE,
            {
                "content": content,
                "project": content.project,
                "SITE_URL": settings.SITE_URL.rstrip("/"),
                "SITE_NAME": settings.SITE_NAME,
            },
        )
    )


def render_pdf(source: str, *, fetcher: StaticFilesOnlyFetcher | None = None) -> bytes:
    """Lay out the HTML as a tagged PDF/UA-1 document (title and language come from the HTML), with the print
    stylesheet of the thread."""
    if settings.REPORTS_RENDER_DELAY:
        time.sleep(settings.REPORTS_RENDER_DELAY)
    fetcher = fetcher or StaticFilesOnlyFetcher()
    style = print_style()
    with _GarbageCollectorHeldOff():
        document = HTML(string=source, base_url=settings.SITE_URL.rstrip("/") + "/", url_fetcher=fetcher)
        return document.write_pdf(
            stylesheets=[style.stylesheet],
            font_config=style.font_config,
            pdf_variant=PDF_VARIANT,
            uncompressed_pdf=False,
        )
