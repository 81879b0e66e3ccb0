"""Meeting recurrence: which dates a schedule falls on, in Europe/Amsterdam.

Kept free of Django models so it can be tested and reused (iCalendar export,
the group page) on its own. Times are wall-clock times: a group that meets at
19:30 meets at 19:30 in winter and in summer, so each occurrence is built
from its local date and time and only then given its UTC offset.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime
from collections.abc import Iterable, Iterator
from zoneinfo import ZoneInfo

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

# How far ahead we look for the next meeting before giving up; a schedule
# with nothing in the next two years is as good as finished.
HORIZON_DAYS = 2 * 366


class RuleKind(models.TextChoices):
    WEEKLY = "weekly", gettext_lazy("Every week")
    EVERY_N_WEEKS = "every_n_weeks", gettext_lazy("Every few weeks")
    MONTHLY_NTH_WEEKDAY = "monthly_nth_weekday", gettext_lazy("Monthly on a weekday (for example the first Tuesday)")
    MONTHLY_DATE = "monthly_date", gettext_lazy("Monthly on a date")
    DATES = "dates", gettext_lazy("On set dates")


@dataclasses.dataclass(frozen=True)
class Rule:
    kind: RuleKind
    start_time: datetime.time
    end_time: datetime.time
    valid_from: datetime.date
    valid_until: datetime.date | None = None
    weekdays: tuple[int, ...] = ()
    interval: int = 1
    nth: int | None = None
    day_of_month: int | None = None
    dates: tuple[datetime.date, ...] = ()

    def validate(self) -> None:
        """Raise ValueError with a message for the person filling in the form."""
        if self.valid_until is not None and self.valid_until < self.valid_from:
            raise ValueError(_("The schedule ends before it starts."))
        if self.end_time <= self.start_time:
            raise ValueError(_("The meeting ends before it starts."))
        if any(not 0 <= d <= 6 for d in self.weekdays):
            raise ValueError(_("A weekday is a number from 0 (Monday) to 6 (Sunday)."))
        if self.kind in (RuleKind.WEEKLY, RuleKind.EVERY_N_WEEKS) and not self.weekdays:
            raise ValueError(_("Choose at least one day of the week."))
        if self.kind == RuleKind.EVERY_N_WEEKS and not 1 <= self.interval <= 12:
            raise ValueError(_("Choose every 1 to 12 weeks."))
        if self.kind == RuleKind.MONTHLY_NTH_WEEKDAY:
            if len(self.weekdays) != 1:
                raise ValueError(_("Choose exactly one day of the week."))
            if self.nth not in (1, 2, 3, 4, -1):
                raise ValueError(_("Choose the first, second, third, fourth or last week of the month."))
        if self.kind == RuleKind.MONTHLY_DATE and not (self.day_of_month and 1 <= self.day_of_month <= 31):
            raise ValueError(_("Choose a day of the month from 1 to 31."))
        if self.kind == RuleKind.DATES and not self.dates:
            raise ValueError(_("Add at least one date."))

    def matches(self, day: datetime.date) -> bool:
        if day < self.valid_from or (self.valid_until is not None and day > self.valid_until):
            return False
        if self.kind == RuleKind.WEEKLY:
            return day.weekday() in self.weekdays
        if self.kind == RuleKind.EVERY_N_WEEKS:
            anchor = self.valid_from - datetime.timedelta(days=self.valid_from.weekday())
            weeks = (day - anchor).days // 7
            return day.weekday() in self.weekdays and weeks % self.interval == 0
        if self.kind == RuleKind.MONTHLY_NTH_WEEKDAY:
            if day.weekday() != self.weekdays[0]:
                return False
            if self.nth == -1:
                return day.day + 7 > calendar.monthrange(day.year, day.month)[1]
            return (day.day - 1) // 7 + 1 == self.nth
        if self.kind == RuleKind.MONTHLY_DATE:
            # A month without that date (31 in April) has no meeting.
            return day.day == self.day_of_month
        return day in self.dates


def local_datetime(day: datetime.date, time: datetime.time) -> datetime.datetime:
    return datetime.datetime.combine(day, time, tzinfo=AMSTERDAM)


def occurrences(
    rule: Rule, *, after: datetime.datetime, skip: Iterable[datetime.date] = ()
) -> Iterator[tuple[datetime.datetime, datetime.datetime]]:
    """Yield (start, end) of each meeting that starts at or after `after`, in order.

    `skip` holds cancelled dates. The iterator stops at the rule's end date or
    two years ahead, whichever comes first.
    """
    skipped = set(skip)
    if after.tzinfo is None:
        after = after.replace(tzinfo=AMSTERDAM)
    first = max(rule.valid_from, after.astimezone(AMSTERDAM).date())
    last = first + datetime.timedelta(days=HORIZON_DAYS)
    if rule.valid_until is not None:
        last = min(last, rule.valid_until)

    if rule.kind == RuleKind.DATES:
        candidates: Iterable[datetime.date] = sorted(d for d in set(rule.dates) if first <= d <= last)
    else:
        candidates = (first + datetime.timedelta(days=i) for i in range((last - first).days + 1))

    for day in candidates:
        if day in skipped or not rule.matches(day):
            continue
        start = local_datetime(day, rule.start_time)
        if start < after:
            continue
        yield start, local_datetime(day, rule.end_time)
