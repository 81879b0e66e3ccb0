"""Settings of warm referral, with the defaults settings.py gives them."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone

DEFAULT_RETENTION_DAYS = 30


def retention_days() -> int:
    return int(getattr(settings, "REFERRAL_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))


def delete_after_date(created: datetime.date | None = None) -> datetime.date:
    """The last day a handover made on `created` (default today) is kept; the purge removes it the day after."""
    return (created or timezone.localdate()) + datetime.timedelta(days=retention_days())
