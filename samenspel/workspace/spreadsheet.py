"""Read a support point's spreadsheet as it is: CSV in the encodings and separators Excel and LibreOffice write,
.xlsx and .ods, with title rows above the column names.

Nothing is guessed silently: the table says which format, encoding and separator were used and in which row the
column names were found (`Table.described()`, one sentence for the page). Row numbers are the numbers the
spreadsheet program shows, so an error can name "rij 7, kolom Tijd".

Refused with a message a person can act on (ImportFileError): a file that is too big, has too many rows, is no
spreadsheet, or is damaged (a broken zip, broken XML, a zip that unpacks to far more than any list of groups).
A cell holding a formula is read as its text (=HYPERLINK(...)); the importer refuses it in its row.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from xml.etree import ElementTree

from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenspel.core.text import storable

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
MAX_COLUMNS = 200
# A zipped spreadsheet (xlsx, ods) may unpack to at most this much: a real list of 20,000 groups stays far below.
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
# The column names are looked for in this many non-empty rows at the top.
HEADER_SEARCH_ROWS = 30
MAX_HEADER_CELL = 80

ENCODING_WORDS = {
    "utf-8": "UTF-8",
    "utf-8-sig": gettext_lazy("UTF-8 (with BOM)"),
    "utf-16": gettext_lazy("UTF-16 (Excel Unicode text)"),
    "cp1252": gettext_lazy("Windows-1252 (Excel)"),
    "latin-1": "Latin-1 (ISO-8859-1)",
}

# Words in the column names of real lists (Dutch and English, lower case): a row holding several is the header.
HEADER_WORDS = frozenset(
    """
    naam name groep group groepsnaam titel title omschrijving beschrijving description thema themas theme themes
    onderwerp taal talen language languages dag dagen day days tijd tijden time times wanneer when frequentie
    schema rooster schedule datum date start begin eind einde vanaf locatie plaats woonplaats place city
    adres address straat street huisnummer postcode zip email e-mail e-mailadres mail telefoon telefoonnummer tel
    phone mobiel contact contactpersoon organisatie organisation doelgroep voor audience status actief opmerking
    opmerkingen notes note website url id slug kosten prijs cost aanmelden registration online bijeenkomst
    """.split()
)


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message is for the person who uploaded it."""


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]
    row_numbers: list[int] = field(default_factory=list)  # file row number of each row
    header_row: int = 1
    encoding: str = ""  # "utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1", "" for xlsx/ods
    delimiter: str = ""  # ";", ",", "\t", "" for xlsx/ods (and for a CSV file of one column)
    file_format: str = ""  # "csv", "xlsx", "ods"

    def __post_init__(self) -> None:
        if not self.row_numbers:
            self.row_numbers = list(range(self.header_row + 1, self.header_row + 1 + len(self.rows)))

    def described(self) -> str:
        """One sentence for the page: how the file was read."""
        if self.file_format == "xlsx":
            how = _("Read as an Excel file (.xlsx)")
        elif self.file_format == "ods":
            how = _("Read as an OpenDocument spreadsheet (.ods)")
        else:
            encoding = str(ENCODING_WORDS.get(self.encoding, self.encoding))
            separators = {";": _("semicolons"), ",": _("commas"), "\t": _("tabs")}
            if self.delimiter in separators:
                how = _("Read as a CSV file in %(encoding)s, separated by %(separator)s") % {
                    "encoding": encoding,
                    "separator": separators[self.delimiter],
                }
            else:
                how = _("Read as a CSV file in %(encoding)s, with one column") % {"encoding": encoding}
        return _("%(how)s; the column names are in row %(row)d.") % {"how": how, "row": self.header_row}


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
    if data[:4] == b"\xd0\xcf\x11\xe0" or name.endswith(".xls"):
        raise ImportFileError(_("This is an old Excel file (.xls). Save it as .xlsx or as CSV and try again."))
    if data[:2] == b"PK" or name.endswith((".xlsx", ".ods")):
        if _is_ods(data) or (name.endswith(".ods") and not data[:2] == b"PK"):
            table = _read_ods(data)
        else:
            table = _read_xlsx(data)
    elif name.endswith((".csv", ".txt", ".tsv", ".tab")):
        table = _read_csv(data)
    else:
        raise ImportFileError(_("Upload a CSV file, an Excel file (.xlsx) or an OpenDocument file (.ods)."))
    if not table.headers:
        raise ImportFileError(_("The file is empty. One row must hold the column names."))
    if len(table.rows) > MAX_ROWS:
        raise ImportFileError(_("The file has more than %(max)d rows. Split it up.") % {"max": MAX_ROWS})
    return table


