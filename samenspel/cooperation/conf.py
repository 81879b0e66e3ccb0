"""Neighbours and retention of support points working together (settings may override them; tests do)."""

from __future__ import annotations

from django.conf import settings


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def neighbour_km() -> int:
    """Support points whose home municipalities lie this close (centre to centre) are neighbours, across a
    province border too."""
    return _setting("COOPERATION_NEIGHBOUR_KM", 40)


def forward_record_days() -> int:
    """Days the note "forwarded to X" (who forwarded, when, to whom; never the text) is kept."""
    return _setting("COOPERATION_FORWARD_RECORD_DAYS", 365)


def suggestion_decided_days() -> int:
    """Days a suggestion for the national list is kept after staff decided on it."""
    return _setting("COOPERATION_SUGGESTION_DECIDED_DAYS", 90)


def suggestion_open_days() -> int:
    """Days a suggestion nobody decided on is kept."""
    return _setting("COOPERATION_SUGGESTION_OPEN_DAYS", 365)
