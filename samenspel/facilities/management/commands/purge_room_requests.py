"""Retention of room requests: deleted a year after their last date, declined ones three months after the answer.

Safe to run as often as cron likes (deploy/daily runs it once a day).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from samenspel.facilities.services import room_requests_purge


class Command(BaseCommand):
    help = "Delete room requests a year after their last date, and declined ones after three months."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Deleted {room_requests_purge()} room request(s).")
