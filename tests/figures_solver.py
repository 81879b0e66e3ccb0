"""A reader with a pencil: what can be worked out from a figures page by subtraction.

Reads every table of a page (its body rows and its total row) and, for each column with a shown total, finds the
columns with exactly one hidden number: that number is the total minus the others, so it leaks.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

HIDDEN_TEXTS = {"<5", "hidden", "verborgen"}


@dataclass(frozen=True)
class Leak:
    table: int
    column: int
    row: str
    value: int


def _cells(row_html: str) -> tuple[str, list[str]]:
    label = re.search(r"<th[^>]*>(.*?)</th>", row_html, re.S)
    cells = [
        html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row_html, re.S)
    ]
    return (html.unescape(label.group(1)) if label else ""), cells


def tables(body: str) -> list[tuple[list[tuple[str, list[str]]], list[str] | None]]:
    """Each table with a total row: ([(row label, cells)], the total row's cells)."""
    found = []
    for table in re.findall(r"<table.*?</table>", body, re.S):
        tbody = re.search(r"<tbody>(.*?)</tbody>", table, re.S)
        tfoot = re.search(r"<tfoot>(.*?)</tfoot>", table, re.S)
        rows = [_cells(r) for r in re.findall(r"<tr>(.*?)</tr>", tbody.group(1), re.S)] if tbody else []
        total = _cells(tfoot.group(1))[1] if tfoot else None
        found.append((rows, total))
    return found


def leaks(body: str, totals_elsewhere: list[str] | None = None) -> list[Leak]:
    """The hidden numbers a reader can compute from a page's tables.

    `totals_elsewhere`: the column totals as the page shows them outside a table (above it, in a sentence), for
    the tables without a total row.
    """
    found = []
    for t, (rows, total) in enumerate(tables(body)):
        total = total or totals_elsewhere
        if total is None:
            continue
        for j, total_text in enumerate(total):
            if not total_text.isdigit():
                continue
            column = [(label, cells[j]) for label, cells in rows if j < len(cells)]
            hidden = [(label, text) for label, text in column if text in HIDDEN_TEXTS]
            if len(hidden) == 1:
                rest = sum(int(text) for _label, text in column if text.isdigit())
                found.append(Leak(t, j, hidden[0][0], int(total_text) - rest))
    return found


def hidden_count(body: str) -> int:
    return sum(text in HIDDEN_TEXTS for rows, _total in tables(body) for _label, cells in rows for text in cells)
