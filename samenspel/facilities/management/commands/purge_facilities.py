"""Retention of rooms and speakers: room requests a year after their last date (declined ones after three months),
speakers who have not confirmed their entry for two years.

Safe to run as often as cron likes (deploy/daily runs it once a day).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from samenspel.facilities.services import room_requests_purge, speakers_purge


class Command(BaseCommand):
    help = "Delete old room requests and speakers unconfirmed for two years."

    def handle(self, *args: Any, **options: Any) -> None:
        requests = room_requests_purge()
        speakers = speakers_purge()
        self.stdout.write(f"Deleted {requests} room request(s) and {speakers} speaker(s).")
