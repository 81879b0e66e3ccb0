"""The production path, proven: bin/serve (migrate, collectstatic, gunicorn) on a fresh PostgreSQL database
with the demo region, a smoke test of what an operator and a visitor need, a short load run, then stop.

Run: .venv/bin/python -m bench.smoke postgres://postgres@127.0.0.1:5432/samenspel   (./test does, on PostgreSQL)
It creates and drops its own database, <name>_smoke, next to the one named.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

from bench import load
from bench.serve import ServeError, get, serve

ROOT = Path(__file__).resolve().parent.parent
PY = os.environ.get("PYTHON", str(ROOT / ".venv" / "bin" / "python"))


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    return get(url, timeout=30)


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


def admin(url: str, sql: str) -> None:
    with psycopg.connect(
        with_database(url, "postgres").replace("postgres://", "postgresql://", 1), autocommit=True
    ) as c:
        c.execute(sql.encode())  # our own statement, with a name checked against [a-z0-9_]


def checks(base: str) -> list[tuple[str, Callable[[], str | None]]]:
    """(name, check): a check returns None when it holds, else what went wrong."""
    found: dict[str, str] = {}

    def healthz() -> str | None:
        status, _h, body = fetch(base + "/healthz")
        return None if (status, json.loads(body)) == (200, {"status": "ok"}) else f"{status} {body[:200]!r}"

    def search() -> str | None:
        status, _h, body = fetch(base + "/?q=rouw&place=Eindhoven")
        html = body.decode()
        slug = re.search(r'href="/groep/([\w-]+)/"', html)
        css = re.search(r'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', html)
        if status != 200 or not slug or 'class="result"' not in html:
            return f"{status}, no result for 'rouw' near Eindhoven"
        found["slug"] = slug.group(1)
        found["css"] = css.group(1) if css else ""
        return None

    def group_page() -> str | None:
        status, _h, body = fetch(f"{base}/groep/{found.get('slug', 'none')}/")
        return None if status == 200 and b"application/ld+json" in body else f"{status}"

    def static_file() -> str | None:
        if not found.get("css"):
            return "the page links no stylesheet with a hashed name"
        status, headers, _b = fetch(base + found["css"])
        cache = headers.get("Cache-Control", "")
        return None if status == 200 and "immutable" in cache and "max-age=315360000" in cache else f"{status} {cache}"

    def api() -> str | None:
        status, headers, body = fetch(base + "/api/hsds/services")
        if status != 200 or not json.loads(body).get("contents"):
            return f"{status} {headers.get('Content-Type')}"
        status, _h, body = fetch(base + "/api/openapi.json")
        return None if status == 200 and b'"openapi"' in body else f"openapi.json: {status}"

    def no_debug_page() -> str | None:
        status, _h, body = fetch(base + "/no-such-page/")
        return None if status == 404 and b"Traceback" not in body and b"URLconf" not in body else f"{status}"

    return [
        ("healthz", healthz),
        ("search", search),
        ("group page", group_page),
        ("hashed static file, far-future cache", static_file),
        ("API", api),
        ("404 without debug page", no_debug_page),
    ]


def main(argv: list[str]) -> int:
    if len(argv) != 1 or urlsplit(argv[0]).scheme not in {"postgres", "postgresql"}:
        print(__doc__, file=sys.stderr)
        return 2
    name = (urlsplit(argv[0]).path.lstrip("/") or "samenspel") + "_smoke"
    if not re.fullmatch(r"[a-z0-9_]+", name):
        print(f"smoke: unusable database name {name}", file=sys.stderr)
        return 2
    url = with_database(argv[0], name)
    admin(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin(url, f'CREATE DATABASE "{name}"')
    tmp = Path(tempfile.mkdtemp(prefix="samenspel-smoke-"))
    # Production settings, as bin/serve gets them: not the test settings ./test exports.
    env = {
        k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update({"DATABASE_URL": url, "SECRET_KEY": secrets.token_urlsafe(50)})
    failures = 0
    try:
        for step in (["migrate", "--noinput", "-v", "0"], ["demo_region", "--if-empty"]):
            subprocess.run([PY, "manage.py", *step], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
        # bin/serve with its production defaults (2 workers x 4 threads), a fresh secret, the API limit lifted.
        with serve(
            tmp,
            url,
            SECRET_KEY=env["SECRET_KEY"],
            WEB_WORKERS="2",
            WEB_THREADS="4",
            OPENDATA_ANON_REQUESTS_PER_MINUTE="1000000",
            PYTHON=PY,
        ) as base:
            for label, check in checks(base):
                problem = check()
                failures += problem is not None
                print(f"smoke: {label}: {'ok' if problem is None else 'FAILED ' + problem}")
            report = load.run(
                base,
                clients=int(os.environ.get("SMOKE_CLIENTS", "10")),
                seconds=float(os.environ.get("SMOKE_SECONDS", "10")),
            )
            failures += report["errors"] > 0
            print(
                f"smoke: load {report['clients']} clients x {report['seconds']} s: {report['requests']} requests, "
                f"{report['errors']} errors, {report['requests_per_second']} req/s, p50 {report['p50_ms']} ms, "
                f"p95 {report['p95_ms']} ms, p99 {report['p99_ms']} ms"
            )
            for sample in report["error_samples"]:
                print(f"smoke:   {sample}")
    except ServeError as exc:
        print(str(exc)[-3000:], file=sys.stderr)
        print("smoke: bin/serve did not start", file=sys.stderr)
        return 1
    finally:
        admin(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    print(f"smoke: production path {'proven' if not failures else 'BROKEN'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
