"""The daily digest of online group spaces: one e-mail per member who gave an address and has new messages.

Instead of a mail per message (too much traffic raises distress, 002:2598); run once a day by deploy/daily.
Safe to run twice: a second run the same day finds nothing new, and the outbox key sends one mail a day.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from samenspel.spaces.services import digests_send


class Command(BaseCommand):
    help = "Send the daily digest of the online spaces."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Queued {digests_send()} digest(s).")