# --- CSV -------------------------------------------------------------------------------------------------------------


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was in: UTF-8 (strict), then Windows-1252 (strict), then Latin-1."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data.decode("utf-8-sig"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise ImportFileError(
                _("The file says it is UTF-8, but it is not (problem near byte %(pos)d). Save it again as 'CSV UTF-8'.")
                % {"pos": exc.start}
            ) from exc
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _looks_utf16(data):
        try:
            if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                return data.decode("utf-16"), "utf-16"
            return data.decode(_looks_utf16(data)), "utf-16"
        except UnicodeDecodeError as exc:
            raise ImportFileError(
                _("The file says it is UTF-16 (Excel Unicode text), but it is damaged near byte %(pos)d.")
                % {"pos": exc.start}
            ) from exc
    if b"\x00" in data[:4096]:
        raise ImportFileError(_("This does not look like a CSV file. Save it as 'CSV UTF-8' and try again."))
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _looks_utf16(data: bytes) -> str:
    """UTF-16 without a byte order mark: text in Latin letters has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return ""
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.6 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.6 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return ""


SEPARATORS = (";", "\t", ",")  # in this order when two fit equally well: Dutch Excel writes ;


def sniff_delimiter(text: str, *, sample_rows: int = 60) -> str:
    """The separator that splits the first rows into the same number (two or more) of cells most often.

    Rows with one cell (a title above the header, an empty row) do not count; quoted cells may hold separators.
    "" when no separator splits any row.
    """
    best = ""
    best_score: tuple[int, int] = (0, 0)
    for separator in SEPARATORS:
        widths: dict[int, int] = {}
        try:
            for number, row in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=separator)):
                if number >= sample_rows:
                    break
                cells = len(row)
                while cells > 1 and not row[cells - 1].strip():
                    cells -= 1  # "a;b;;;" and "a;b" are the same row to a person
                if cells > 1:
                    widths[cells] = widths.get(cells, 0) + 1
        except csv.Error:
            continue
        if not widths:
            continue
        width, count = max(widths.items(), key=lambda item: (item[1], item[0]))
        if (count, width) > best_score:
            best, best_score = separator, (count, width)
    return best


def _read_csv(data: bytes) -> Table:
    text, encoding = decode(data)
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter or ";")
    numbered: list[tuple[int, list[str]]] = []
    number = 0
    try:
        for row in reader:
            number += 1
            cells = [storable(cell).strip() for cell in row[:MAX_COLUMNS]]
            if any(cells):
                numbered.append((number, cells))
                if len(numbered) > MAX_ROWS + HEADER_SEARCH_ROWS:
                    break
    except csv.Error as exc:
        raise ImportFileError(
            _("Row %(row)d of the file cannot be read (%(problem)s). Check the quotes in that row.")
            % {"row": number + 1, "problem": str(exc)}
        ) from exc
    return _table(numbered, file_format="csv", encoding=encoding, delimiter=delimiter)


# --- xlsx ------------------------------------------------------------------------------------------------------------


def _check_zip(data: bytes, message: str) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise ImportFileError(message) from exc
    if sum(info.file_size for info in infos) > MAX_UNZIPPED_BYTES or len(infos) > 10_000:
        raise ImportFileError(
            _("This file unpacks to far more than a list of groups can hold. Save it again and try again.")
        )
    return archive


def _read_xlsx(data: bytes) -> Table:
    import openpyxl

    message = _("This Excel file cannot be read. Save it again as .xlsx and try again.")
    _check_zip(data, message)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # a damaged zip or XML raises from deep inside; the person needs the same advice
        raise ImportFileError(message) from exc
    numbered: list[tuple[int, list[str]]] = []
    try:
        sheet = workbook.worksheets[0]
        # Read-only workbooks parse the sheet while iterating: a damaged sheet (an invalid character
        # reference, broken XML) fails here, not in load_workbook.
        for index, row in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS), start=1):
            number = next((cell.row for cell in row if getattr(cell, "row", None)), index)
            cells = [storable(_xlsx_cell_text(cell)) for cell in row]
            if any(cells):
                numbered.append((number, cells))
                if len(numbered) > MAX_ROWS + HEADER_SEARCH_ROWS:
                    break
    except Exception as exc:
        raise ImportFileError(message) from exc
    finally:
        workbook.close()
    return _table(numbered, file_format="xlsx")


def _xlsx_cell_text(cell: Any) -> str:
    value = cell.value
    if isinstance(value, int | float) and not isinstance(value, bool):
        number_format = getattr(cell, "number_format", None) or ""
        # A postcode or phone number shown with leading zeros ("0000000000"): keep them.
        if re.fullmatch(r"0{2,}", number_format) and float(value).is_integer() and value >= 0:
            return str(int(value)).zfill(len(number_format))
    return cell_text(value)


def cell_text(value: Any) -> str:
    """A spreadsheet value as the text a person sees: 12 not 12.0, a date as 2026-03-01, a time as 19:30."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime.datetime):
        if value.date() == datetime.date(1899, 12, 30) or value.date() == datetime.date(1899, 12, 31):
            return f"{value:%H:%M}"  # a time alone, stored as a moment on Excel's first day
        if value.time() == datetime.time(0, 0):
            return value.date().isoformat()
        return f"{value.date().isoformat()} {value:%H:%M}"
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, datetime.time):
        return f"{value:%H:%M}"
    if isinstance(value, datetime.timedelta):
        minutes = round(value.total_seconds() / 60)
        return f"{minutes // 60:02d}:{minutes % 60:02d}"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return format(value, ".15g")
    return str(value).strip()


