"""Delete warm handovers whose retention has ended. Safe to run as often as cron likes; the counts stay."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from samenspel.referral.services import handovers_purge


class Command(BaseCommand):
    help = "Delete warm handovers whose delete_after date has passed (with all their details), and print how many."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", help="Run as if it were this date (YYYY-MM-DD); default: today.")

    def handle(self, *args: Any, **options: Any) -> None:
        today = None
        if options.get("today"):
            try:
                today = datetime.date.fromisoformat(options["today"])
            except ValueError as exc:
                raise CommandError("--today must be a date like 2026-12-31.") from exc
        deleted = handovers_purge(today=today)
        self.stdout.write(f"Deleted {deleted} expired warm handover(s).")
