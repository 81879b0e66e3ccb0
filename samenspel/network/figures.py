"""The support point's year figures of its key persons' work: contacts and referral steps, only as counts.

Every number goes through core.privacy (1 to 4 shown as "<5", with complementary suppression against the total),
and every table through core.figures, so the page, the CSV and the PDF show the same.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from samenspel.core.figures import FigureTable
from samenspel.core.privacy import protect_breakdown
from samenspel.directory.models import Language, Organisation, Theme
from samenspel.network.models import ContactEntry, ContactFunction, JourneyStep, JourneyStepDone, MetVia

MANY_NOTE = "several"


def _table(
    key: str,
    title: str,
    column: str,
    counts: Counter[Hashable],
    label: Callable[[Hashable], str],
    total: int,
    note: str = "",
) -> FigureTable:
    ordered = sorted(counts.items(), key=lambda item: (-item[1], label(item[0])))
    cells, shown_total = protect_breakdown([n for _key, n in ordered], total)
    rows = [(label(key_), [cell]) for (key_, _n), cell in zip(ordered, cells, strict=True)]
    return FigureTable(key, title, [column], rows, [shown_total] if rows else None, note=note)


def _names(model: type[Theme] | type[Language], pks: Iterable[Hashable]) -> dict[Hashable, str]:
    found = model.objects.filter(pk__in=[pk for pk in pks if pk is not None])
    return {obj.pk: (obj.label if isinstance(obj, Theme) else obj.name) for obj in found}


def contact_tables(support_point: Organisation, year: int) -> list[FigureTable]:
    entries = list(
        ContactEntry.objects.for_support_point(support_point)
        .filter(day__year=year)
        .values("pk", "day", "language", "met_via", "functions")
    )
    total = len(entries)
    theme_rows = ContactEntry.themes.through.objects.filter(contactentry__in=[e["pk"] for e in entries]).values_list(
        "theme", flat=True
    )
    by_month: Counter[Hashable] = Counter(e["day"].replace(day=1) for e in entries)
    by_function: Counter[Hashable] = Counter(f for e in entries for f in e["functions"])
    by_theme: Counter[Hashable] = Counter(theme_rows)
    by_language: Counter[Hashable] = Counter(e["language"] for e in entries)
    by_way: Counter[Hashable] = Counter(e["met_via"] for e in entries)
    themes = _names(Theme, by_theme)
    languages = _names(Language, by_language)
    functions, ways = dict(ContactFunction.choices), dict(MetVia.choices)
    column = _("Contacts")
    several = _("One contact can count in more than one row, so these rows can add up to more than the total.")
    return [
        _table(
            "by-month",
            _("Contacts by month"),
            column,
            by_month,
            lambda m: date_format(m, "YEAR_MONTH_FORMAT"),  # type: ignore[arg-type]
            total,
        ),
        _table(
            "by-function",
            _("What followed"),
            column,
            by_function,
            lambda f: str(functions.get(str(f), f)),
            total,
            several,
        ),
        _table("by-theme", _("By theme"), column, by_theme, lambda pk: themes.get(pk, _("no theme")), total, several),
        _table(
            "by-language", _("By language"), column, by_language, lambda pk: languages.get(pk, _("not noted")), total
        ),
        _table("by-way", _("How they met"), column, by_way, lambda w: str(ways.get(str(w), w)), total),
    ]


def journey_table(support_point: Organisation, year: int) -> FigureTable:
    steps = Counter[Hashable](
        JourneyStepDone.objects.filter(journey__support_point=support_point, day__year=year).values_list(
            "step", flat=True
        )
    )
    names = dict(JourneyStep.choices)
    order = {value: i for i, value in enumerate(names)}
    ordered = sorted(steps.items(), key=lambda item: order.get(str(item[0]), 99))
    cells, _total = protect_breakdown([n for _k, n in ordered])
    rows = [(str(names.get(str(step), step)), [cell]) for (step, _n), cell in zip(ordered, cells, strict=True)]
    return FigureTable(
        "by-step",
        _("Referral steps taken"),
        [_("Steps")],
        rows,
        note=_("Each step counts once each time it is taken."),
    )
