"""Benchmark: reading a support point's list of 10,000 groups (CSV in Windows-1252, .xlsx, .ods) and reading
every free-text schedule in it. No database: this is the part of an import before anything is checked.

The rows repeat the Eindhoven fixture list (tests/fixtures/lists), so the cells and schedules are real ones.
Run: .venv/bin/python -m bench.spreadsheet_read [--rows 10000]
Results: bench/results/spreadsheet-read.json (wall and CPU seconds per format, peak memory)
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import json
import resource
import time
import zipfile

from bench.django_setup import ROOT, start

start()

import openpyxl  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402

from samenspel.directory.schedule_words import read_schedule  # noqa: E402
from samenspel.workspace.spreadsheet import read_table  # noqa: E402
from tests.fixtures.lists import make_lists  # noqa: E402


def _rows(count: int) -> list[list[str]]:
    source = make_lists.EINDHOVEN_ROWS
    rows = []
    for i in range(count):
        row = list(source[i % len(source)])
        row[0] = f"{row[0]} {i + 1}"
        rows.append(row)
    return rows


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([make_lists.EINDHOVEN_TITLE])
    writer.writerow([])
    writer.writerow(make_lists.EINDHOVEN_HEADERS)
    writer.writerows(rows)
    return out.getvalue().encode("cp1252")


def _xlsx(rows: list[list[str]]) -> bytes:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append([make_lists.EINDHOVEN_TITLE])
    sheet.append([])
    sheet.append(make_lists.EINDHOVEN_HEADERS)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _ods(rows: list[list[str]]) -> bytes:
    def row_xml(cells: list[str]) -> str:
        return (
            "<table:table-row>" + "".join(make_lists._ods_cell(c, "string", "") for c in cells) + "</table:table-row>"
        )

    body = "".join(row_xml(r) for r in [[make_lists.EINDHOVEN_TITLE], make_lists.EINDHOVEN_HEADERS, *rows])
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content'
        ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0">'
        f"<office:body><office:spreadsheet><table:table>{body}</table:table></office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    rows = _rows(args.rows)
    result: dict[str, object] = {"rows": args.rows}
    for name, data in (("lijst.csv", _csv(rows)), ("lijst.xlsx", _xlsx(rows)), ("lijst.ods", _ods(rows))):
        started, cpu = time.perf_counter(), time.process_time()
        table = read_table(SimpleUploadedFile(name, data))
        assert len(table.rows) == args.rows, (name, len(table.rows))
        fmt = name.rsplit(".", 1)[1]
        result[f"{fmt}_bytes"] = len(data)
        result[f"{fmt}_seconds"] = round(time.perf_counter() - started, 2)
        result[f"{fmt}_cpu_seconds"] = round(time.process_time() - cpu, 2)
    column = make_lists.EINDHOVEN_HEADERS.index("Wanneer")
    started, cpu = time.perf_counter(), time.process_time()
    understood = sum(
        read_schedule(row[column], valid_from=datetime.date(2026, 3, 1)).understood() for row in table.rows
    )
    result["schedules_seconds"] = round(time.perf_counter() - started, 2)
    result["schedules_cpu_seconds"] = round(time.process_time() - cpu, 2)
    result["schedules_understood"] = understood
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    result["date"] = time.strftime("%Y-%m-%d")
    out = ROOT / "bench" / "results" / "spreadsheet-read.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
