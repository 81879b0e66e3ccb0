"""Retention of presentation requests (settings may override it; tests do)."""

from __future__ import annotations

from django.conf import settings


def contact_days() -> int:
    """Days after a presentation (or a decline) that the asker's name, address, phone and message are kept."""
    return int(getattr(settings, "PRESENTATION_CONTACT_DAYS", 90))


# A request nobody answered is treated as finished after this many days (then `contact_days` more).
UNANSWERED_DAYS = 180
