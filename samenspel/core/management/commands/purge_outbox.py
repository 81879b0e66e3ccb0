"""Delete outbox messages sent or given up longer ago than OUTBOX_RETENTION_DAYS. Safe to run as often as cron likes."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from samenspel.core.outbox import outbox_purge


class Command(BaseCommand):
    help = "Delete finished outbox messages past their retention period, and print how many."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Deleted {outbox_purge()} finished outbox message(s).")
