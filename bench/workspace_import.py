"""Benchmark: a support point imports a spreadsheet of 10,000 groups (dry run, then the real import).

Builds a fresh database (SQLite file var/bench-import.sqlite3 unless DATABASE_URL is given; it must be
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

THEMES = ["depression", "grief", "gambling", "alcohol", "cancer", "loneliness", "autism", "diabetes"]
LANGUAGES = ["nl", "nl", "nl", "tr", "ar", "fa", "pl", "uk"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    load_reference_data()
    sp = Organisation.objects.create(
        slug="bench-steunpunt", kind="support_point", name="Bench steunpunt", email="info@bench.example.org"
    )
    headers = ["Naam", "E-mail", "Thema", "Taal"]
    rows = [
        [f"Lotgenotengroep {i}", f"groep{i}@bench.example.org", THEMES[i % len(THEMES)], LANGUAGES[i % len(LANGUAGES)]]
        for i in range(args.rows)
    ]
    batch = ImportBatch.objects.create(support_point=sp, filename="bench.csv", headers=headers, rows=rows)
    started, cpu = time.perf_counter(), time.process_time()
    imports.import_batch_check(batch=batch, mapping=guess_mapping(headers), actor=None)
    dry_run, dry_run_cpu = time.perf_counter() - started, time.process_time() - cpu
    started, cpu = time.perf_counter(), time.process_time()
    counts = imports.import_batch_apply(batch=batch, actor=None)
    real, real_cpu = time.perf_counter() - started, time.process_time() - cpu
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
        "created": counts["created"],
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
