"""Read a support point's spreadsheet of groups (CSV or XLSX) and check every row before anything is written.

Refuses what it cannot read safely with a message a person can act on: a
file that is too big, not UTF-8, or not a spreadsheet. A cell that holds a
formula (=HYPERLINK(...)) is an error in its row: stored, it would run in the
next person's spreadsheet program.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from dataclasses import dataclass
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from samenspel.core.text import storable

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000

# A formula starts with = or @, or with + or - followed by something that is not a number (a phone number is fine).
FORMULA = re.compile(r"^\s*(=|@|[+-](?![\d\s(]))")


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message is for the person who uploaded it."""


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]


def read_table(upload: UploadedFile) -> Table:
    if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
        raise ImportFileError(
            _("The file is too big (%(size)d MB). The limit is %(limit)d MB.")
            % {"size": upload.size // (1024 * 1024), "limit": MAX_UPLOAD_BYTES // (1024 * 1024)}
        )
    name = (upload.name or "").lower()
    data = upload.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise ImportFileError(
            _("The file is too big. The limit is %(limit)d MB.") % {"limit": MAX_UPLOAD_BYTES // (1024 * 1024)}
        )
    if name.endswith(".xlsx") or data[:2] == b"PK":
        table = _read_xlsx(data)
    elif name.endswith((".csv", ".txt")):
        table = _read_csv(data)
    else:
        raise ImportFileError(_("Upload a CSV file or an Excel file (.xlsx)."))
    if not table.headers:
        raise ImportFileError(_("The file is empty. The first row must hold the column names."))
    if len(table.rows) > MAX_ROWS:
        raise ImportFileError(_("The file has more than %(max)d rows. Split it up.") % {"max": MAX_ROWS})
    return table


def _read_csv(data: bytes) -> Table:
    if b"\x00" in data[:4096]:
        raise ImportFileError(_("This does not look like a CSV file. Save it as 'CSV UTF-8' and try again."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            _("The file is not in UTF-8 (problem near byte %(pos)d). Save it as 'CSV UTF-8' and try again.")
            % {"pos": exc.start}
        ) from exc
    first_line = text.split("\n", 1)[0]
    # Dutch spreadsheet programs write ; between columns, others write ,.
    delimiter = max((";", ",", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    all_rows = [[cell.strip() for cell in row] for row in reader]
    return _table(all_rows)


def _read_xlsx(data: bytes) -> Table:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (InvalidFileException, KeyError, ValueError, OSError) as exc:
        raise ImportFileError(_("This Excel file cannot be read. Save it again as .xlsx and try again.")) from exc
    except Exception as exc:  # a damaged zip raises from deep inside; the person needs the same advice
        raise ImportFileError(_("This Excel file cannot be read. Save it again as .xlsx and try again.")) from exc
    sheet = workbook.worksheets[0]
    all_rows: list[list[str]] = []
    try:
        # Read-only workbooks parse the sheet while iterating: a damaged sheet (an invalid character
        # reference, broken XML) fails here, not in load_workbook.
        for row in sheet.iter_rows(values_only=True):
            all_rows.append([_cell_text(value) for value in row])
            if len(all_rows) > MAX_ROWS + 1:
                break
    except Exception as exc:
        raise ImportFileError(_("This Excel file cannot be read. Save it again as .xlsx and try again.")) from exc
    finally:
        workbook.close()
    return _table(all_rows)


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _table(all_rows: list[list[str]]) -> Table:
    # A cell may hold NUL (CSV) or a lone surrogate (.xlsx escapes like _xD800_): no database stores them.
    all_rows = [[storable(cell) for cell in row] for row in all_rows]
    all_rows = [row for row in all_rows if any(cell for cell in row)]
    if not all_rows:
        return Table([], [])
    headers = [h.strip() for h in all_rows[0]]
    width = len(headers)
    rows = [(row + [""] * width)[:width] for row in all_rows[1:]]
    return Table(headers, rows)


# The planning moved to workspace/importing/ (mapping words, matching, planning); kept importable from here.
from samenspel.workspace.importing.plan import (  # noqa: E402
    FIELDS,
    REQUIRED,
    SYNONYMS,
    check_rows,
    guess_mapping,
)

__all__ = ["FIELDS", "REQUIRED", "SYNONYMS", "ImportFileError", "Table", "check_rows", "guess_mapping", "read_table"]
