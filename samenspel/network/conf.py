"""Settings of the key persons' room, with the defaults settings.py gives them."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone

DEFAULT_CASE_NOTE_DAYS = 90
DEFAULT_TRUST_NOTE_DAYS = 365


def case_note_days() -> int:
    return int(getattr(settings, "NETWORK_CASE_NOTE_RETENTION_DAYS", DEFAULT_CASE_NOTE_DAYS))


def trust_note_days() -> int:
    return int(getattr(settings, "NETWORK_TRUST_NOTE_RETENTION_DAYS", DEFAULT_TRUST_NOTE_DAYS))


def case_note_delete_after(day: datetime.date | None = None) -> datetime.date:
    return (day or timezone.localdate()) + datetime.timedelta(days=case_note_days())


def trust_note_delete_after(day: datetime.date | None = None) -> datetime.date:
    return (day or timezone.localdate()) + datetime.timedelta(days=trust_note_days())


DEFAULT_TOUR_REPORT_DAYS = 730
TOUR_LINK_DAYS = 30


def tour_report_days() -> int:
    return int(getattr(settings, "NETWORK_TOUR_REPORT_RETENTION_DAYS", DEFAULT_TOUR_REPORT_DAYS))


def tour_report_delete_after(day: datetime.date | None = None) -> datetime.date:
    return (day or timezone.localdate()) + datetime.timedelta(days=tour_report_days())


DEFAULT_SIGNAL_DAYS = 365


def signal_delete_after(day: datetime.date | None = None) -> datetime.date:
    days = int(getattr(settings, "NETWORK_SIGNAL_RETENTION_DAYS", DEFAULT_SIGNAL_DAYS))
    return (day or timezone.localdate()) + datetime.timedelta(days=days)


DEFAULT_CONTACT_PERSON_DAYS = 365


def contact_person_days() -> int:
    """How long a named contact person at an institution or sister organisation stays without being checked."""
    return int(getattr(settings, "NETWORK_CONTACT_PERSON_RETENTION_DAYS", DEFAULT_CONTACT_PERSON_DAYS))
