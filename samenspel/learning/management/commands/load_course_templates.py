"""Load the shipped course templates from samenspel/learning/data/courses/ (idempotent)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from samenspel.learning.course_data import CourseDataError, load_course_templates
from samenspel.learning.knowledge import load_knowledge_pages


class Command(BaseCommand):
    help = (
        "Create the shipped course templates and knowledge pages that are missing; --update overwrites shipped "
        "templates with the files."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--update", action="store_true", help="Overwrite shipped templates (staff edits too).")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            counts = load_course_templates(update=options["update"])
            pages = load_knowledge_pages()
        except (CourseDataError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Course templates: {counts['created']} created, {counts['updated']} updated, {counts['unchanged']} kept."
        )
        self.stdout.write(f"Knowledge pages: {pages} created.")
