"""Lists of groups read as support points make them: real files in tests/fixtures/lists, damaged files refused with
a message, and any bytes or cell texts never raising anything but ImportFileError."""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from samenspel.workspace.importer import ImportFileError as ReexportedError
from samenspel.workspace.importer import read_table as reexported_read_table
from samenspel.workspace.spreadsheet import MAX_COLUMNS, MAX_ROWS, ImportFileError, Table, read_table
from tests.fixtures.lists import make_lists

LISTS = Path(make_lists.__file__).parent


def _upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def _fixture(name: str) -> Table:
    return read_table(_upload(name, (LISTS / name).read_bytes()))


# --- the fixture lists -----------------------------------------------------------------------------------------------


def test_the_eindhoven_list_from_dutch_excel_reads_in_windows_1252_with_semicolons_below_its_title() -> None:
    table = _fixture("steunpunt-eindhoven-cp1252.csv")
    assert (table.file_format, table.encoding, table.delimiter, table.header_row) == ("csv", "cp1252", ";", 3)
    assert table.headers == make_lists.EINDHOVEN_HEADERS
    assert table.rows == make_lists.EINDHOVEN_ROWS
    assert table.row_numbers == list(range(4, 13))
    cells = {cell for row in table.rows for cell in row}
    assert "Mantelzorgcafé Woensel" in cells
    assert any("€ 2,50" in cell for cell in cells)
    assert any("ideeën" in cell and "\u2014" in cell for cell in cells)
    assert any("\u201cErvaringen delen\u201d" in cell and "\u2019t Is" in cell for cell in cells)
    assert (
        table.described()
        == "Gelezen als CSV-bestand in Windows-1252 (Excel), gescheiden door puntkomma's; de kolomnamen staan in rij 3."
    )


def test_the_helmond_workbook_reads_below_its_merged_title_with_dates_times_and_a_phone_number() -> None:
    table = _fixture("steunpunt-helmond.xlsx")
    assert (table.file_format, table.encoding, table.delimiter, table.header_row) == ("xlsx", "", "", 3)
    assert table.headers == make_lists.HELMOND_HEADERS
    assert table.rows == make_lists.HELMOND_EXPECTED
    assert table.row_numbers == [4, 5, 6, 7, 8]
    assert table.described() == "Gelezen als Excel-bestand (.xlsx); de kolomnamen staan in rij 3."


def test_the_geldrop_opendocument_sheet_reads_its_first_sheet_below_the_merged_title() -> None:
    table = _fixture("steunpunt-geldrop.ods")
    assert (table.file_format, table.header_row) == ("ods", 3)
    assert table.headers == make_lists.GELDROP_HEADERS
    assert table.rows == make_lists.GELDROP_EXPECTED  # leading zeros kept, dates ISO, times HH:MM
    assert table.row_numbers == [4, 5, 6]
    assert "niet dit blad" not in {cell for row in table.rows for cell in row}


def test_the_nuenen_list_in_excel_unicode_text_reads_as_utf16_with_tabs() -> None:
    table = _fixture("steunpunt-nuenen-utf16.txt")
    assert (table.encoding, table.delimiter, table.header_row) == ("utf-16", "\t", 1)
    assert table.headers == make_lists.NUENEN_HEADERS
    assert table.rows == make_lists.NUENEN_ROWS
    assert table.described() == (
        "Gelezen als CSV-bestand in UTF-16 (Excel Unicode-tekst), gescheiden door tabs; de kolomnamen staan in rij 1."
    )


def test_the_best_list_in_utf8_with_bom_reads_with_commas_and_quoted_cells() -> None:
    table = _fixture("steunpunt-best-utf8bom.csv")
    assert (table.encoding, table.delimiter) == ("utf-8-sig", ",")
    assert table.headers == make_lists.BEST_HEADERS  # no BOM stuck to the first column name
    assert table.rows == make_lists.BEST_ROWS


@pytest.mark.parametrize("name", sorted(make_lists.FILES))
def test_the_committed_fixtures_are_what_the_script_writes(name: str) -> None:
    written = read_table(_upload(name, make_lists.FILES[name]()))
    assert written == _fixture(name)


