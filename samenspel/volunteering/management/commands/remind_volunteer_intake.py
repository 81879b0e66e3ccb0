"""Remind each support point when people who signed up as a volunteer wait more than 2 working days for an answer.

Daily (deploy/daily). One mail per support point with the count and a link to the intake queue, nothing about the
people; each sign-up is reminded about once, however often the command runs.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from samenspel.volunteering.services import intake_reminders


class Command(BaseCommand):
    help = "E-mail support points whose volunteer sign-ups wait more than 2 working days for an answer."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"support_points={intake_reminders()}")
