"""E-mail participants before a session (once per session and participant). Safe to run as often as cron likes."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from samenspel.learning.projects import deadline_reminders_send
from samenspel.learning.services import reminders_send


class Command(BaseCommand):
    help = (
        "Queue a reminder with the course's .ics for every session starting within LEARNING_REMINDER_HOURS, and "
        "remind plan owners of a fund's thank-you and report dates."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Queued {reminders_send()} course reminder(s).")
        self.stdout.write(f"Queued {deadline_reminders_send()} fund deadline reminder(s).")