def test_the_importer_still_offers_read_table_and_its_error() -> None:
    assert reexported_read_table is read_table and ReexportedError is ImportFileError


# --- CSV as it comes -------------------------------------------------------------------------------------------------


def test_a_title_line_without_separators_and_quoted_separators_do_not_fool_the_separator() -> None:
    data = (
        b"Groepenlijst 2026\r\n\r\nNaam;Taal;Omschrijving\r\n"
        b'Groep A;Nederlands, Engels;"Praten; luisteren, delen"\r\n'
        b"Groep B;Arabisch;Samen koken, eten, praten\r\n"
    )
    table = read_table(_upload("lijst.csv", data))
    assert (table.delimiter, table.header_row, table.encoding) == (";", 3, "utf-8")
    assert table.rows == [
        ["Groep A", "Nederlands, Engels", "Praten; luisteren, delen"],
        ["Groep B", "Arabisch", "Samen koken, eten, praten"],
    ]
    assert table.row_numbers == [4, 5]


def test_a_quoted_cell_over_two_lines_keeps_the_row_numbers_a_spreadsheet_shows() -> None:
    data = b'Naam,Omschrijving\n"Groep A","Regel een\nregel twee"\n\nGroep B,Kort\n'
    table = read_table(_upload("lijst.csv", data))
    assert table.rows == [["Groep A", "Regel een\nregel twee"], ["Groep B", "Kort"]]
    assert table.row_numbers == [2, 4]


def test_latin_1_is_used_only_when_windows_1252_cannot_read_the_bytes() -> None:
    data = "Naam;Plaats\nCaf\u00e9 \u00e9\u00e9n;Geldrop\n".encode("latin-1") + b"Groep\x81;Nuenen\n"
    table = read_table(_upload("lijst.csv", data))
    assert table.encoding == "latin-1"
    assert table.rows[0] == ["Café één", "Geldrop"]
    assert "Latin-1" in table.described()


def test_utf16_big_endian_and_without_a_byte_order_mark() -> None:
    text = "Naam\tTaal\nGroep één\tTürkçe\n"
    for data in (text.encode("utf-16-be"), codecs_bom_be() + text.encode("utf-16-be"), text.encode("utf-16-le")):
        table = read_table(_upload("lijst.txt", data))
        assert (table.encoding, table.delimiter) == ("utf-16", "\t")
        assert table.rows == [["Groep één", "Türkçe"]]


def codecs_bom_be() -> bytes:
    return b"\xfe\xff"


def test_empty_header_cells_and_doubled_names_are_told_apart() -> None:
    table = read_table(_upload("lijst.csv", b"Naam;;Naam;Thema\nA;x;B;Rouw\n"))
    assert table.headers == ["Naam", "Kolom B", "Naam (2)", "Thema"]


def test_nul_at_the_start_of_a_csv_is_refused() -> None:
    with pytest.raises(ImportFileError, match="CSV"):
        read_table(_upload("lijst.csv", b"Naam\x00;Thema\nA;B\n"))


def test_too_many_rows_are_refused() -> None:
    data = ("Naam;Thema\n" + "A;B\n" * (MAX_ROWS + 1)).encode()
    with pytest.raises(ImportFileError, match=str(MAX_ROWS)):
        read_table(_upload("lijst.csv", data))


# --- xlsx ------------------------------------------------------------------------------------------------------------


def _xlsx(rows: list[list[object]], formats: dict[str, str] | None = None, merge: str = "") -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    for cell, number_format in (formats or {}).items():
        sheet[cell].number_format = number_format
    if merge:
        sheet.merge_cells(merge)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_excel_numbers_dates_and_times_read_as_a_person_sees_them() -> None:
    data = _xlsx(
        [
            ["Naam", "Aantal", "Bedrag", "Datum", "Tijd", "Tijd als getal", "Postcode", "Formule", "Moment"],
            [
                "Groep",
                12.0,
                0.1 + 0.2,
                datetime.datetime(2026, 3, 1),
                datetime.time(19, 30),
                0.8125,
                5611,
                '=HYPERLINK("http://evil.example")',
                datetime.datetime(2026, 3, 1, 19, 30),
            ],
        ],
        formats={"F2": "h:mm", "G2": "0000", "D2": "d-m-yyyy"},
    )
    table = read_table(_upload("lijst.xlsx", data))
    assert table.rows == [
        [
            "Groep",
            "12",
            "0.3",
            "2026-03-01",
            "19:30",
            "19:30",
            "5611",
            '=HYPERLINK("http://evil.example")',
            "2026-03-01 19:30",
        ]
    ]


