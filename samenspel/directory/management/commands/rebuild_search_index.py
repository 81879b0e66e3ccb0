from typing import Any

from django.core.management.base import BaseCommand

from samenspel.directory import search_index


class Command(BaseCommand):
    help = "Rebuild the search documents of all public groups (after a bulk import or an upgrade)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{search_index.rebuild()} search documents written")
