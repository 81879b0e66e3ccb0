"""The year report as a spreadsheet (.xlsx): the same protected tables as the page, its CSV and its PDF.

A number is written as a number; "<5", "hidden" and every text go through the workspace's formula neutraliser
(a text that starts like a formula gets a ' in front), so no cell runs as a formula in a spreadsheet program.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from django.http import HttpResponse
from django.utils.translation import gettext as _

from samenspel.core.figures import FigureTable
from samenspel.core.privacy import Figure
from samenspel.workspace.exports import neutralise

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _cell(value: object) -> object:
    if isinstance(value, Figure):
        return value.value if value.value is not None else neutralise(value.text)
    if isinstance(value, int):
        return value
    return neutralise(value)


def report_xlsx(heading: str, intro: Sequence[str], tables: Sequence[FigureTable], filename: str) -> HttpResponse:
    import openpyxl
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _("Year report")[:31]
    bold = Font(bold=True)
    sheet.append([neutralise(heading)])
    sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True, size=14)
    for line in intro:
        sheet.append([neutralise(line)])
    sheet.append(
        [_("Numbers below 5 are shown as <5; a number marked hidden is left out so that a <5 cannot be worked out.")]
    )
    for table in tables:
        sheet.append([])
        sheet.append([neutralise(table.title)])
        sheet.cell(row=sheet.max_row, column=1).font = bold
        if table.note:
            sheet.append([neutralise(table.note)])
        sheet.append(["", *(neutralise(c) for c in table.columns)])
        for label, cells in table.rows:
            sheet.append([neutralise(label), *(_cell(c) for c in cells)])
        if table.totals is not None:
            sheet.append([_("Total"), *(_cell(c) for c in table.totals)])
            sheet.cell(row=sheet.max_row, column=1).font = bold
    sheet.column_dimensions["A"].width = 40
    for letter in "BCDEFG":
        sheet.column_dimensions[letter].width = 16
    out = io.BytesIO()
    workbook.save(out)
    response = HttpResponse(out.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
