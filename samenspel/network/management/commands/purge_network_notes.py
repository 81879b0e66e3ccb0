"""Wipe expired case notes; delete expired trust notes, tour reports, signals and meeting cases; remove contact
persons at institutions and sister organisations nobody checked for a year, and old map suggestions. Safe to run
twice."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from samenspel.network.services import (
    contact_notes_purge,
    help_contacts_purge,
    help_suggestions_purge,
    meeting_cases_purge,
    signals_purge,
    sister_contacts_purge,
    tour_reports_purge,
    trust_notes_purge,
)


class Command(BaseCommand):
    help = "Wipe expired case notes (the counts stay); delete expired trust notes, tour reports, signals and meeting cases."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", help="Run as if it were this date (YYYY-MM-DD); default: today.")

    def handle(self, *args: Any, **options: Any) -> None:
        today = None
        if options.get("today"):
            try:
                today = datetime.date.fromisoformat(options["today"])
            except ValueError as exc:
                raise CommandError("--today must be a date like 2026-12-31.") from exc
        wiped = contact_notes_purge(today=today)
        deleted = trust_notes_purge(today=today)
        reports = tour_reports_purge(today=today)
        signals = signals_purge(today=today)
        cases = meeting_cases_purge(today=today)
        contacts = help_contacts_purge(today=today) + sister_contacts_purge(today=today)
        suggestions = help_suggestions_purge(today=today)
        self.stdout.write(
            f"Wiped {wiped} expired case note(s); deleted {deleted} expired trust note(s), {reports} tour report(s), "
            f"{signals} signal(s), {cases} meeting case(s), {contacts} unchecked contact person(s) and "
            f"{suggestions} suggestion(s)."
        )
