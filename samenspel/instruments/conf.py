"""Retention and limits of the instruments (settings may override them; tests do)."""

from __future__ import annotations

from django.conf import settings

RATE_WINDOW_SECONDS = 3600


def count_retention_months() -> int:
    """Months the anonymous matrix counts are kept (year reports look back two years)."""
    return int(getattr(settings, "INSTRUMENTS_COUNT_RETENTION_MONTHS", 36))


def receipt_retention_hours() -> int:
    """Hours a once-only key of a counted conversation is kept."""
    return int(getattr(settings, "INSTRUMENTS_RECEIPT_RETENTION_HOURS", 24))


def contributions_per_hour() -> int:
    """Counted conversations per network address and hour (a key person may do several in a row)."""
    return int(getattr(settings, "INSTRUMENTS_CONTRIBUTIONS_PER_HOUR", 30))


def selfcheck_retention_years() -> int:
    """Years a self-check is kept, so a support point sees its progress over several years."""
    return int(getattr(settings, "INSTRUMENTS_SELFCHECK_RETENTION_YEARS", 10))


def survey_code_days() -> int:
    """Days a printed survey slip can be used."""
    return int(getattr(settings, "INSTRUMENTS_SURVEY_CODE_DAYS", 120))


def survey_retention_years() -> int:
    """Years anonymous survey answers are kept for year reports."""
    return int(getattr(settings, "INSTRUMENTS_SURVEY_RETENTION_YEARS", 5))


def survey_link_days() -> int:
    """Days a survey link can be used (links are sent in a chat or an e-mail, and answered sooner than slips)."""
    return int(getattr(settings, "INSTRUMENTS_SURVEY_LINK_DAYS", 60))


def inventory_interval_days() -> int:
    """Days after a group inventory when the contact person is reminded to fill in the next (two years)."""
    return int(getattr(settings, "INSTRUMENTS_INVENTORY_INTERVAL_DAYS", 730))


def inventory_retention_years() -> int:
    """Years a group inventory is kept, so a support point sees how its groups change (five rounds)."""
    return int(getattr(settings, "INSTRUMENTS_INVENTORY_RETENTION_YEARS", 10))
