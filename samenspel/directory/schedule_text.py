"""A schedule in plain words: "every first Tuesday of the month, 19:30-21:30".

Uses the active language (gettext), so call it inside translation.override()
to describe a schedule in another language.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.utils.dates import WEEKDAYS
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samenspel.directory.models import Schedule
from samenspel.directory.recurrence import Rule, RuleKind

# A stored schedule or a rule not stored yet (an import shows what it read before it writes): both have the
# fields these functions read.
Described = Schedule | Rule


def join_words(words: Sequence[str]) -> str:
    """'Monday', 'Monday and Thursday', 'Monday, Wednesday and Friday'."""
    if not words:
        return ""
    if len(words) == 1:
        return words[0]
    return _("%(first)s and %(last)s") % {"first": ", ".join(words[:-1]), "last": words[-1]}


def time_range(start: datetime.time, end: datetime.time) -> str:
    # Left-to-right isolate: in Arabic or Farsi text the bidi algorithm would otherwise
    # show "21:00-19:30". The isolate marks are invisible.
    return f"\u2066{start:%H:%M}-{end:%H:%M}\u2069"


def _weekdays(schedule: Described) -> str:
    return join_words([str(WEEKDAYS[int(d)]) for d in sorted(set(schedule.weekdays or ()))])


def _nth_weekday(nth: int | None, day: str) -> str:
    # Whole sentences per position: ordinals agree with the day's gender in many languages.
    texts = {
        1: _("every first %(day)s of the month"),
        2: _("every second %(day)s of the month"),
        3: _("every third %(day)s of the month"),
        4: _("every fourth %(day)s of the month"),
        -1: _("every last %(day)s of the month"),
    }
    return texts.get(nth or 1, texts[1]) % {"day": day}


def describe_rhythm(schedule: Described) -> str:
    """The rhythm without the times: "every Tuesday", "every 2 weeks on Monday"."""
    kind = schedule.kind
    if kind == RuleKind.WEEKLY:
        return _("every %(days)s") % {"days": _weekdays(schedule)}
    if kind == RuleKind.EVERY_N_WEEKS:
        interval = schedule.interval or 1
        return ngettext("every week on %(days)s", "every %(count)d weeks on %(days)s", interval) % {
            "count": interval,
            "days": _weekdays(schedule),
        }
    if kind == RuleKind.MONTHLY_NTH_WEEKDAY:
        return _nth_weekday(schedule.nth, _weekdays(schedule))
    if kind == RuleKind.MONTHLY_DATE:
        return _("every month on day %(day)d") % {"day": schedule.day_of_month or 1}
    dates = sorted(datetime.date.fromisoformat(str(d)) for d in schedule.dates or ())
    return _("on %(dates)s") % {"dates": join_words([date_format(d, "j F Y") for d in dates])}


def describe_schedule(schedule: Described) -> str:
    """The rhythm and the times, and the end date if there is one."""
    text = _("%(rhythm)s, %(times)s") % {
        "rhythm": describe_rhythm(schedule),
        "times": time_range(schedule.start_time, schedule.end_time),
    }
    if schedule.valid_until and schedule.kind != RuleKind.DATES:
        text = _("%(text)s, until %(date)s") % {"text": text, "date": date_format(schedule.valid_until, "j F Y")}
    return text


def describe_rule(rule: Rule) -> str:
    """A rule in words, as describe_schedule says a stored schedule: "every Tuesday, 19:30-21:30"."""
    return describe_schedule(rule)
