"""A course run as iCalendar: one event per session, for the confirmation mail and the participant's download."""

from __future__ import annotations

import icalendar
from django.utils import timezone

from samenspel.directory.ical import finish_calendar, new_calendar
from samenspel.learning.models import CourseRun


def run_calendar(run: CourseRun, *, url: str = "") -> bytes:
    cal = new_calendar(run.heading())
    add_run_events(cal, run, url=url)
    return finish_calendar(cal)


def add_run_events(cal: icalendar.Calendar, run: CourseRun, *, url: str = "") -> None:
    """One event per session of the run, put into `cal` (a run's own calendar, or the training calendar)."""
    stamp = timezone.now()
    where = run.where()
    for session in run.sessions.select_related("template_session").order_by("number"):
        event = icalendar.Event()
        event.add("uid", f"{run.uuid}-{session.number}@samenspel")
        event.add("dtstamp", stamp)
        event.add("summary", f"{run.heading()}: {session.number}. {session.heading()}")
        event.add("dtstart", timezone.localtime(session.starts_at))
        event.add("dtend", timezone.localtime(session.ends_at))
        if where:
            event.add("location", where)
        if url:
            event.add("url", url)
            event.add("description", url)
        cal.add_component(event)


def run_calendar_attachment(run: CourseRun, *, url: str = "") -> tuple[str, str, str]:
    return ("course.ics", "text/calendar", run_calendar(run, url=url).decode())
