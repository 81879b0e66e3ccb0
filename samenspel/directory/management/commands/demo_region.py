from __future__ import annotations

import datetime
import json
import time
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from samenspel.directory.demo import Content, ContentError, Generator, default_content
from samenspel.directory.models import Group


class Command(BaseCommand):
    help = (
        "Generate the demo region (Zuidoost-Brabant, about 150 groups) or, with --groups above 1000, "
        "a national-scale dataset. Deterministic for a given --seed and --today."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--groups", type=int, default=150)
        parser.add_argument("--seed", type=int, default=2015)
        parser.add_argument("--today", type=datetime.date.fromisoformat, default=None, help="YYYY-MM-DD")
        parser.add_argument("--if-empty", action="store_true", help="Do nothing when groups exist already.")
        parser.add_argument(
            "--content",
            type=Path,
            default=None,
            help="JSON file with 'templates', 'places' and 'organisations' to use instead of the built-in content.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["if_empty"] and Group.objects.exists():
            self.stdout.write("The database already has groups; the demo region is not loaded again.")
            return
        content = default_content()
        if options["content"]:
            try:
                data = json.loads(options["content"].read_text(encoding="utf-8"))
                content = Content(
                    templates=data.get("templates", content.templates),
                    places=data.get("places", content.places),
                    organisations=data.get("organisations", content.organisations),
                )
            except (OSError, ValueError, AttributeError) as exc:
                raise CommandError(f"Cannot read the content file: {exc}") from exc
        generator = Generator(groups=options["groups"], seed=options["seed"], content=content)
        if options["today"]:
            generator.today = options["today"]
        started = time.perf_counter()
        try:
            counts = generator.run()
        except ContentError as exc:
            raise CommandError(f"Nothing was saved. Fix this first:\n{exc}") from exc
        seconds = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(", ".join(f"{v} {k}" for k, v in counts.items()) + f" in {seconds:.1f} s"))
