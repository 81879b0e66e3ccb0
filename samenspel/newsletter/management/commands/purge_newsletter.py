"""Retention of the newsletter's addresses: sign-ups not confirmed within NEWSLETTER_UNCONFIRMED_DAYS are deleted.
(Unsubscribing deletes an address at once.) Safe to run as often as cron likes (deploy/daily runs it daily)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from samenspel.newsletter.services import subscribers_purge


class Command(BaseCommand):
    help = "Delete newsletter sign-ups that were never confirmed."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Deleted {subscribers_purge()} unconfirmed newsletter sign-up(s).")
