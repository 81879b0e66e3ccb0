"""Delete anonymous questions past their retention date. Safe to run as often as cron likes."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from samenspel.finder.models import Question


class Command(BaseCommand):
    help = "Delete questions whose delete_after date has passed, and print how many."

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        deleted, _by_model = Question.objects.expired(today).delete()
        self.stdout.write(f"Deleted {deleted} expired question(s).")
