"""Schedules as iCalendar: one VEVENT per schedule, recurrence as an RRULE.

Free of request handling so the per-region feeds can reuse it: build events
with `schedule_events()` and put them in any calendar made by
`new_calendar()`; `finish_calendar()` adds the time zone definitions.

The mapping follows directory.recurrence exactly (tests expand the RRULE and
compare with Group.next_meetings):
  weekly               FREQ=WEEKLY;BYDAY=MO,TH
  every N weeks        FREQ=WEEKLY;INTERVAL=N;BYDAY=..;WKST=MO (weeks counted from valid_from's week,
                       and DTSTART is the first meeting, which lies in a counted week)
  monthly Nth weekday  FREQ=MONTHLY;BYDAY=1TU / -1FR
  monthly date         FREQ=MONTHLY;BYMONTHDAY=31 (months without that day are skipped, as in recurrence)
  set dates            one VEVENT per date (RDATE is badly supported by common calendar apps)
Cancellations become EXDATEs; valid_until becomes UNTIL (in UTC, as RFC 5545 wants with a TZID).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import icalendar
from django.utils import timezone

from samenspel.directory.disclosure import public_place
from samenspel.directory.models import Group, Schedule
from samenspel.directory.recurrence import RuleKind, local_datetime, occurrences

ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
PRODID = "-//Samenspel//Social map of peer support//NL"


def new_calendar(name: str) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    return cal


def amsterdam_vtimezone() -> icalendar.Timezone:
    """Europe/Amsterdam as two yearly rules (EU summer time since 1996).

    Smaller than the generated list of transitions and valid after 2038.
    """
    tz = icalendar.Timezone()
    tz.add("tzid", "Europe/Amsterdam")
    for kind, name, offset_from, offset_to, start, month in (
        (icalendar.TimezoneDaylight, "CEST", 1, 2, datetime.datetime(1981, 3, 29, 2, 0), 3),
        (icalendar.TimezoneStandard, "CET", 2, 1, datetime.datetime(1996, 10, 27, 3, 0), 10),
    ):
        part = kind()
        part.add("tzname", name)
        part.add("tzoffsetfrom", datetime.timedelta(hours=offset_from))
        part.add("tzoffsetto", datetime.timedelta(hours=offset_to))
        part.add("dtstart", start)
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1SU"})
        tz.add_component(part)
    return tz


def finish_calendar(cal: icalendar.Calendar) -> bytes:
    """Add the VTIMEZONE definitions the events use (before the events) and serialise."""
    cal.subcomponents.insert(0, amsterdam_vtimezone())
    cal.add_missing_timezones()  # any other zone an event might use
    return cal.to_ical()


def recurrence_rule(schedule: Schedule) -> dict[str, object] | None:
    """The RRULE as a dict for icalendar's vRecur, or None for a list of set dates."""
    kind = schedule.kind
    days = [ICAL_DAYS[int(d)] for d in sorted(set(schedule.weekdays or ()))]
    rule: dict[str, object]
    if kind == RuleKind.WEEKLY:
        rule = {"freq": "weekly", "byday": days}
    elif kind == RuleKind.EVERY_N_WEEKS:
        rule = {"freq": "weekly", "interval": schedule.interval or 1, "byday": days, "wkst": "MO"}
    elif kind == RuleKind.MONTHLY_NTH_WEEKDAY:
        rule = {"freq": "monthly", "byday": [f"{schedule.nth}{days[0]}"]}
    elif kind == RuleKind.MONTHLY_DATE:
        rule = {"freq": "monthly", "bymonthday": [schedule.day_of_month]}
    else:
        return None
    if schedule.valid_until is not None:
        last = local_datetime(schedule.valid_until, schedule.start_time)
        rule["until"] = last.astimezone(datetime.UTC)
    return rule


def first_start(schedule: Schedule) -> datetime.datetime | None:
    """The first meeting of the rule, cancelled or not: the DTSTART of the series."""
    rule = schedule.rule()
    after = local_datetime(rule.valid_from, datetime.time(0, 0))
    for start, _end in occurrences(rule, after=after):
        return start
    return None


def _event(
    group: Group, schedule: Schedule, uid: str, start: datetime.datetime, stamp: datetime.datetime, url: str
) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("summary", group.name)
    event.add("dtstart", start)
    event.add("dtend", local_datetime(start.date(), schedule.end_time))
    # Only the public label: an area-only or on-request address never leaves through a feed.
    event.add("location", public_place(group.location).label)
    description = "\n\n".join(p for p in (schedule.note, url) if p)
    if description:
        event.add("description", description)
    if url:
        event.add("url", url)
    event.add("transp", "OPAQUE")
    return event


def schedule_events(
    group: Group,
    schedule: Schedule,
    *,
    url: str = "",
    uid_domain: str = "samenspel",
    stamp: datetime.datetime | None = None,
) -> Iterator[icalendar.Event]:
    dtstamp = stamp or timezone.now()
    base_uid = f"{group.uuid}-schedule-{schedule.pk}"
    cancelled = {c.date for c in schedule.cancellations.all()}
    rrule = recurrence_rule(schedule)
    if rrule is None:
        for day in sorted({datetime.date.fromisoformat(str(d)) for d in schedule.dates or ()}):
            if day in cancelled:
                continue
            start = local_datetime(day, schedule.start_time)
            yield _event(group, schedule, f"{base_uid}-{day:%Y%m%d}@{uid_domain}", start, dtstamp, url)
        return
    first = first_start(schedule)
    if first is None:
        return
    event = _event(group, schedule, f"{base_uid}@{uid_domain}", first, dtstamp, url)
    event.add("rrule", rrule)
    rule = schedule.rule()
    exdates = [local_datetime(day, schedule.start_time) for day in sorted(cancelled) if rule.matches(day)]
    if exdates:
        event.add("exdate", exdates)
    yield event


def group_calendar(group: Group, *, url: str = "", uid_domain: str = "samenspel") -> bytes:
    cal = new_calendar(group.name)
    stamp = timezone.now()
    for schedule in group.schedules.all():
        for event in schedule_events(group, schedule, url=url, uid_domain=uid_domain, stamp=stamp):
            cal.add_component(event)
    return finish_calendar(cal)
