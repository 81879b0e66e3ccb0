from typing import Any

from django.core.management.base import BaseCommand

from samenspel.directory import search_index
from samenspel.directory.models import Group, Intake


class Command(BaseCommand):
    help = (
        "Index again the groups that take new members at set moments, so 'new members welcome now' follows "
        "the calendar as their next intake comes near and passes (run daily)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        ids = Group.objects.public().filter(intake=Intake.SET_MOMENTS).values_list("pk", flat=True)
        self.stdout.write(f"{search_index.index_groups(ids)} search documents written")
