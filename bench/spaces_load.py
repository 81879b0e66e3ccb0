"""Load on the online group spaces: N members reading and posting at once, through the production server.

Sets up (in the server's database) a theme space with N trusted members, each with a session as after coming back
with their key; then N clients (threads, keep-alive) for S seconds: the list of conversations, a conversation,
and every fifth request a reply (a real form post with its CSRF token). Reports requests, errors (any answer but
2xx/3xx, or a broken connection), requests per second and p50/p95/p99 per kind. Loopback only.

    DATABASE_URL=postgres://... bin/serve &         # the server, on the same database
    DATABASE_URL=postgres://... .venv/bin/python -m bench.spaces_load --base http://127.0.0.1:8000 \\
        --clients 50 --seconds 60 [--output bench/results/spaces-load-postgresql.json]
"""

from __future__ import annotations

import argparse
import http.client
import ipaddress
import json
import random
import re
import socket
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode, urlsplit

from bench import django_setup

KINDS = ["list", "thread", "reply"]


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=lambda: {kind: [] for kind in KINDS})
    errors: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    samples: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def loopback(base: str) -> tuple[str, int]:
    parts = urlsplit(base)
    host, port = parts.hostname or "", parts.port or 80
    for info in socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP):
        if not ipaddress.ip_address(info[4][0]).is_loopback:
            raise SystemExit(f"{base} is not a loopback address")
    return host, port


def set_up(clients: int) -> tuple[str, list[int], list[str]]:
    """A theme space, one conversation, `clients` trusted members with a session each: (space uuid, thread ids,
    session keys)."""
    django_setup.start()
    from django.contrib.sessions.backends.db import SessionStore

    from samenspel.directory.models import Organisation, Theme
    from samenspel.spaces import services

    support_point, _ = Organisation.objects.get_or_create(
        slug="bench-spaces", defaults={"kind": "support_point", "name": "Bench spaces"}
    )
    theme = Theme.objects.order_by("pk").first()
    if theme is None:
        raise SystemExit("No themes: run manage.py load_reference_data first.")
    space = services.space_open(
        actor=None,
        support_point=support_point,
        theme=theme,
        name=f"Bench {time.time():.0f}",
        access_level="registered",
        house_rules="Bench",
        posts_per_day=100,
    )
    keys, threads = [], []
    for n in range(clients):
        code = services.invitation_create(actor=None, space=space, single_use=True)
        member, _key = services.member_join(
            space=space, invitation=services.invitation_find(code), pseudonym=f"lid-{n}"
        )
        member.trusted = True
        member.save(update_fields=["trusted"])
        if n < 10:
            threads.append(services.thread_create(member=member, title=f"Gesprek {n}", body="Hoe gaat het?").pk)
        session = SessionStore()
        session["spaces"] = {str(space.uuid): member.pk}
        session.create()
        keys.append(session.session_key or "")
    return str(space.uuid), threads, keys


class Client:
    def __init__(self, host: str, port: int, session_key: str) -> None:
        self.host, self.port = host, port
        self.cookies = {"sessionid": session_key}
        self.conn = http.client.HTTPConnection(host, port, timeout=30)

    def request(self, method: str, path: str, body: str | None = None) -> tuple[int, bytes]:
        headers = {
            "Accept-Language": "nl",
            "User-Agent": "samenspel-bench-spaces",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
            raise
        for header, value in response.getheaders():
            if header.lower() == "set-cookie" and value.startswith("csrftoken="):
                self.cookies["csrftoken"] = value.split(";", 1)[0].split("=", 1)[1]
        return response.status, data


def worker(
    host: str, port: int, key: str, space: str, threads: list[int], deadline: float, seed: int, out: Results
) -> None:
    rng = random.Random(seed)
    client = Client(host, port, key)
    token = ""
    n = 0
    while time.monotonic() < deadline:
        n += 1
        thread = rng.choice(threads)
        kind = "reply" if n % 5 == 0 and token else ("list" if n % 2 else "thread")
        path = f"/ruimte/{space}/" if kind == "list" else f"/ruimte/{space}/gesprek/{thread}/"
        body = urlencode({"csrfmiddlewaretoken": token, "body": f"Antwoord {seed}-{n}"}) if kind == "reply" else None
        start = time.perf_counter()
        try:
            status, data = client.request("POST" if body else "GET", path, body)
            ok = 200 <= status < 400
            detail = str(status)
        except (OSError, http.client.HTTPException) as exc:
            ok, data, detail = False, b"", type(exc).__name__
        elapsed = (time.perf_counter() - start) * 1000
        if ok and kind == "thread":
            found = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', data)
            token = found.group(1).decode() if found else token
        with out.lock:
            out.latencies[kind].append(elapsed)
            if not ok:
                out.errors[kind] += 1
                if len(out.samples) < 10:
                    out.samples.append(f"{kind} {path}: {detail}")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))] if ordered else 0.0


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--output", default="")
    args = parser.parse_args(argv)
    host, port = loopback(args.base)
    space, threads, keys = set_up(args.clients)
    out = Results()
    deadline = time.monotonic() + args.seconds
    workers = [
        threading.Thread(target=worker, args=(host, port, key, space, threads, deadline, i, out))
        for i, key in enumerate(keys)
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    total = sum(len(v) for v in out.latencies.values())
    report = {
        "clients": args.clients,
        "seconds": args.seconds,
        "requests": total,
        "errors": sum(out.errors.values()),
        "requests_per_second": round(total / args.seconds, 1),
        "per_kind": {
            kind: {
                "requests": len(values),
                "errors": out.errors[kind],
                "p50_ms": round(percentile(values, 50), 1),
                "p95_ms": round(percentile(values, 95), 1),
                "p99_ms": round(percentile(values, 99), 1),
            }
            for kind, values in out.latencies.items()
        },
        "error_samples": out.samples,
    }
    text = json.dumps(report, indent=2)
    print(text)
    if args.output:
        with open(args.output, "w") as f:
            f.write(text + "\n")
    return report


if __name__ == "__main__":
    sys.exit(1 if main()["errors"] else 0)
