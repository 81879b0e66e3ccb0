"""Benchmark: build the national-scale dataset (default 100,000 groups) on SQLite and PostgreSQL.

Reports wall time, peak memory of the generator process and the database size.
Run: .venv/bin/python -m bench.generate [--groups 100000] [--only sqlite|postgres]
Results: bench/results/generate.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PG_ADMIN_URL = os.environ.get("BENCH_PG_ADMIN", "postgres://postgres@127.0.0.1:5432/postgres")
PG_BENCH_DB = "samenspel_bench"


def manage(env: dict[str, str], *args: str) -> tuple[float, int, str]:
    """Run manage.py in a child; return seconds, the child's peak RSS in MB and its output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) // 1024, out.stdout.strip()


def psql(sql: str, db: str = "postgres") -> str:
    return subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-tAc", sql],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def bench_sqlite(groups: int) -> dict[str, Any]:
    path = ROOT / "var" / "bench.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{path}", "SECRET_KEY": "bench", "DEBUG": "0"}
    manage(env, "migrate", "--noinput", "-v", "0")
    seconds, peak_mb, out = manage(env, "demo_region", "--groups", str(groups), "--today", "2026-11-22")
    manage(env, "shell", "-c", "from django.db import connection; connection.cursor().execute('VACUUM')")
    return {
        "seconds": round(seconds, 1),
        "peak_mb": peak_mb,
        "db_mb": round(path.stat().st_size / 2**20, 1),
        "out": out,
    }


def bench_postgres(groups: int) -> dict[str, Any]:
    psql(f"DROP DATABASE IF EXISTS {PG_BENCH_DB}")
    psql(f"CREATE DATABASE {PG_BENCH_DB}")
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{PG_BENCH_DB}",
        "SECRET_KEY": "bench",
        "DEBUG": "0",
    }
    manage(env, "migrate", "--noinput", "-v", "0")
    seconds, peak_mb, out = manage(env, "demo_region", "--groups", str(groups), "--today", "2026-11-22")
    psql("VACUUM ANALYZE", PG_BENCH_DB)
    size = int(psql(f"SELECT pg_database_size('{PG_BENCH_DB}')"))
    return {"seconds": round(seconds, 1), "peak_mb": peak_mb, "db_mb": round(size / 2**20, 1), "out": out}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--groups", type=int, default=100_000)
    parser.add_argument("--only", choices=["sqlite", "postgres"])
    args = parser.parse_args()
    result: dict[str, Any] = {
        "groups": args.groups,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "date": time.strftime("%Y-%m-%d"),
    }
    if args.only in (None, "sqlite"):
        result["sqlite"] = bench_sqlite(args.groups)
        print("sqlite", result["sqlite"], flush=True)
    if args.only in (None, "postgres"):
        result["postgres"] = bench_postgres(args.groups)
        print("postgres", result["postgres"], flush=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / "generate.json"
    # --only runs one database: keep the other database's last figures beside it.
    previous = json.loads(path.read_text()) if path.exists() else {}
    if previous.get("groups") == args.groups:
        result = {**previous, **result}
    path.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
