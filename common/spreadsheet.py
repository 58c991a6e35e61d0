"""CSV exports that spreadsheet software opens safely: UTF-8 with a BOM, « ; » separated, no formula injection."""

import csv
import io
from collections.abc import Iterable, Iterator

from django.http import HttpResponse, StreamingHttpResponse
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


def _neutralised(row: Iterable) -> list:
    # csv_cell's rule on text cells only: numbers, dates and None are written as they are (None as an empty cell).
    return ["'" + value if value.__class__ is str and value[:1] in FORMULA_PREFIXES else value for value in row]


def _csv_chunks(header: list[str], rows: Iterable[Iterable], rows_per_chunk: int) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    buffer.write("\ufeff")  # BOM: spreadsheet software then reads UTF-8 accents correctly
    writer.writerow(header)
    pending = 0
    for row in rows:
        writer.writerow(_neutralised(row))
        pending += 1
        if pending == rows_per_chunk:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            pending = 0
    yield buffer.getvalue()


def csv_streaming_response(
    basename: str, header: list[str], rows: Iterable[Iterable], *, rows_per_chunk: int = 500
) -> StreamingHttpResponse:
    """csv_response for long lists: the file is sent as the rows are read (a few hundred at a time), and text
    cells are neutralised as csv_cell does."""
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = StreamingHttpResponse(_csv_chunks(header, rows, rows_per_chunk), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{basename}-{stamp}.csv"'
    return response
