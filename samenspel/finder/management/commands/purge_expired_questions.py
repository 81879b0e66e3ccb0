"""Delete anonymous questions past their retention date. Safe to run as often as cron likes."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from samenspel.finder.questions import questions_purge


class Command(BaseCommand):
    help = "Delete questions whose delete_after date has passed, and print how many."

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = questions_purge()
        self.stdout.write(f"Deleted {deleted} expired question(s).")
