"""Demand without surveillance: counts of searches by recognised theme, two-digit postcode area and language (and
whether anything was found), and of citizens' questions per group and month, added to at the moment they happen.

The finder sends `directory.signals.search_done` once per search (the first results page; a page the public cache
serves again within its few minutes is not counted again); a question is counted when it is saved. Neither the
words typed nor the address, the visitor, a session or the question's text reach these tables.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import connection, transaction
from django.db.models import F, Sum
from django.utils import timezone

from samenspel.core.privacy import shown
from samenspel.directory import postcodes
from samenspel.directory.models import Theme
from samenspel.instruments.models import DemandCount, QuestionCount

# Below this many searches in the period, a top list says there is not enough data yet.
ENOUGH_SEARCHES = 20
TOP = 10


def _add(model: Any, where: dict[str, Any]) -> None:
    if not model.objects.filter(**where).update(count=F("count") + 1):
        model.objects.create(**where, count=1)


def count_search(sender: object, *, results: Any, language: str, **kwargs: Any) -> None:
    """Receiver of `search_done`: one added to each recognised theme of the search."""
    origin = results.origin
    where = {
        "day": timezone.localdate(),
        "pc2": origin.pc4[:2] if origin is not None and origin.pc4 else "",
        "language": language[:8],
        "found": results.total > 0,
    }
    themes = list(results.query.themes) or [None]
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # A count may be lost in a crash; a search must not wait for the disk (bench/demand_counter.py).
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
        for theme in themes:
            _add(DemandCount, {**where, "theme": theme})


def count_question(sender: object, *, instance: Any, created: bool, raw: bool = False, **kwargs: Any) -> None:
    """Receiver of the question's post_save: one added to its group's month."""
    if not created or raw:
        return
    group = instance.group
    _add(
        QuestionCount,
        {"month": timezone.localdate().replace(day=1), "group": group, "support_point_id": group.support_point_id},
    )


def municipality_areas(municipality: str) -> set[str]:
    """The two-digit postcode areas with a PC4 in this municipality (an area may reach into its neighbours)."""
    return {pc4[:2] for pc4 in postcodes.pc4s_of(municipality)}


def top_themes(
    municipality: str, *, since: datetime.date, until: datetime.date | None = None
) -> list[tuple[Theme, str]] | None:
    """The themes searched for most from the municipality's postcode areas, or None when there is not enough data."""
    rows = DemandCount.objects.filter(pc2__in=municipality_areas(municipality), day__gte=since)
    if until is not None:
        rows = rows.filter(day__lte=until)
    if (rows.aggregate(n=Sum("count"))["n"] or 0) < ENOUGH_SEARCHES:
        return None
    per_theme = list(rows.exclude(theme=None).values("theme").annotate(n=Sum("count")).order_by("-n", "theme")[:TOP])
    themes = Theme.objects.in_bulk([row["theme"] for row in per_theme])
    # No total is shown (a search for two themes counts under each), so each count stands alone: "<5" below five.
    return [(themes[row["theme"]], shown(row["n"])) for row in per_theme]
