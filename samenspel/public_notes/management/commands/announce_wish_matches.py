"""Tell support points which of their groups that started in the last day answer waiting "tell me when" wishes.

Only a count and a link to the page where they write to all of them; never who. Safe to run twice a day.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from samenspel.public_notes.wishes import wish_matches_announce


class Command(BaseCommand):
    help = "Mail each support point a count of the people waiting for a group that started in the last day."

    def handle(self, *args: Any, **options: Any) -> None:
        queued = wish_matches_announce()
        self.stdout.write(f"Told support points about {queued} started group(s) with people waiting.")
