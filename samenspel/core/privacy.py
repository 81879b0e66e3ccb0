"""The small-number rule: an aggregate of 1 to 4 is shown as "<5" (DESIGN.md, privacy rules).

One statement of it for every page, download and chart that shows counts about people, so none shows a number
that could point at a person, and none lets a reader work such a number out by subtraction.

`shown` is the rule for a lone number. `protect` is the rule for a table whose totals are shown too: it hides
the cells of 1 to 4 ("<5"), and then, in every row or column that has a total and exactly one hidden cell, the
smallest other number as well (shown as "hidden"), until no hidden number can be computed from the total and
the numbers shown. A total of 1 to 4 is itself "<5".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from django.http import HttpResponseBase
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# Below this, a number could point at a person.
SMALL_COUNT = 5
SMALL = "<5"
# A number of 5 or more hidden so that a "<5" in the same row or column cannot be worked out.
HIDDEN: Promise = _("hidden")


def is_small(count: int) -> bool:
    return 0 < count < SMALL_COUNT


def shown(count: int) -> str:
    """A lone count as the figures show it: small numbers could point at a person."""
    return SMALL if is_small(count) else str(count)


@dataclass(frozen=True)
class Figure:
    """One number as a page shows it: `value` is None when it is hidden, `text` is what the reader sees."""

    value: int | None
    text: str

    def __str__(self) -> str:
        return self.text

    @property
    def hidden(self) -> bool:
        return self.value is None

    @property
    def small(self) -> bool:
        return self.text == SMALL


@dataclass(frozen=True)
class Protected:
    """A table as it may be shown: its cells, and the totals of its columns and of its rows (when it has them)."""

    cells: list[list[Figure]]
    column_totals: list[Figure]
    row_totals: list[Figure]
    total: Figure | None


def _figure(value: int, hidden: bool, small: bool) -> Figure:
    if not hidden:
        return Figure(value, str(value))
    return Figure(None, SMALL if small else str(HIDDEN))


def protect(
    cells: Sequence[Sequence[int]],
    *,
    column_totals: bool | Sequence[int] = True,
    row_totals: bool = False,
) -> Protected:
    """The cells of a table of counts, and its totals, as they may be shown.

    `column_totals`: True when the page shows the sum of each column, or the totals it shows (for a breakdown
    in which one thing can count in several rows, such as a group with two themes; treated as if they were the
    sum, which hides more, never less). `row_totals`: the page shows the sum of each row. With both, the grand
    total is shown too. A table with one column and its total is a single breakdown.
    """
    n_rows = len(cells)
    n_cols = len(cells[0]) if cells else (len(column_totals) if not isinstance(column_totals, bool) else 0)
    grid = [list(row) for row in cells]
    has_columns = column_totals is not False
    if has_columns:
        if isinstance(column_totals, bool):
            sums = [sum(grid[i][j] for i in range(n_rows)) for j in range(n_cols)]
        else:
            sums = list(column_totals)
        grid.append(sums)
    if row_totals:
        for row in grid:
            row.append(sum(row))
    # The lines: each a set of positions whose last one is the sum (or the shown total) of the others.
    lines: list[list[tuple[int, int]]] = []
    height = len(grid)
    width = n_cols + (1 if row_totals else 0)
    if has_columns:
        lines += [[(i, j) for i in range(height)] for j in range(width)]
    if row_totals:
        lines += [[(i, j) for j in range(width)] for i in range(height)]
    totals = {(n_rows, j) for j in range(width)} if has_columns else set()
    totals |= {(i, n_cols) for i in range(height)} if row_totals else set()

    small = {(i, j) for i in range(height) for j in range(width) if is_small(grid[i][j])}
    hidden = set(small)
    while True:
        exposed = next((line for line in lines if len(line) > 1 and sum(p in hidden for p in line) == 1), None)
        if exposed is None:
            break
        candidates = [p for p in exposed if p not in hidden]
        # The smallest other number, a cell before a total, a count above zero before a zero.
        hidden.add(min(candidates, key=lambda p: (p in totals, grid[p[0]][p[1]] == 0, grid[p[0]][p[1]], p)))

    def figure(i: int, j: int) -> Figure:
        return _figure(grid[i][j], (i, j) in hidden, (i, j) in small)

    return Protected(
        cells=[[figure(i, j) for j in range(n_cols)] for i in range(n_rows)],
        column_totals=[figure(n_rows, j) for j in range(n_cols)] if has_columns else [],
        row_totals=[figure(i, n_cols) for i in range(n_rows)] if row_totals else [],
        total=figure(n_rows, n_cols) if has_columns and row_totals else None,
    )


def protect_breakdown(counts: Sequence[int], total: int | None = None) -> tuple[list[Figure], Figure]:
    """One column of counts and its total (the sum, unless `total` is given), as they may be shown."""
    table = protect([[n] for n in counts], column_totals=True if total is None else [total])
    if not counts:
        return [], _figure(total or 0, is_small(total or 0), True)
    return [row[0] for row in table.cells], table.column_totals[0]


# ---- pages that leave no trace ---------------------------------------------------------------------------------

NO_STORE = "no-store"

Response = TypeVar("Response", bound=HttpResponseBase)


def keep_nothing(response: Response) -> Response:
    """Ask browsers, proxies and search engines to keep nothing of this page (a taboo theme, a conversation, a
    survey answer): `no-store` and `noindex`. The public page cache sees the `no-store` and keeps nothing either."""
    response["Cache-Control"] = NO_STORE
    response["X-Robots-Tag"] = "noindex, nofollow, noarchive"
    return response


def keeps_nothing(response: HttpResponseBase) -> bool:
    return NO_STORE in response.get("Cache-Control", "")
