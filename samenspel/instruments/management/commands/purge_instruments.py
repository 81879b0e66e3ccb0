"""Daily: delete the instruments' once-only receipts after a day and their anonymous counts after the retention."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from samenspel.instruments.services import instruments_purge


class Command(BaseCommand):
    help = "Delete the instruments' once-only receipts after a day and counts older than the retention period."

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = instruments_purge()
        self.stdout.write(", ".join(f"{name}: {count}" for name, count in deleted.items()))