# --- ods -------------------------------------------------------------------------------------------------------------

ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}
_T = "{" + NS["table"] + "}"
_O = "{" + NS["office"] + "}"
_X = "{" + NS["text"] + "}"


def _is_ods(data: bytes) -> bool:
    # The first entry of an OpenDocument zip is "mimetype", stored uncompressed.
    return data[:2] == b"PK" and data[30:38] == b"mimetype" and ODS_MIMETYPE in data[:200]


def _read_ods(data: bytes) -> Table:
    message = _("This OpenDocument file cannot be read. Save it again as .ods and try again.")
    archive = _check_zip(data, message)
    try:
        content = archive.read("content.xml")
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise ImportFileError(message) from exc
    # An OpenDocument file is UTF-8 and never declares entities: refusing any DOCTYPE keeps entity expansion
    # (and external entities) out, and the text is fed to the parser as text, so no declared encoding hides one.
    try:
        xml = content.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ImportFileError(message) from exc
    if "<!doctype" in xml.lower() or "<!entity" in xml.lower():
        raise ImportFileError(message)
    numbered: list[tuple[int, list[str]]] = []
    try:
        for number, cells in _ods_rows(xml):
            if any(cells):
                numbered.append((number, [storable(cell) for cell in cells]))
                if len(numbered) > MAX_ROWS + HEADER_SEARCH_ROWS:
                    break
    except ElementTree.ParseError as exc:
        raise ImportFileError(message) from exc
    return _table(numbered, file_format="ods")


def _events(xml: str) -> Iterator[tuple[str, ElementTree.Element]]:
    # No DOCTYPE (checked by the caller), so no entity to expand.
    parser: ElementTree.XMLPullParser[ElementTree.Element] = ElementTree.XMLPullParser(events=("start", "end"))
    for at in range(0, len(xml), 1 << 16):
        parser.feed(xml[at : at + (1 << 16)])
        yield from parser.read_events()  # type: ignore[misc]
    parser.close()
    yield from parser.read_events()  # type: ignore[misc]


def _ods_rows(xml: str) -> Iterator[tuple[int, list[str]]]:
    """(row number, cell texts) of the first sheet, streaming; repeated rows and columns within bounds."""
    number = 0
    depth = 0  # inside the first table:table
    done = False
    for event, element in _events(xml):
        if done:
            break
        if element.tag == _T + "table":
            if event == "start":
                depth += 1
            else:
                done = True
            continue
        if depth != 1 or event != "end" or element.tag != _T + "table-row":
            continue
        cells: list[str] = []
        for cell in element:
            if cell.tag not in (_T + "table-cell", _T + "covered-table-cell"):
                continue
            repeat = _repeat(cell.get(_T + "number-columns-repeated"))
            text = _ods_cell_text(cell) if cell.tag == _T + "table-cell" else ""
            room = MAX_COLUMNS - len(cells)
            if room <= 0:
                break
            cells.extend([text] * min(repeat, room))
        while cells and not cells[-1]:
            cells.pop()
        repeat_rows = _repeat(element.get(_T + "number-rows-repeated"))
        element.clear()
        if not cells:
            number += repeat_rows  # empty rows, however many: counted, not kept
            continue
        for _copy in range(min(repeat_rows, MAX_ROWS + HEADER_SEARCH_ROWS + 1)):
            number += 1
            yield number, list(cells)
        number += max(0, repeat_rows - (MAX_ROWS + HEADER_SEARCH_ROWS + 1))


