"""Benchmark: what counting a search costs (issue 16: the demand counter adds at most 1 ms to a search).

Sends `directory.signals.search_done` as the finder's search view does, with the results of real searches (one,
two and no recognised themes, with and without a postcode), into a fresh database (SQLite file
var/bench-demand.sqlite3 unless DATABASE_URL is given; it must be an empty database). Reports p50/p95/p99 of the
signal's receivers alone, in milliseconds, over 2,000 searches spread over a few days' rows, and the one write of
what was gathered (flush_ms) with the cost per search it amounts to (amortised_ms).

Run: .venv/bin/python -m bench.demand_counter
Results: bench/results/demand-<vendor>.json
"""

from __future__ import annotations

import json
import os
import statistics
import time
from pathlib import Path

from bench.django_setup import ROOT, start

if "DATABASE_URL" not in os.environ:
    target = ROOT / "var" / "bench-demand.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{target}"
start()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from samenspel.directory import search  # noqa: E402
from samenspel.directory.reference import load_reference_data  # noqa: E402
from samenspel.directory.signals import search_done  # noqa: E402
from samenspel.instruments import demand  # noqa: E402
from samenspel.instruments.models import DemandCount  # noqa: E402

QUERIES = [
    ("depressie", "5611"),
    ("rouw kanker", "1012"),
    ("gokken", ""),
    ("zzqx", "3511"),
    ("alcohol", "9711"),
    ("autisme ouders", "6811"),
]
ROUNDS = 2000


def main() -> None:
    call_command("migrate", verbosity=0)
    load_reference_data()
    prepared = []
    for words, place in QUERIES:
        filters = search.Filters(place=place) if place else search.Filters()
        prepared.append(search.search(words, filters, interface_language="nl"))
    timings = []
    for i in range(ROUNDS):
        results = prepared[i % len(prepared)]
        started = time.perf_counter()
        search_done.send(sender=main, results=results, language=("nl", "tr", "ar")[i % 3])
        timings.append((time.perf_counter() - started) * 1000)
    # What is still gathered in the process is written in one go (every DEMAND_FLUSH_SECONDS in a server).
    started = time.perf_counter()
    demand.flush_searches()
    flush_ms = (time.perf_counter() - started) * 1000
    amortised = (sum(timings) + flush_ms) / ROUNDS
    timings.sort()
    result = {
        "database": connection.vendor,
        "searches": ROUNDS,
        "rows": DemandCount.objects.count(),
        "p50_ms": round(statistics.median(timings), 3),
        "p95_ms": round(timings[int(0.95 * len(timings))], 3),
        "p99_ms": round(timings[int(0.99 * len(timings))], 3),
        "flush_ms": round(flush_ms, 1),
        "amortised_ms": round(amortised, 3),
        "target_ms": 1.0,
    }
    out = ROOT / "bench" / "results" / f"demand-{connection.vendor}.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
