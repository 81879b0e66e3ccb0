"""The anonymous participant survey (seed 002:3752-4184): its report tables, as they may be shown.

Every table is a breakdown with its total: counts of 1 to 4 are "<5", and one more cell is hidden where the total
would give a "<5" away (core/privacy.py); a hidden count's percentage is hidden with it.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Sequence

from django.db.models import QuerySet
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from samenspel.core.privacy import Figure, protect_breakdown
from samenspel.instruments.models import AgeBand, Brings, Condition, Route, SurveyAnswer

RATINGS = tuple(range(-3, 4))


@dataclasses.dataclass(frozen=True)
class Line:
    label: str
    count: Figure
    percent: str  # "" when the count is hidden


@dataclasses.dataclass(frozen=True)
class Table:
    title: str
    lines: list[Line]
    total: Figure
    note: str = ""


def rating_label(value: int) -> str:
    return f"+{value}" if value > 0 else str(value)


def percentage(count: int, total: int) -> str:
    return number_format(round(100 * count / total, 1), 1) if total else ""


def table(title: str, labels: Sequence[str], counts: Sequence[int], note: str = "") -> Table:
    figures, total_figure = protect_breakdown(list(counts))
    total = sum(counts)
    lines = [
        Line(label, figure, "" if figure.hidden else percentage(count, total))
        for label, figure, count in zip(labels, figures, counts, strict=True)
    ]
    return Table(str(title), lines, total_figure, str(note))


def rating_table(title: str, values: Iterable[int | None]) -> Table:
    counted = Counter(v for v in values if v is not None)
    return table(title, [rating_label(v) for v in RATINGS], [counted.get(v, 0) for v in RATINGS])


def choice_table(
    title: str, choices: type[Route] | type[Brings] | type[Condition], ticked: Iterable[list[str]], note: str = ""
) -> Table:
    counted = Counter(value for values in ticked for value in values)
    return table(title, [str(label) for label in choices.labels], [counted.get(v, 0) for v in choices.values], note)


def report(answers: QuerySet[SurveyAnswer]) -> list[Table]:
    rows = list(answers.values("routes", "self_help", "formal_help", "brings", "conditions", "age_band"))
    ages = Counter(row["age_band"] for row in rows if row["age_band"])
    return [
        rating_table(_("Rating of self-help (from -3, very bad, to +3, very good)"), (r["self_help"] for r in rows)),
        rating_table(_("Rating of formal help (from -3 to +3)"), (r["formal_help"] for r in rows)),
        choice_table(
            _("How people found the group"),
            Route,
            (r["routes"] for r in rows),
            _("More than one answer was possible: the percentages are of all answers."),
        ),
        choice_table(
            _("What the group brings"),
            Brings,
            (r["brings"] for r in rows),
            _("More than one answer was possible: the percentages are of all answers."),
        ),
        choice_table(
            _("What the group has (the conditions participants name)"),
            Condition,
            (r["conditions"] for r in rows),
            _("More than one answer was possible: the percentages are of all answers."),
        ),
        table(_("Age"), [str(label) for label in AgeBand.labels], [ages.get(v, 0) for v in AgeBand.values]),
    ]
