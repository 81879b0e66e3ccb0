"""Settings of the public map that live outside settings.py, read from the environment.

A project setting of the same name (for example in test settings) wins, so a
deployment can set it either way.
"""

from __future__ import annotations

import os

from django.conf import settings

# How long an anonymous question is kept before the purge command deletes it.
QUESTION_RETENTION_DAYS = int(os.environ.get("QUESTION_RETENTION_DAYS", "30"))


def question_retention_days() -> int:
    return int(getattr(settings, "QUESTION_RETENTION_DAYS", QUESTION_RETENTION_DAYS))


# Anonymous questions per client (hashed IP) per window; enough for a person, little for a bot.
QUESTION_RATE_LIMIT = int(os.environ.get("QUESTION_RATE_LIMIT", "5"))
QUESTION_RATE_WINDOW_SECONDS = 60 * 60
