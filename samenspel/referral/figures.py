"""Referral figures: slips and warm handovers by month, professional role, theme, municipality and place.

One computation for every page that shows them: the support point's figures and the municipality's. Only sums
of ReferralCount rows, which hold no person; each breakdown is a table with the totals, protected by the one
small-number rule (samenspel.core.privacy.protect): 1 to 4 is "<5", and no hidden number can be worked out by
subtracting the others from the total.

A group's municipality and place come from its location's postcode (samenspel.directory.postcodes), so the
figures follow the real municipality, not whatever place name was typed with the address.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet, Sum
from django.db.models.functions import Substr
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from samenspel.core.figures import FigureTable
from samenspel.core.privacy import Figure, protect
from samenspel.directory.models import Theme
from samenspel.directory.postcodes import municipality_of, place_of
from samenspel.referral.models import CountKind, ProfessionalRole, ReferralCount


@dataclass(frozen=True)
class Row:
    label: str
    slips: Figure
    handovers: Figure


@dataclass(frozen=True)
class Figures:
    totals: Row
    by_month: list[Row]
    by_role: list[Row]
    by_theme: list[Row]
    by_municipality: list[Row]
    by_place: list[Row]


_Sums = dict[Any, dict[str, int]]


def _sums(rows: Iterable[dict[str, Any]], key: Callable[[dict[str, Any]], Any]) -> _Sums:
    sums: _Sums = defaultdict(lambda: {CountKind.SLIP: 0, CountKind.HANDOVER: 0})
    for row in rows:
        sums[key(row)][row["kind"]] += row["n"]
    return sums


_KINDS = (CountKind.SLIP, CountKind.HANDOVER)


def _labelled(sums: _Sums, label: Callable[[Any], str], unknown: str) -> list[tuple[str, dict[str, int]]]:
    """Rows in alphabetical order of their label; the row without a value ("online or unknown") last."""
    named = sorted(((label(value), n) for value, n in sums.items() if value), key=lambda item: item[0].casefold())
    if None in sums or "" in sums:
        named.append((unknown, sums.get(None) or sums[""]))
    return named


def _protected(rows: list[tuple[str, dict[str, int]]], totals: dict[str, int]) -> list[Row]:
    """The rows of one breakdown, protected together with the totals the page shows above them."""
    table = protect([[n[kind] for kind in _KINDS] for _label, n in rows], column_totals=[totals[k] for k in _KINDS])
    return [Row(label, *cells) for (label, _n), cells in zip(rows, table.cells, strict=True)]


def referral_figures(counts: QuerySet[ReferralCount]) -> Figures:
    """The figures over `counts` (already narrowed to a support point's or a municipality's groups).

    Five queries, whatever the number of groups or months: one per breakdown, one for theme labels.
    """

    def grouped(*fields: str, **expressions: Any) -> Any:
        return counts.annotate(**expressions).values(*fields, *expressions, "kind").annotate(n=Sum("count")).order_by()

    by_month = _sums(grouped("month"), lambda row: row["month"])
    totals: dict[str, int] = {CountKind.SLIP: 0, CountKind.HANDOVER: 0}
    for n in by_month.values():
        for kind in totals:
            totals[kind] += n[kind]
    by_role = _sums(grouped("role"), lambda row: row["role"])
    by_theme = _sums(grouped("group__themes"), lambda row: row["group__themes"])
    themes = {t.pk: t.label for t in Theme.objects.filter(pk__in=[pk for pk in by_theme if pk is not None])}
    # One query by PC4 gives both the municipality and the place; a PC4 holds many postcodes, so this stays small.
    by_pc4 = list(grouped(pc4=Substr("group__location__postcode", 1, 4)))
    roles = dict(ProfessionalRole.choices)
    unknown = _("online or unknown")
    months = [(date_format(month, "YEAR_MONTH_FORMAT"), n) for month, n in sorted(by_month.items())]
    total_row = protect([[totals[k] for k in _KINDS]], column_totals=False).cells[0]
    return Figures(
        totals=Row("", *total_row),
        by_month=_protected(months, totals),
        by_role=_protected(_labelled(by_role, lambda r: str(roles.get(r, r)), unknown), totals),
        by_theme=_protected(_labelled(by_theme, lambda pk: themes.get(pk, str(pk)), _("no theme")), totals),
        by_municipality=_protected(
            _labelled(_sums(by_pc4, lambda row: municipality_of(row["pc4"])), str, unknown), totals
        ),
        by_place=_protected(_labelled(_sums(by_pc4, lambda row: place_of(row["pc4"])), str, unknown), totals),
    )


def figure_tables(figures: Figures, *, areas: list[Row], areas_title: str, areas_key: str) -> list[FigureTable]:
    """The figures as the tables a page, its chart, its CSV and its PDF show (samenspel.core.figures)."""
    columns = [_("Slips"), _("Warm handovers")]
    totals = [figures.totals.slips, figures.totals.handovers]

    def table(key: str, title: str, rows: list[Row], note: str = "") -> FigureTable:
        return FigureTable(
            key, title, columns, [(row.label, [row.slips, row.handovers]) for row in rows], totals, note=note
        )

    return [
        table("by-month", _("By month"), figures.by_month),
        table("by-role", _("By professional role"), figures.by_role),
        table(
            "by-theme",
            _("By theme"),
            figures.by_theme,
            _(
                "A group with more than one theme counts for each of its themes, so these rows can add up to more than the total."
            ),
        ),
        table(areas_key, areas_title, areas),
    ]
