"""Retention and limits of the newsletter (settings may override them; tests do)."""

from __future__ import annotations

from django.conf import settings


def unconfirmed_days() -> int:
    """Days a sign-up waits for its confirmation before it is deleted (the confirmation link works as long)."""
    return int(getattr(settings, "NEWSLETTER_UNCONFIRMED_DAYS", 7))


def rate_limit() -> int:
    """Sign-ups per client (hashed IP) per hour."""
    return int(getattr(settings, "NEWSLETTER_RATE_LIMIT", 5))


RATE_WINDOW_SECONDS = 60 * 60
# Groups that started this many days ago or less count as new for an issue.
NEW_GROUP_DAYS = 120
