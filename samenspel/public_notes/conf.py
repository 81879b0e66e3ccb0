"""Retention and rate limits of public notes (settings.py reads them from the environment; tests override them)."""

from __future__ import annotations

from django.conf import settings


def _setting(name: str, default: str) -> int:
    return int(getattr(settings, name, default))


def correction_retention_days() -> int:
    """Days after handling that a correction's text and reply address are kept."""
    return _setting("CORRECTION_RETENTION_DAYS", "30")


def unconfirmed_wish_days() -> int:
    """Days a wish waits for its confirmation before it is deleted."""
    return _setting("WISH_UNCONFIRMED_DAYS", "7")


def registration_retention_days() -> int:
    """Days after the support point's decision that a group registration is kept (the group holds what stays)."""
    return _setting("REGISTRATION_RETENTION_DAYS", "30")


def open_registration_days() -> int:
    """Days a confirmed registration waits for the support point's decision before it is deleted all the same."""
    return _setting("REGISTRATION_OPEN_DAYS", "180")


# Notes per client (hashed IP) per hour: enough for a person, little for a bot.
def rate_limit() -> int:
    return _setting("PUBLIC_NOTE_RATE_LIMIT", "5")


RATE_WINDOW_SECONDS = 60 * 60
# How long a wish may be kept, in months; the citizen chooses, at most a year.
WISH_MONTHS = (3, 6, 12)
MESSAGE_MAX_LENGTH = 2000
