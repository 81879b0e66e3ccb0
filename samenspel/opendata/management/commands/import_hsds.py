"""Import HSDS 3.0 (a datapackage folder or .zip, or HSDS JSON) into one support point's part of the map."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from samenspel.opendata import importer, reader


class Command(BaseCommand):
    help = (
        "Import HSDS 3.0 for a support point. Without --commit it is a dry run: every error per record, "
        "unknown taxonomy terms with suggested themes, nothing written."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="A datapackage folder, a .zip, or an HSDS JSON file.")
        parser.add_argument("--support-point", required=True, help="UUID or slug of the importing support point.")
        parser.add_argument("--commit", action="store_true", help="Write (in one transaction); default: dry run.")
        parser.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="TERM=THEME",
            help="Map a taxonomy term (id or code) to a theme slug; '-' leaves it out; '*=THEME' is the default.",
        )
        parser.add_argument("--mapping", help="A JSON file {term id or code: theme slug}.")
        parser.add_argument("--json", action="store_true", help="Print the report as JSON.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            package = reader.read_path(Path(options["path"]))
        except reader.ImportRefused as exc:
            raise CommandError(exc.message) from None
        mapping: dict[str, str] = {}
        if options["mapping"]:
            try:
                loaded = json.loads(Path(options["mapping"]).read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise CommandError(_("Cannot read the mapping file: %(error)s") % {"error": exc}) from None
            if not isinstance(loaded, dict) or not all(isinstance(v, str) for v in loaded.values()):
                raise CommandError(_("The mapping file must be a JSON object of term to theme slug."))
            mapping.update(loaded)
        try:
            mapping.update(importer.parse_mapping(options["map"]))
        except ValueError as exc:
            raise CommandError(_("Write each mapping as TERM=THEME, not %(pair)s.") % {"pair": exc}) from None
        support_point = importer.support_point_for(options["support_point"], package)
        if support_point is None:
            raise CommandError(_("No support point %(ref)s.") % {"ref": options["support_point"]})
        report = importer.Importer(
            support_point=support_point, mapping=mapping, scoped=False, actor_label="import_hsds"
        ).run(package, commit=options["commit"])
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=2, default=str))
        else:
            self._print(report)
        if report.errors:
            raise CommandError(_("%(n)s errors: nothing was written.") % {"n": len(report.errors)})

    def _print(self, report: importer.Report) -> None:
        for problem in report.errors:
            self.stdout.write(
                _("error: %(type)s %(id)s %(field)s: %(message)s")
                % {
                    "type": problem.record_type,
                    "id": problem.record_id,
                    "field": problem.field,
                    "message": problem.message,
                }
            )
        for problem in report.warnings:
            self.stdout.write(
                _("warning: %(type)s %(id)s %(field)s: %(message)s")
                % {
                    "type": problem.record_type,
                    "id": problem.record_id,
                    "field": problem.field,
                    "message": problem.message,
                }
            )
        for term in report.unknown_terms:
            self.stdout.write(
                _("unknown term %(id)s (%(name)s): suggested themes %(suggestions)s")
                % {"id": term["id"], "name": term["name"], "suggestions": ", ".join(term["suggestions"]) or "-"}
            )
        counts = ", ".join(
            [f"{k} +{v}" for k, v in report.created.items()] + [f"{k} ~{v}" for k, v in report.updated.items()]
        )
        if report.committed:
            self.stdout.write(_("Imported: %(counts)s.") % {"counts": counts or "-"})
        elif not report.errors:
            self.stdout.write(_("Dry run, nothing written; would import: %(counts)s.") % {"counts": counts or "-"})