def _repeat(value: str | None) -> int:
    try:
        return max(1, int(value or 1))
    except ValueError:
        return 1


def _ods_cell_text(cell: ElementTree.Element) -> str:
    formula = cell.get(_T + "formula")
    if formula:
        return "=" + re.sub(r"^(of|oooc|msoxl):=?", "", formula)
    kind = cell.get(_O + "value-type") or ""
    shown = "\n".join(_paragraph_text(p) for p in cell.iter(_X + "p")).strip()
    if kind in ("float", "percentage", "currency"):
        value = cell.get(_O + "value") or ""
        if shown.isdigit():
            return shown  # leading zeros of a postcode or phone number as shown
        try:
            return cell_text(float(value)) if kind == "float" else shown or value
        except ValueError:
            return shown
    if kind == "date":
        value = cell.get(_O + "date-value") or ""
        try:
            return cell_text(datetime.datetime.fromisoformat(value)) if "T" in value else value[:10]
        except ValueError:
            return shown
    if kind == "time":
        match = re.fullmatch(r"-?PT(\d+)H(\d+)M(\d+(?:\.\d+)?)S", cell.get(_O + "time-value") or "")
        if match:
            return f"{int(match.group(1)) % 24:02d}:{int(match.group(2)):02d}"
        return shown
    if kind == "boolean":
        return "TRUE" if cell.get(_O + "boolean-value") == "true" else "FALSE"
    return shown


def _paragraph_text(element: ElementTree.Element) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag == _X + "s":
            parts.append(" " * min(_repeat(child.get(_X + "c")), 100))
        elif child.tag == _X + "tab":
            parts.append("\t")
        elif child.tag == _X + "line-break":
            parts.append("\n")
        elif child.tag != "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}annotation":
            parts.append(_paragraph_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


# --- the header and the rows -----------------------------------------------------------------------------------------


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z][a-z-]*", text.lower().replace("'", "")))


def _looks_like_data(cell: str) -> bool:
    return bool(re.fullmatch(r"[\d\s.,:/+()-]+", cell)) or len(cell) > MAX_HEADER_CELL


def find_header(rows: list[list[str]]) -> int:
    """The index of the row with the column names among the first non-empty rows.

    A header has two or more short, non-numeric (and, unless they are known column names, distinct) cells; a title row ("Groepenlijst 2026", a merged title
    cell) has one. The first row with two or more known column names wins; else the first row that looks like one;
    else the first row.
    """
    candidates: list[int] = []
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        filled = [cell for cell in row if cell]
        if len(filled) < 2 or any(_looks_like_data(cell) for cell in filled):
            continue
        known = sum(1 for cell in filled if _words(cell) & HEADER_WORDS)
        if known >= 2 and known * 2 >= len(filled):
            return index  # a doubled known name ("Telefoon", "Telefoon") is told apart later
        if len({cell.lower() for cell in filled}) == len(filled):
            candidates.append(index)
    return candidates[0] if candidates else 0


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _table(
    numbered: list[tuple[int, list[str]]], *, file_format: str, encoding: str = "", delimiter: str = ""
) -> Table:
    if not numbered:
        return Table([], [], file_format=file_format, encoding=encoding, delimiter=delimiter)
    at = find_header([cells for _number, cells in numbered])
    header_row, header_cells = numbered[at]
    header_cells = [cell.strip() for cell in header_cells]
    while header_cells and not header_cells[-1]:
        header_cells.pop()
    headers: list[str] = []
    for index, cell in enumerate(header_cells):
        name = " ".join(cell.split()) or _("Column %(letter)s") % {"letter": _column_letter(index)}
        base, copy = name, 2
        while name in headers:  # two columns with one name: each must be told apart in the mapping
            name = f"{base} ({copy})"
            copy += 1
        headers.append(name)
    width = len(headers)
    rows = [(cells + [""] * width)[:width] for _number, cells in numbered[at + 1 :]]
    numbers = [number for number, _cells in numbered[at + 1 :]]
    kept = [(number, row) for number, row in zip(numbers, rows, strict=True) if any(row)]
    return Table(
        headers,
        [row for _number, row in kept],
        row_numbers=[number for number, _row in kept],
        header_row=header_row,
        encoding=encoding,
        delimiter=delimiter,
        file_format=file_format,
    )


def rows_with_numbers(table: Table) -> Iterable[tuple[int, list[str]]]:
    """Each row with its row number in the file, for messages that name "row 7"."""
    return zip(table.row_numbers, table.rows, strict=True)
