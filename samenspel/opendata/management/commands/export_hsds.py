"""Write the public map as an HSDS 3.0 datapackage (CSV tables) or one HSDS JSON file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from samenspel.opendata import export


class Command(BaseCommand):
    help = "Export the public social map as HSDS 3.0 (Samenspel profile): a CSV datapackage or one JSON file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=["json", "csv"], default="csv")
        parser.add_argument(
            "--output", required=True, help="A folder for csv (datapackage.json + tables), a file for json."
        )
        parser.add_argument(
            "--base-url", default="https://samenspel.example.org/", help="Site address for the groups' page URLs."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        output = Path(options["output"])
        if options["format"] == "csv":
            if output.exists() and not output.is_dir():
                raise CommandError(_("%(path)s is a file; give a folder for the CSV datapackage.") % {"path": output})
            counts = export.write_csv(output, base_url=options["base_url"])
        else:
            output.parent.mkdir(parents=True, exist_ok=True)
            with output.open("w", encoding="utf-8", buffering=1 << 20) as fh:
                counts = export.write_json(fh, base_url=options["base_url"])
        summary = ", ".join(f"{name}: {n}" for name, n in counts.items() if n)
        self.stdout.write(_("Exported to %(path)s (%(summary)s).") % {"path": output, "summary": summary})
