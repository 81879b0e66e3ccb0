"""Delete who took part in courses once the retention ended (the runs and templates stay)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from samenspel.learning.services import learning_purge


class Command(BaseCommand):
    help = "Delete enrolments and attendance of runs that ended LEARNING_RETENTION_DAYS ago, and old withdrawals."

    def handle(self, *args: Any, **options: Any) -> None:
        counts = learning_purge()
        self.stdout.write(
            f"Deleted {counts['ended_runs']} row(s) of ended courses, {counts['withdrawn']} withdrawn sign-up(s) and "
            f"{counts['certificates']} old certificate(s)."
        )
