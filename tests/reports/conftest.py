"""Fixtures of the reports tests: a project with everything a report shows, and PDF reading helpers."""

import io

import pytest
from pypdf import PdfReader

from tests.reports.factories import full_project


def pdf_text(data: bytes) -> str:
    """The text of every page, with line breaks and runs of spaces made single spaces (pypdf)."""
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


@pytest.fixture
def project(world):
    """A project of the world's organisation at its last stage, diagnostic completed, a service chosen."""
    return full_project(organisation=world["org"])
