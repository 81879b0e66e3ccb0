"""Retention, reminders and rate limits of volunteers (settings may override them; tests do)."""

from __future__ import annotations

import datetime

from django.conf import settings


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def stopped_retention_days() -> int:
    """Days a volunteer's data is kept after they stopped: 12 months, for a reference or a return."""
    return _setting("VOLUNTEER_RETENTION_DAYS", 365)


def unplaced_retention_days() -> int:
    """Days a sign-up that never led to a trial or a role (declined, or never answered) is kept."""
    return _setting("VOLUNTEER_UNPLACED_DAYS", 90)


def intake_working_days() -> int:
    """Working days a sign-up may wait for an answer before the support point gets a reminder."""
    return _setting("VOLUNTEER_INTAKE_WORKING_DAYS", 2)


def link_days() -> int:
    """Days the volunteer's own link (see, download, delete their data) works; the support point can send a new one."""
    return _setting("VOLUNTEER_LINK_DAYS", 400)


def rate_limit() -> int:
    """Sign-ups per client (hashed IP) per hour."""
    return _setting("VOLUNTEER_RATE_LIMIT", 5)


RATE_WINDOW_SECONDS = 60 * 60
TEXT_MAX_LENGTH = 1000


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Monday to Friday days after `start` up to and including `end` (public holidays are not known here)."""
    days = 0
    current = start
    while current < end:
        current += datetime.timedelta(days=1)
        if current.weekday() < 5:
            days += 1
    return days
