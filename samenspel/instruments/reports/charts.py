"""A line chart for the year report's trends, drawn on the server as plain SVG (no script, no style attribute).

The bar charts come from samenspel.core.figures; a trend (groups per stage at the end of each quarter, new and
stopped groups per month) reads better as lines. Same rules as the bars: the chart is drawn from the protected
table, so a hidden number ("<5" or "hidden") is never drawn at its true height: the line breaks there and the
point is an open square on the axis, with its text. The numbers are in the table next to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from samenspel.core.figures import SERIES_COLOURS, FigureTable, _number

WIDTH = 640
PLOT_LEFT = 44
PLOT_RIGHT = 16
PLOT_TOP = 10
PLOT_HEIGHT = 200
AXIS_LABELS = 40  # room under the plot for the row labels
LEGEND_LINE = 20
# The figures' colours and two more: a trend of five stages needs five lines apart (each 3:1 against white).
COLOURS = (*SERIES_COLOURS, "#8a1c1c", "#4d4d4d")


def _nice_top(largest: int) -> int:
    """A round number at or above the largest value, for the top of the axis."""
    if largest <= 5:
        return 5
    step = 10 ** (len(str(largest)) - 1)
    for factor in (1, 2, 5, 10):
        if largest <= factor * step:
            return factor * step
    return largest


def line_chart(table: FigureTable) -> SafeString:
    """One line per column (the chart columns), the rows along the horizontal axis in their order."""
    if not table.rows:
        return mark_safe("")
    columns = list(table.chart_columns) if table.chart_columns is not None else list(range(len(table.columns)))
    values = [[_number(cells[j]) for _label, cells in table.rows] for j in columns]
    largest = max([v for line in values for v in line if v is not None] + [1])
    top = _nice_top(largest)
    n = len(table.rows)
    plot_width = WIDTH - PLOT_LEFT - PLOT_RIGHT
    step = plot_width / max(n - 1, 1)

    def x(i: int) -> float:
        return round(PLOT_LEFT + (i * step if n > 1 else plot_width / 2), 1)

    def y(value: int) -> float:
        return round(PLOT_TOP + PLOT_HEIGHT - PLOT_HEIGHT * value / top, 1)

    base = PLOT_TOP + PLOT_HEIGHT
    parts: list[str] = []
    # The axes, the top value and zero.
    parts.append(
        format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#595959"/><line x1="{}" y1="{}" x2="{}" y2="{}" '
            'stroke="#595959"/><text x="{}" y="{}" text-anchor="end">{}</text><text x="{}" y="{}" '
            'text-anchor="end">0</text>',
            PLOT_LEFT,
            PLOT_TOP,
            PLOT_LEFT,
            base,
            PLOT_LEFT,
            base,
            WIDTH - PLOT_RIGHT,
            base,
            PLOT_LEFT - 6,
            PLOT_TOP + 10,
            top,
            PLOT_LEFT - 6,
            base,
        )
    )
    # Row labels under the axis: every one when they fit, else every second or third.
    every = 1 if n <= 8 else (2 if n <= 16 else 3)
    for i, (label, _cells) in enumerate(table.rows):
        if i % every == 0 or i == n - 1:
            parts.append(
                format_html(
                    '<text x="{}" y="{}" text-anchor="{}" font-size="11">{}</text>',
                    x(i),
                    base + 16,
                    "start" if i == 0 and n > 1 else ("end" if i == n - 1 and n > 1 else "middle"),
                    label,
                )
            )
    for series, line in enumerate(values):
        colour = COLOURS[series % len(COLOURS)]
        # A hidden number breaks the line: it is drawn as separate runs between hidden points.
        runs: list[list[tuple[float, float]]] = [[]]
        for i, value in enumerate(line):
            if value is None:
                runs.append([])
                parts.append(
                    format_html(
                        '<rect x="{}" y="{}" width="8" height="8" fill="#ffffff" stroke="{}"/>',
                        x(i) - 4,
                        base - 4,
                        colour,
                    )
                )
            else:
                runs[-1].append((x(i), y(value)))
                parts.append(format_html('<circle cx="{}" cy="{}" r="3" fill="{}"/>', x(i), y(value), colour))
        for run in runs:
            if len(run) > 1:
                points = " ".join(f"{px},{py}" for px, py in run)
                parts.append(
                    format_html(
                        '<polyline points="{}" fill="none" stroke="{}" stroke-width="2"/>',
                        points,
                        colour,
                    )
                )
    legend_y = base + AXIS_LABELS
    legend = format_html_join(
        "",
        '<rect x="{}" y="{}" width="12" height="12" fill="{}"/><text x="{}" y="{}">{}</text>',
        (
            (
                0,
                legend_y + LEGEND_LINE * k,
                COLOURS[k % len(COLOURS)],
                18,
                legend_y + LEGEND_LINE * k + 11,
                table.columns[j],
            )
            for k, j in enumerate(columns)
        ),
    )
    height = legend_y + LEGEND_LINE * len(columns)
    title = _("Line chart: %(title)s.") % {"title": table.title}
    description = _(
        "Along the bottom: %(first)s to %(last)s. The same numbers are in the table; a number below 5 or hidden is "
        "drawn as an open square on the axis."
    ) % {"first": table.rows[0][0], "last": table.rows[-1][0]}
    return format_html(
        '<svg class="figure-chart" role="img" aria-labelledby="{}-title {}-desc" viewBox="0 0 {} {}" width="100%" '
        'xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="13" fill="#1a1a1a">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}{}</svg>',
        table.key,
        table.key,
        WIDTH,
        height,
        table.key,
        title,
        table.key,
        description,
        mark_safe("".join(parts)),  # noqa: S308 - every part was built with format_html
        legend,
    )


@dataclass(frozen=True)
class TrendTable(FigureTable):
    """A figures table whose chart is a line chart: the rows are moments (quarters, months) in their order."""

    def chart(self) -> SafeString:
        return line_chart(self)
