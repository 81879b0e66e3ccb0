"""Daily: remind a group's contact persons when the group's last inventory is two years old (once per inventory)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from samenspel.instruments.services import inventory_remind


class Command(BaseCommand):
    help = "E-mail the contact persons of groups whose last group inventory is two years old."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--base-url", default=settings.SITE_URL, help="Start of the links in the e-mails, e.g. https://samenspel.nl"
        )

    def handle(self, *args: Any, base_url: str, **options: Any) -> None:
        self.stdout.write(f"reminded={inventory_remind(base_url=base_url)}")
