"""Retention of support points working together: forwarded questions on the original's date, "forwarded to"
notes after a year, suggestions for the national list after their time.

Safe to run as often as cron likes (deploy/daily runs it once a day).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from samenspel.cooperation.services import cooperation_purge


class Command(BaseCommand):
    help = "Delete forwarded questions, forward notes and national-list suggestions whose retention ended."

    def handle(self, *args: Any, **options: Any) -> None:
        counts = cooperation_purge()
        self.stdout.write(
            f"Deleted {counts['questions']} forwarded question(s), {counts['notes']} note(s), "
            f"{counts['suggestions']} suggestion(s)."
        )
