"""A course run as iCalendar: one event per session, for the confirmation mail and the participant's download."""

from __future__ import annotations

import icalendar
from django.utils import timezone

from samenspel.directory.ical import finish_calendar, new_calendar
from samenspel.learning.models import CourseRun, RunSession, RunStatus


def run_calendar(run: CourseRun, *, url: str = "", method: str = "", only: RunSession | None = None) -> bytes:
    """The run's sessions as a calendar. With `method` (REQUEST or CANCEL, for a mail) the calendar says so, so a
    mail program updates or removes the events it had; `only` limits it to one session."""
    cal = new_calendar(run.heading())
    if method:
        cal.add("method", method)
    add_run_events(cal, run, url=url, only=only)
    return finish_calendar(cal)


def add_run_events(cal: icalendar.Calendar, run: CourseRun, *, url: str = "", only: RunSession | None = None) -> None:
    """One event per session of the run, put into `cal` (a run's own calendar, or the training calendar).

    Each event keeps its UID; its SEQUENCE goes up at every change, and a cancelled session (or every session of a
    cancelled run) is STATUS:CANCELLED, so a calendar that had it replaces or strikes it."""
    stamp = timezone.now()
    where = run.where()
    sessions = run.sessions.select_related("template_session").order_by("number")
    if only is not None:
        sessions = sessions.filter(pk=only.pk)
    for session in sessions:
        event = icalendar.Event()
        event.add("uid", f"{run.uuid}-{session.number}@samenspel")
        event.add("dtstamp", stamp)
        event.add("sequence", session.sequence)
        cancelled = session.cancelled or run.status == RunStatus.CANCELLED
        event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
        event.add("summary", f"{run.heading()}: {session.number}. {session.heading()}")
        event.add("dtstart", timezone.localtime(session.starts_at))
        event.add("dtend", timezone.localtime(session.ends_at))
        if where:
            event.add("location", where)
        if url:
            event.add("url", url)
            event.add("description", url)
        cal.add_component(event)


def run_calendar_attachment(
    run: CourseRun, *, url: str = "", method: str = "", only: RunSession | None = None
) -> tuple[str, str, str]:
    mimetype = f"text/calendar; method={method}" if method else "text/calendar"
    return ("course.ics", mimetype, run_calendar(run, url=url, method=method, only=only).decode())
