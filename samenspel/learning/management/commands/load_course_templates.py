"""Load the shipped course templates from samenspel/learning/data/courses/ (idempotent)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from samenspel.learning.course_data import CourseDataError, load_course_templates


class Command(BaseCommand):
    help = "Create the shipped course templates that are missing; --update overwrites shipped ones with the files."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--update", action="store_true", help="Overwrite shipped templates (staff edits too).")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            counts = load_course_templates(update=options["update"])
        except CourseDataError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Course templates: {counts['created']} created, {counts['updated']} updated, {counts['unchanged']} kept."
        )
