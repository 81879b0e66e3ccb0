"""Delete import checks nobody imported: they hold a copy of a spreadsheet that is no longer needed.

Safe to run as often as cron likes.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from samenspel.workspace.models import ImportBatch

KEEP_DAYS = 7


class Command(BaseCommand):
    help = "Delete import checks older than a week that were never imported."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--days", type=int, default=KEEP_DAYS)

    def handle(self, *args: Any, days: int, **options: Any) -> None:
        cutoff = timezone.now() - datetime.timedelta(days=days)
        deleted, _ = ImportBatch.objects.filter(created_at__lt=cutoff, imported_at__isnull=True).delete()
        self.stdout.write(f"deleted={deleted}")
