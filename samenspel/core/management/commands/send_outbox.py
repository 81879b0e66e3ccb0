"""Send every outbox message that is due. The worker does this by itself; this is the safety net for cron."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from samenspel.core.outbox import deliver_due


class Command(BaseCommand):
    help = "Send the e-mails in the outbox that are due now (retries included), and print what became of them."

    def handle(self, *args: Any, **options: Any) -> None:
        outcomes = deliver_due()
        self.stdout.write(" ".join(f"{k}={v}" for k, v in sorted(outcomes.items())) or "nothing due")
