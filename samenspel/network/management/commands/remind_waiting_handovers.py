"""Remind key persons of their warm handovers still unanswered after a week. Each handover once; safe to rerun."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from samenspel.network.services import waiting_handovers_remind


class Command(BaseCommand):
    help = "Tell each key person once about a warm handover of theirs that is still 'sent' after seven days."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Reminded key persons of {waiting_handovers_remind()} waiting handover(s).")
