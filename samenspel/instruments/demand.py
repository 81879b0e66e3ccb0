"""Demand without surveillance: counts of searches by recognised theme, two-digit postcode area and language (and
whether anything was found), and of citizens' questions per group and month, added to at the moment they happen.

The finder sends `directory.signals.search_done` once per search (the first results page; a page the public cache
serves again within its few minutes is not counted again); a question is counted when it is saved. Neither the
words typed nor the address, the visitor, a session or the question's text reach these tables.
"""

from __future__ import annotations

import atexit
import datetime
import threading
import time
from collections import Counter
from typing import Any

from django.conf import settings
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


def _add(model: Any, where: dict[str, Any], by: int = 1) -> None:
    if not model.objects.filter(**where).update(count=F("count") + by):
        model.objects.create(**where, count=by)


# Searches are counted in the process first and written together: a search then costs a dictionary update, not
# two statements and a commit on a row every search of that day and area waits for (bench/demand_counter.py).
# A crash loses at most DEMAND_FLUSH_SECONDS of counts; a process that ends normally writes what is left.
_pending: Counter[tuple[Any, ...]] = Counter()
_pending_lock = threading.Lock()
_last_flush = time.monotonic()


def count_search(sender: object, *, results: Any, language: str, **kwargs: Any) -> None:
    """Receiver of `search_done`: one added to each recognised theme of the search."""
    global _last_flush
    origin = results.origin
    day = timezone.localdate()
    pc2 = origin.pc4[:2] if origin is not None and origin.pc4 else ""
    found = results.total > 0
    themes = [theme.pk for theme in results.query.themes] or [None]
    with _pending_lock:
        for theme in themes:
            _pending[(day, pc2, language[:8], found, theme)] += 1
        due = time.monotonic() - _last_flush >= settings.DEMAND_FLUSH_SECONDS
    if due:
        flush_searches()


def flush_searches() -> int:
    """Write the searches counted in this process since the last time; returns how many rows were touched."""
    global _last_flush
    with _pending_lock:
        counts = dict(_pending)
        _pending.clear()
        _last_flush = time.monotonic()
    if not counts:
        return 0
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                # A count may be lost in a crash; nobody waits for the disk for it.
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL synchronous_commit TO OFF")
            for (day, pc2, language, found, theme), by in sorted(counts.items(), key=repr):
                _add(DemandCount, {"day": day, "pc2": pc2, "language": language, "found": found, "theme_id": theme}, by)
    except Exception:
        with _pending_lock:  # not written: keep them for the next time
            _pending.update(counts)
        raise
    return len(counts)


atexit.register(lambda: _pending and flush_searches())


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
