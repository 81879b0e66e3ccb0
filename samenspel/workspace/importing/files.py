"""Files around the import: the empty template (CSV and .xlsx) with the columns the import knows, and the
per-row report of a check or an import."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.utils.translation import gettext as _

from samenspel.workspace.exports import neutralise

# The template's columns: Dutch headers the import recognises (plan.SYNONYMS), with one example row.
TEMPLATE: list[tuple[str, str]] = [
    ("Nummer", "1"),
    ("Naam", "Lotgenotengroep Rouw Eindhoven"),
    ("Beschrijving", "We praten over het verlies van een dierbare."),
    ("Thema's", "Rouw, Eenzaamheid"),
    ("Talen", "Nederlands, Engels"),
    ("Voor wie", "Naasten"),
    ("Status", "Actief"),
    ("Wanneer", "elke 2e dinsdag 19:30-21:30"),
    ("Locatie", "Buurthuis De Boog"),
    ("Adres", "Kerkstraat 1"),
    ("Postcode", "5611 AB"),
    ("Plaats", "Eindhoven"),
    ("Adres openbaar", "Openbaar"),
    ("Contactpersoon", "Anja"),
    ("E-mail", "rouw@example.org"),
    ("Telefoon", "040 123 4567"),
]


def template_csv() -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([header for header, _example in TEMPLATE])
    writer.writerow([example for _header, example in TEMPLATE])
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # with a BOM: Excel then reads it as UTF-8


def template_xlsx() -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Groepen"
    sheet.append([header for header, _example in TEMPLATE])
    sheet.append([example for _header, example in TEMPLATE])
    for column, (header, _example) in zip(sheet.columns, TEMPLATE, strict=False):
        sheet.column_dimensions[column[0].column_letter].width = max(14, len(header) + 4)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def outcome(result: dict[str, Any]) -> str:
    return {
        "new": _("New group"),
        "update": _("Changed"),
        "unchanged": _("Unchanged"),
        "error": _("Refused"),
    }.get(result["action"], result["action"])


def report_csv(results: list[dict[str, Any]], *, imported: bool) -> bytes:
    """One line per row of the file: what the check found, or what the import did."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([_("Row"), _("Name"), _("Outcome"), _("Meeting times"), _("What changes"), _("Problems")])
    for result in results:
        changes = "; ".join(f"{d['label']}: {d['old']} → {d['new']}" for d in result.get("diff", ()))
        state = outcome(result)
        if imported and result["action"] == "error":
            state = _("Not imported")
        writer.writerow(
            [
                neutralise(v)
                for v in (
                    result["row"],
                    result.get("name", ""),
                    state,
                    result.get("schedule_words", ""),
                    changes,
                    " ".join(result.get("errors", ())),
                )
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")
