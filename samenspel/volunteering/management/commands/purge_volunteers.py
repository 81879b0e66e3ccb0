"""Retention of volunteers: delete those who stopped 12 months ago and sign-ups that led nowhere after 3 months.

Safe to run as often as cron likes (deploy/daily runs it once a day).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from samenspel.volunteering.services import volunteers_purge


class Command(BaseCommand):
    help = "Delete volunteers 12 months after they stopped, and sign-ups never placed after 3 months."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Deleted {volunteers_purge()} volunteer(s).")
