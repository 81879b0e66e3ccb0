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
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

from bench import load

ROOT = Path(__file__).resolve().parent.parent
PY = os.environ.get("PYTHON", str(ROOT / ".venv" / "bin" / "python"))


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as resp:
            return resp.status, dict(resp.headers.items()), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers.items()), err.read()


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


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
    port = free_port()
    env = {
        k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(
        {
            "DATABASE_URL": url,
            "SECRET_KEY": secrets.token_urlsafe(50),
            "SAMENSPEL_VAR_DIR": str(tmp / "var"),
            "STATIC_ROOT": str(tmp / "static"),
            "BIND": f"127.0.0.1:{port}",
            "WEB_ACCESS_LOG": "/dev/null",
            "OPENDATA_ANON_REQUESTS_PER_MINUTE": "1000000",
            "PYTHON": PY,
        }
    )
    failures = 0
    server: subprocess.Popen[bytes] | None = None
    try:
        for step in (["migrate", "--noinput", "-v", "0"], ["demo_region", "--if-empty"]):
            subprocess.run([PY, "manage.py", *step], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
        log = (tmp / "serve.log").open("wb")
        server = subprocess.Popen(
            [str(ROOT / "bin" / "serve")],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 180
        while True:
            try:
                if fetch(base + "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                print((tmp / "serve.log").read_text()[-3000:], file=sys.stderr)
                print("smoke: bin/serve did not start", file=sys.stderr)
                return 1
            time.sleep(0.5)
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
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
        admin(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    print(f"smoke: production path {'proven' if not failures else 'BROKEN'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
