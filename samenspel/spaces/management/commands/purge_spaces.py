"""Retention of online group spaces: delete messages older than each space's chosen period, members unseen for
that long with nothing left, old moderation entries and used codes, and e-mail addresses past their date.

Safe to run as often as cron likes (deploy/daily runs it once a day).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from samenspel.spaces.services import spaces_purge


class Command(BaseCommand):
    help = "Delete what the online spaces' retention periods have passed."

    def handle(self, *args: Any, **options: Any) -> None:
        counts = spaces_purge()
        self.stdout.write(
            "Deleted {posts} message(s), {members} member(s), {contacts} e-mail address(es), {log} moderation entries.".format(
                **counts
            )
        )
