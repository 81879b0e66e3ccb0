"""Benchmark: a support point imports a spreadsheet of 10,000 groups (dry run, then the real import).

The list looks like a support point's own: themes and languages by name, meeting times in words, a
place per group, status words, phone numbers as written. Times the check, the import, and importing the
same list again (every row matched and unchanged). Builds a fresh database (SQLite file var/bench-import.sqlite3 unless DATABASE_URL is given; it must be
an empty database), loads the reference data and one support point, then times the workspace services the
upload page uses. Reports wall time and the process's peak memory.
Run: .venv/bin/python -m bench.workspace_import [--rows 10000]
Results: bench/results/import-<vendor>.json
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import time
from pathlib import Path

from bench.django_setup import ROOT, start

if "DATABASE_URL" not in os.environ:
    target = ROOT / "var" / "bench-import.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{target}"
start()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from samenspel.core.models import AuditEntry  # noqa: E402
from samenspel.directory.models import Organisation, SearchDocument  # noqa: E402
from samenspel.directory.reference import load_reference_data  # noqa: E402
from samenspel.workspace.importer import guess_mapping  # noqa: E402
from samenspel.workspace.models import ImportBatch  # noqa: E402
from samenspel.workspace.services import imports  # noqa: E402

# As a support point's list writes them: names, not codes; meeting times in words; a place per group.
THEMES = ["Depressie", "Rouw", "Gokken", "Alcohol", "Kanker", "Eenzaamheid", "Autisme", "Diabetes"]
LANGUAGES = ["Nederlands", "Nederlands, Engels", "NL", "Turks", "Arabisch", "Farsi", "Pools", "Oekraïens"]
SCHEDULES = ["elke 2e dinsdag 19:30-21:30", "ma/wo 19:30-21:30", "om de week donderdag 14:00-16:00", ""]
STATUSES = ["actief", "actief", "tijdelijk gestopt", "actief"]
POSTCODES = ["5611 AB", "5612 AA", "5701 AA", "5664 AA"]
HEADERS = ["Nummer", "Naam", "E-mail", "Thema", "Taal", "Wanneer", "Adres", "Postcode", "Status", "Telefoon"]


def _rows(count: int) -> list[list[str]]:
    return [
        [
            str(i),
            f"Lotgenotengroep {i}",
            f"groep{i}@bench.example.org",
            THEMES[i % len(THEMES)],
            LANGUAGES[i % len(LANGUAGES)],
            SCHEDULES[i % len(SCHEDULES)],
            "adres op aanvraag" if i % 5 == 0 else f"Kerkstraat {i % 200 + 1}",
            POSTCODES[i % len(POSTCODES)],
            STATUSES[i % len(STATUSES)],
            f"040 {100 + i % 900} {1000 + i % 9000}",
        ]
        for i in range(count)
    ]


def _timed(step: object) -> tuple[float, float]:
    started, cpu = time.perf_counter(), time.process_time()
    step()  # type: ignore[operator]
    return time.perf_counter() - started, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    load_reference_data()
    sp = Organisation.objects.create(
        slug="bench-steunpunt", kind="support_point", name="Bench steunpunt", email="info@bench.example.org"
    )
    rows = _rows(args.rows)
    batch = ImportBatch.objects.create(support_point=sp, filename="bench.csv", headers=HEADERS, rows=rows)
    dry_run, dry_run_cpu = _timed(
        lambda: imports.import_batch_check(batch=batch, mapping=guess_mapping(HEADERS), actor=None, background=False)
    )
    refused = batch.error_count
    counts: dict[str, int] = {}
    real, real_cpu = _timed(lambda: counts.update(imports.import_batch_apply(batch=batch, actor=None)))
    # The same list again: every row matched, nothing written.
    again = ImportBatch.objects.create(support_point=sp, filename="bench.csv", headers=HEADERS, rows=rows)
    again_counts: dict[str, int] = {}

    def reimport() -> None:
        imports.import_batch_check(batch=again, mapping=guess_mapping(HEADERS), actor=None, background=False)
        again_counts.update(imports.import_batch_apply(batch=again, actor=None))

    second, second_cpu = _timed(reimport)
    # The import must leave every group findable and audited; a fast import that skipped either would be wrong.
    indexed = SearchDocument.objects.filter(group__support_point=sp).count()
    audited = AuditEntry.objects.filter(object_type="directory.group", action="created").count()
    result = {
        "database": connection.vendor,
        "rows": args.rows,
        "dry_run_seconds": round(dry_run, 1),
        "import_seconds": round(real, 1),
        # CPU time of this process: on a shared machine wall time also counts other people's work.
        "dry_run_cpu_seconds": round(dry_run_cpu, 1),
        "import_cpu_seconds": round(real_cpu, 1),
        "reimport_seconds": round(second, 1),
        "reimport_cpu_seconds": round(second_cpu, 1),
        "refused": refused,
        "created": counts["created"],
        "reimport_unchanged": again_counts.get("unchanged", 0),
        "indexed": indexed,
        "audited": audited,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "date": time.strftime("%Y-%m-%d"),
    }
    out = ROOT / "bench" / "results" / f"import-{connection.vendor}.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
