"""Retention of public notes: delete wishes past their date or never confirmed, wipe handled corrections' text,
delete group registrations decided long enough ago or never confirmed.

Safe to run as often as cron likes (deploy/daily runs it once a day).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from samenspel.public_notes.corrections import corrections_purge
from samenspel.public_notes.registrations import registrations_purge
from samenspel.public_notes.wishes import wishes_purge


class Command(BaseCommand):
    help = "Delete expired and unconfirmed wishes and group registrations, and wipe the text of corrections handled long enough ago."

    def handle(self, *args: Any, **options: Any) -> None:
        wishes = wishes_purge()
        corrections = corrections_purge()
        registrations = registrations_purge()
        self.stdout.write(
            f"Deleted {wishes} wish(es); wiped {corrections} correction(s); deleted {registrations} registration(s)."
        )
