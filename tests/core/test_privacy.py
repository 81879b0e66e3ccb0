"""The small-number rule for tables: "<5" for 1 to 4, and no hidden number can be worked out by subtraction."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from samenspel.core.privacy import HIDDEN, SMALL, Protected, protect, protect_breakdown


def _texts(table: Protected) -> list[list[str]]:
    return [[str(f) for f in row] for row in table.cells]


def test_one_small_cell_next_to_a_shown_total_takes_its_smallest_neighbour_with_it() -> None:
    # "POH-GGZ 8, Wijkteam 2, total 10": showing 8 and 10 would give Wijkteam away.
    cells, total = protect_breakdown([8, 2, 30])
    assert [str(c) for c in cells] == [str(HIDDEN), SMALL, "30"]
    assert str(total) == "40"


def test_a_small_total_is_less_than_five_and_so_are_its_cells() -> None:
    cells, total = protect_breakdown([3, 0])
    assert [str(c) for c in cells] == [SMALL, "0"]
    assert str(total) == SMALL


def test_two_small_cells_in_a_column_need_nothing_more() -> None:
    cells, total = protect_breakdown([2, 3, 9])
    assert [str(c) for c in cells] == [SMALL, SMALL, "9"]
    assert str(total) == "14"


def test_a_two_way_table_hides_in_rows_and_columns() -> None:
    table = protect([[2, 8, 7], [9, 6, 12]], column_totals=True, row_totals=True)
    # Row 0 and column 0 each need a second hidden number; a cell is chosen, never a total when a cell will do.
    assert _texts(table)[0][0] == SMALL
    for line in _lines(table):
        assert sum(f.hidden for f in line) != 1


def _lines(table: Protected) -> list[list]:  # type: ignore[type-arg]
    rows = table.cells
    lines = []
    if table.column_totals:
        lines += [[row[j] for row in rows] + [table.column_totals[j]] for j in range(len(table.column_totals))]
        if table.row_totals and table.total is not None:
            lines.append([*table.row_totals, table.total])
    if table.row_totals:
        lines += [[*row, table.row_totals[i]] for i, row in enumerate(rows)]
        if table.column_totals and table.total is not None:
            lines.append([*table.column_totals, table.total])
    return lines


tables = st.integers(1, 6).flatmap(
    lambda width: st.lists(st.lists(st.integers(0, 30), min_size=width, max_size=width), min_size=1, max_size=8)
)


@settings(max_examples=300, deadline=None)
@given(tables, st.booleans(), st.booleans())
def test_no_hidden_number_stands_alone_in_a_line_with_a_total(
    cells: list[list[int]], column_totals: bool, row_totals: bool
) -> None:
    table = protect(cells, column_totals=column_totals, row_totals=row_totals)
    every = [f for row in table.cells for f in row] + table.column_totals + table.row_totals
    every += [table.total] if table.total else []
    # Every 1 to 4 is "<5"; everything shown is the true number.
    for row, figures in zip(cells, table.cells, strict=True):
        for n, figure in zip(row, figures, strict=True):
            assert (figure.text == SMALL) == (1 <= n <= 4)
            assert figure.value in (None, n)
    assert all(f.hidden for f in every if f.text == SMALL)
    # No line (a row or column with its total) has exactly one hidden number: nothing can be subtracted out.
    for line in _lines(table):
        assert sum(f.hidden for f in line) != 1, line
    # Without any total, nothing else is hidden.
    if not column_totals and not row_totals:
        assert all(
            f.hidden == (1 <= n <= 4)
            for row, fs in zip(cells, table.cells, strict=True)
            for n, f in zip(row, fs, strict=True)
        )


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 30), min_size=1, max_size=10))
def test_a_breakdown_hides_at_most_one_number_that_is_not_small(counts: list[int]) -> None:
    cells, total = protect_breakdown(counts)
    extra = [c for c, n in zip(cells, counts, strict=True) if c.hidden and not 1 <= n <= 4]
    assert len(extra) <= 1, "the fewest further cells: one is always enough in a single column"
    assert (total.text == SMALL) == (1 <= sum(counts) <= 4)
