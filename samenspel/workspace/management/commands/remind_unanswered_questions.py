"""Remind each support point that citizens' questions to its groups wait for an answer.

Daily (deploy/daily). A question still "new" after --days days (settings.QUESTION_REMINDER_DAYS, default 3)
counts; the e-mail says how many wait and links to the inbox: nothing of the question or the person who asked.
One reminder per support point per day, however often the command runs (the outbox's key).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from samenspel.directory.models import Organisation
from samenspel.finder.models import Question, QuestionStatus
from samenspel.workspace.notices import questions_waiting


def reminder_days() -> int:
    return int(getattr(settings, "QUESTION_REMINDER_DAYS", 3))


class Command(BaseCommand):
    help = "E-mail support points how many citizens' questions have waited longer than --days days for an answer."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=None, help="Days without an answer (default: the setting).")

    def handle(self, *args: Any, days: int | None, **options: Any) -> None:
        days = reminder_days() if days is None else days
        now = timezone.now()
        waiting = (
            Question.objects.filter(
                status=QuestionStatus.NEW,
                created_at__lte=now - datetime.timedelta(days=days),
                group__support_point__isnull=False,
            )
            .values("group__support_point")
            .annotate(n=Count("id"))
            .order_by("group__support_point")
        )
        points = reminded = 0
        for row in waiting:
            support_point = Organisation.objects.get(pk=row["group__support_point"])
            with transaction.atomic():
                reminded += questions_waiting(support_point, row["n"], today=timezone.localdate(), days=days)
            points += 1
        self.stdout.write(f"support_points={points} people={reminded}")
