"""CSV exports that spreadsheet software opens safely: UTF-8 with a BOM, « ; » separated, no formula injection."""

import csv
from collections.abc import Iterable

from django.http import HttpResponse
from django.utils import timezone

# A cell starting with one of these is run as a formula by spreadsheet software (OWASP: CSV injection).
FORMULA_PREFIXES = {"=", "+", "-", "@", "\t", "\r"}


def csv_cell(value) -> str:
    """The value as text, neutralised with a leading apostrophe when a spreadsheet would run it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in FORMULA_PREFIXES else text


def csv_response(basename: str, header: list[str], rows: Iterable[Iterable]) -> HttpResponse:
    """An attachment `<basename>-<date>.csv` with the header and the rows, every cell neutralised."""
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{basename}-{stamp}.csv"'
    response.write("\ufeff")  # BOM: spreadsheet software then reads UTF-8 accents correctly
    writer = csv.writer(response, delimiter=";")
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return response
