"""Benchmark: HSDS export and API list latency on the national-scale dataset.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/samenspel_bench .venv/bin/python -m bench.opendata
Results: bench/results/opendata-<vendor>.json
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.django_setup import ROOT, start

start()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from samenspel.directory.models import Group  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "20"))


def export(fmt: str) -> dict[str, Any]:
    """Run export_hsds in a child process: wall time, the child's peak memory, output size."""
    out = Path(tempfile.mkdtemp(prefix="hsds-export-"))
    target = out / ("export.json" if fmt == "json" else "csv")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    before, cpu_before = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    load = os.getloadavg()[0]
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "manage.py", "export_hsds", "--format", fmt, "--output", str(target)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        env=os.environ.copy(),
    )
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = max(usage.ru_maxrss, before) // 1024
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    shutil.rmtree(out)
    # The machine is shared: wall time depends on what else runs, so the child's own CPU time is kept too.
    return {
        "seconds": round(seconds, 1),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime - cpu_before, 1),
        "load_before": round(load, 1),
        "peak_mb": peak,
        "output_mb": round(size / 2**20, 1),
    }


def percentiles(samples: list[float]) -> dict[str, float]:
    q = statistics.quantiles(sorted(samples), n=100, method="inclusive")
    return {"p50": round(q[49], 2), "p95": round(q[94], 2), "p99": round(q[98], 2), "n": len(samples)}


def api_latency() -> dict[str, Any]:
    settings.ALLOWED_HOSTS.append("testserver")
    settings.OPENDATA_ANON_REQUESTS_PER_MINUTE = 10**9  # measure the API, not the rate limiter
    client = Client()
    urls = [
        "/api/hsds/services?per_page=50",
        "/api/hsds/services?per_page=50&page=900",
        "/api/hsds/services?per_page=50&search=depressie",
        "/api/hsds/services?per_page=50&postcode=5611&proximity=10000",
        "/api/hsds/services?per_page=50&modified_after=2020-01-01T00:00:00Z",
        "/api/hsds/service_at_locations?per_page=50",
        "/api/hsds/organizations?per_page=50",
    ]
    for url in urls:
        client.get(url)
    timings: dict[str, list[float]] = {url: [] for url in urls}
    for _ in range(ROUNDS):
        for url in urls:
            started = time.perf_counter()
            response = client.get(url)
            timings[url].append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
    return {url: percentiles(samples) for url, samples in timings.items()}


def main() -> None:
    result = {
        "database": connection.vendor,
        "services": Group.objects.public().count(),
        "export_csv": export("csv"),
        "export_json": export("json"),
        "api_ms": api_latency(),
        "date": time.strftime("%Y-%m-%d"),
        "load_after": round(os.getloadavg()[0], 1),
    }
    out = ROOT / "bench" / "results" / f"opendata-{connection.vendor}.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