def test_a_merged_title_across_all_columns_does_not_hide_the_column_names() -> None:
    data = _xlsx([["Groepenlijst 2026"], [], ["Naam", "Thema", "Dag"], ["A", "Rouw", "di"]], merge="A1:C1")
    table = read_table(_upload("lijst.xlsx", data))
    assert (table.headers, table.header_row, table.rows, table.row_numbers) == (
        ["Naam", "Thema", "Dag"],
        3,
        [["A", "Rouw", "di"]],
        [4],
    )


# --- damaged and hostile files ---------------------------------------------------------------------------------------


def _ods(content: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
    return out.getvalue()


ODS_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content'
    ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:spreadsheet><table:table>'
)
ODS_TAIL = "</table:table></office:spreadsheet></office:body></office:document-content>"


def _ods_rows(rows: list[list[str]], repeat: int = 1) -> str:
    body = "".join(
        f'<table:table-row table:number-rows-repeated="{repeat}">'
        + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{escape(c)}</text:p></table:table-cell>' for c in row
        )
        + "</table:table-row>"
        for row in rows
    )
    return ODS_HEAD + body + ODS_TAIL


def _zip_claiming(size: int) -> bytes:
    """A small zip whose directory says its entry unpacks to `size` bytes, as a zip bomb's does."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * 1000)
    data = bytearray(out.getvalue())
    at = data.index(b"PK\x01\x02")
    data[at + 24 : at + 28] = size.to_bytes(4, "little")
    return bytes(data)


VALID_XLSX = _xlsx([["Naam", "Thema"], ["A", "Rouw"]])


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("lijst.xlsx", VALID_XLSX[: len(VALID_XLSX) // 2]),
        ("lijst.xlsx", b"PK\x03\x04 not a zip at all"),
        ("lijst.xlsx", _zip_claiming(0xF0000000)),
        ("lijst.ods", _zip_claiming(0xF0000000)),
        ("lijst.ods", _ods(ODS_HEAD + "<table:table-row><table:table-cell>")),
        ("lijst.ods", _ods('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>' + ODS_HEAD + ODS_TAIL)),
        ("lijst.ods", _ods(ODS_HEAD + ODS_TAIL)[:-30]),
        ("lijst.ods", _ods((ODS_HEAD + ODS_TAIL).replace("UTF-8", "UTF-16")).replace(b"table:table>", b"\xff\xfe")),
        ("lijst.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100),
        ("lijst.pdf", b"%PDF-1.7"),
        ("lijst.csv", b""),
    ],
)
def test_a_damaged_or_hostile_file_is_refused_with_a_message(name: str, data: bytes) -> None:
    with pytest.raises(ImportFileError) as refused:
        read_table(_upload(name, data))
    assert str(refused.value)


def test_repeated_ods_rows_and_columns_stay_within_bounds() -> None:
    wide = _ods(
        ODS_HEAD
        + '<table:table-row><table:table-cell office:value-type="string" table:number-columns-repeated="16384">'
        "<text:p>Naam</text:p></table:table-cell></table:table-row>" + ODS_TAIL
    )
    assert len(read_table(_upload("lijst.ods", wide)).headers) == MAX_COLUMNS
    many = _ods(
        ODS_HEAD
        + _ods_rows([["Naam", "Thema"]])[len(ODS_HEAD) : -len(ODS_TAIL)]
        + _ods_rows([["A", "Rouw"]], repeat=10**9)[len(ODS_HEAD) : -len(ODS_TAIL)]
        + ODS_TAIL
    )
    with pytest.raises(ImportFileError, match=str(MAX_ROWS)):
        read_table(_upload("lijst.ods", many))


# --- Hypothesis: any bytes, any cell texts ---------------------------------------------------------------------------


@pytest.mark.own_database  # pure Python: no database
@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(
    name=st.sampled_from(["lijst.csv", "lijst.txt", "lijst.xlsx", "lijst.ods"]),
    data=st.one_of(
        st.binary(max_size=400),
        st.binary(max_size=400).map(lambda b: b"PK\x03\x04" + b),
        st.binary(max_size=200).map(lambda b: VALID_XLSX[: len(VALID_XLSX) // 2] + b),
        st.binary(max_size=200).map(lambda b: b"\xff\xfe" + b),
    ),
)
def test_any_bytes_give_a_table_or_a_message(name: str, data: bytes) -> None:
    try:
        table = read_table(_upload(name, data))
    except ImportFileError as refused:
        assert str(refused)
        return
    assert table.headers and len(table.rows) == len(table.row_numbers)


HEADERS = ["Naam", "Thema", "Wanneer"]
ENCODINGS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8-sig": lambda text: text.encode("utf-8-sig"),
    "utf-16": lambda text: text.encode("utf-16"),
    "cp1252": lambda text: text.encode("cp1252"),
    "latin-1": lambda text: text.encode("latin-1"),
}


def _encodable(encoding: str) -> st.SearchStrategy[str]:
    def fits(char: str) -> bool:
        if char in "\x00" or "\ud800" <= char <= "\udfff":
            return False
        if encoding in ("cp1252", "latin-1"):
            try:
                char.encode(encoding)
            except UnicodeEncodeError:
                return False
            # Latin-1's C1 controls (0x80-0x9F) are what Windows-1252 reads as € and quotes: no file holds them.
            return not "\x80" <= char <= "\x9f"
        return True

    return st.text(st.characters(codec="utf-8").filter(fits), max_size=20)


@pytest.mark.own_database  # pure Python: no database
@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(
    data=st.data(),
    encoding=st.sampled_from(sorted(ENCODINGS)),
    delimiter=st.sampled_from([";", ",", "\t"]),
)
def test_cell_texts_written_in_any_encoding_and_separator_read_back(
    data: st.DataObject, encoding: str, delimiter: str
) -> None:
    rows = data.draw(st.lists(st.lists(_encodable(encoding), min_size=3, max_size=3), min_size=1, max_size=6))
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows([HEADERS, *rows])
    raw = ENCODINGS[encoding](out.getvalue())
    table = read_table(_upload("lijst.csv", raw))
    expected = [[cell.strip() for cell in row] for row in rows]
    expected = [row for row in expected if any(row)]
    assert table.headers == HEADERS
    assert table.rows == expected
    assert table.delimiter == delimiter
    # Bytes that are valid UTF-8 are read as UTF-8, whatever they were written in; the text is the same then.
    if encoding in ("utf-8", "utf-8-sig", "utf-16"):
        assert table.encoding == encoding
    else:
        assert table.encoding in ("utf-8", "cp1252", "latin-1")


@pytest.mark.own_database  # pure Python: no database
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(rows=st.lists(st.lists(st.text(max_size=20), min_size=3, max_size=3), min_size=1, max_size=4))
def test_cell_texts_written_in_xlsx_and_ods_read_back(rows: list[list[str]]) -> None:
    from openpyxl.utils.exceptions import IllegalCharacterError

    assume(all(c.isprintable() or c in "\t\n" for row in rows for cell in row for c in cell))
    expected = [row for row in ([cell.strip() for cell in row] for row in rows) if any(row)]
    try:
        xlsx = _xlsx([HEADERS, *rows])  # type: ignore[list-item]
    except IllegalCharacterError:
        assume(False)
    assume(not any(cell.startswith("=") for row in rows for cell in row))  # openpyxl writes those as formulas
    for name, data in (("lijst.xlsx", xlsx), ("lijst.ods", _ods(_ods_rows([HEADERS, *rows])))):
        table = read_table(_upload(name, data))
        assert table.headers == HEADERS
        assert table.rows == expected, name
