"""Figures pages, one way: a table of counts as HTML, a server-drawn SVG bar chart, a CSV and a PDF.

Every figures page (a municipality's coverage and referral figures, a support point's referral figures and its
information sessions) describes its numbers as `FigureTable`s; the chart, the CSV and the PDF are drawn from the
same tables, so a download never shows a number the page hides. A hidden number (samenspel.core.privacy) is drawn
as a short hatched bar of fixed length with its text ("<5" or "hidden"), never at its true length.

The chart is plain SVG in the page: no script, nothing from another host, no style attribute (the CSP allows
no inline style), only presentation attributes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _

from samenspel.core.privacy import Figure

# Bar colours: dark enough against white for a graphic (WCAG 1.4.11, 3:1), apart enough from each other.
SERIES_COLOURS = ("#1f4e79", "#b35900", "#2e6b30", "#6b2e6b")
CHART_WIDTH = 640
LABEL_HEIGHT = 18
BAR_HEIGHT = 14
BAR_GAP = 4
ROW_GAP = 10
BAR_SPACE = 470  # the longest bar; the rest of the width is for its number
HIDDEN_BAR = 14  # a hidden number's bar: short, fixed, never its value


Value = Figure | int | str


def _number(value: Value) -> int | None:
    if isinstance(value, Figure):
        return value.value
    if isinstance(value, int):
        return value
    return int(value) if str(value).isdigit() else None


@dataclass(frozen=True)
class FigureTable:
    """One table of a figures page: rows with a label and a number per column, and the totals under them."""

    key: str
    title: str
    columns: Sequence[str]
    rows: Sequence[tuple[str, Sequence[Value]]]
    totals: Sequence[Value] | None = None
    note: str = ""
    chart_columns: Sequence[int] | None = field(default=None)  # the columns to draw; all when None

    def chart(self) -> SafeString:
        return bar_chart(self)

    @property
    def labelled_rows(self) -> list[tuple[str, list[tuple[str, Value]]]]:
        """Each row with its cells paired with their column's name (a narrow screen shows it by each number)."""
        return [(label, list(zip(self.columns, cells, strict=True))) for label, cells in self.rows]

    @property
    def labelled_totals(self) -> list[tuple[str, Value]]:
        return list(zip(self.columns, self.totals, strict=True)) if self.totals is not None else []


def bar_chart(table: FigureTable) -> SafeString:
    """A horizontal bar chart of a table: per row its label, then one bar per column, each with its number."""
    if not table.rows:
        return mark_safe("")
    columns = list(table.chart_columns) if table.chart_columns is not None else list(range(len(table.columns)))
    values = [_number(cells[j]) for _label, cells in table.rows for j in columns]
    largest = max([v for v in values if v is not None] + [1])
    pattern = f"hatch-{slugify(table.key)}"
    parts: list[str] = []
    y = 0
    # The legend: one square and name per column, when there is more than one.
    if len(columns) > 1:
        x = 0
        for n, j in enumerate(columns):
            colour = SERIES_COLOURS[n % len(SERIES_COLOURS)]
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="12" height="12" fill="{}"/><text x="{}" y="{}">{}</text>',
                    x,
                    y + 2,
                    colour,
                    x + 18,
                    y + 12,
                    table.columns[j],
                )
            )
            x += 24 + 9 * len(str(table.columns[j]))
        y += LABEL_HEIGHT + ROW_GAP
    for label, cells in table.rows:
        parts.append(format_html('<text x="0" y="{}">{}</text>', y + 13, label))
        y += LABEL_HEIGHT
        for n, j in enumerate(columns):
            colour = SERIES_COLOURS[n % len(SERIES_COLOURS)]
            value = cells[j]
            number = _number(value)
            if number is None:
                length = HIDDEN_BAR
                fill = f"url(#{pattern}-{n})"
            else:
                length = round(BAR_SPACE * number / largest) if number else 0
                fill = colour
            parts.append(
                format_html(
                    '<rect x="0" y="{}" width="{}" height="{}" fill="{}" stroke="{}"/><text x="{}" y="{}">{}</text>',
                    y,
                    max(length, 1),
                    BAR_HEIGHT,
                    fill,
                    colour,
                    length + 6,
                    y + BAR_HEIGHT - 2,
                    str(value),
                )
            )
            y += BAR_HEIGHT + BAR_GAP
        y += ROW_GAP
    hatches = format_html_join(
        "",
        '<pattern id="{}-{}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="{}" stroke-width="3"/>'
        "</pattern>",
        ((pattern, n, SERIES_COLOURS[n % len(SERIES_COLOURS)]) for n in range(len(columns))),
    )
    label = _("Bar chart: %(title)s. The same numbers are in the table.") % {"title": table.title}
    return format_html(
        '<svg class="figure-chart" role="img" aria-label="{}" viewBox="0 0 {} {}" width="100%" '
        'xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="13" fill="#1a1a1a">'
        "<title>{}</title><defs>{}</defs>{}</svg>",
        label,
        CHART_WIDTH,
        y,
        label,
        hatches,
        mark_safe("".join(parts)),  # noqa: S308 - every part was built with format_html
    )


def _csv_cell(value: Any) -> str:
    text = str(value)
    # A spreadsheet program would run a cell that starts like a formula ("<5" does not, "-" would).
    return "'" + text if text.startswith(("=", "+", "-", "@", "\t", "\r")) else text


def figures_csv(heading: str, tables: Sequence[FigureTable], filename: str) -> HttpResponse:
    """The tables as one CSV (semicolons, as Dutch spreadsheet programs expect): a block per table."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow([_csv_cell(heading)])
    writer.writerow(
        [_("Numbers below 5 are shown as <5; a number marked hidden is left out so that a <5 cannot be worked out.")]
    )
    for table in tables:
        writer.writerow([])
        writer.writerow([_csv_cell(table.title)])
        if table.note:
            writer.writerow([_csv_cell(table.note)])
        writer.writerow(["", *map(_csv_cell, table.columns)])
        for label, cells in table.rows:
            writer.writerow([_csv_cell(label), *map(_csv_cell, cells)])
        if table.totals is not None:
            writer.writerow([_("Total"), *map(_csv_cell, table.totals)])
    # A byte order mark: spreadsheet programs then read the file as UTF-8 (ë, ü, Arabic names).
    response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def figures_pdf(heading: str, intro: Sequence[str], tables: Sequence[FigureTable], filename: str) -> HttpResponse:
    """The tables and their charts as a PDF, drawn by the same renderer as the flyers (WeasyPrint, no network)."""
    from samenspel.core.printing import render_pdf, stylesheet_path

    stylesheet = stylesheet_path("samenspel/figures_print.css")
    html = render_to_string(
        "figures/print.html", {"heading": heading, "intro": intro, "tables": tables, "stylesheet": stylesheet.name}
    )
    response = HttpResponse(render_pdf(html, stylesheet), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}.pdf"'
    return response


def download(
    request: HttpRequest, heading: str, intro: Sequence[str], tables: Sequence[FigureTable], filename: str
) -> HttpResponse | None:
    """The CSV or PDF a figures page was asked for (?download=csv or pdf), or None for the page itself."""
    kind = request.GET.get("download")
    if kind == "csv":
        return figures_csv(heading, tables, filename)
    if kind == "pdf":
        return figures_pdf(heading, intro, tables, filename)
    return None


def download_links(request: HttpRequest) -> dict[str, str]:
    """The query strings of a page's downloads, keeping its filters."""
    links = {}
    for kind in ("csv", "pdf"):
        query = request.GET.copy()
        query["download"] = kind
        links[kind] = "?" + query.urlencode()
    return links
