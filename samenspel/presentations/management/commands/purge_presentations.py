"""Retention of presentation requests: the asker's contact details are cleared PRESENTATION_CONTACT_DAYS after the
presentation or the decline (or after half a year without an answer); the counts stay for the year figures.
Safe to run as often as cron likes (deploy/daily runs it once a day)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from samenspel.presentations.services import requests_purge


class Command(BaseCommand):
    help = "Clear the contact details of finished presentation requests."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Cleared the contact details of {requests_purge()} presentation request(s).")
