"""A bounded load generator for the production server, on loopback only.

N clients (threads with keep-alive connections) for S seconds over the public pages and the API:
search, group pages, a group's .ics, its flyer PDF, the HSDS API list and detail. It stops by itself
and reports requests, errors (any answer but 2xx/3xx, or a broken connection), rate-limited answers
(429, counted apart), requests per second and p50/p95/p99 latency overall and per kind.

Run against bin/serve (see bench/README.md):
    .venv/bin/python -m bench.load --base http://127.0.0.1:8000 --clients 20 --seconds 30 [--output FILE.json]
The API limits anonymous clients per minute: start the server with OPENDATA_ANON_REQUESTS_PER_MINUTE raised
to measure the API rather than the limiter. It refuses any target that is not a loopback address.
"""

from __future__ import annotations

import argparse
import http.client
import ipaddress
import json
import random
import re
import socket
import statistics
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode, urlsplit

QUERIES = [
    "rouw",
    "depressie",
    "mantelzorg",
    "kanker",
    "autisme",
    "gokken",
    "eenzaam",
    "angst",
    "mijn zoon",
    "diabetes",
]
PLACES = ["Eindhoven", "Helmond", "5611", "Veldhoven", ""]
# Weights of the request kinds: mostly searches and group pages, as citizens use the map.
MIX = {"search": 40, "group": 25, "ics": 10, "flyer_pdf": 5, "api_list": 12, "api_detail": 8}
MAX_SECONDS = 600
MAX_CLIENTS = 200


class NotLoopback(ValueError):
    pass


def loopback_target(base: str) -> tuple[str, int]:
    """Host and port of base, or NotLoopback: this tool never sends load to another machine."""
    parts = urlsplit(base)
    if parts.scheme != "http" or not parts.hostname:
        raise NotLoopback(f"{base}: give an http:// address on 127.0.0.1")
    port = parts.port or 80
    for info in socket.getaddrinfo(parts.hostname, port, proto=socket.IPPROTO_TCP):
        if not ipaddress.ip_address(info[4][0]).is_loopback:
            raise NotLoopback(f"{base} resolves to {info[4][0]}, which is not a loopback address")
    return parts.hostname, port


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=lambda: {kind: [] for kind in MIX})
    errors: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MIX, 0))
    limited: int = 0
    error_samples: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


class Client:
    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.conn = http.client.HTTPConnection(host, port, timeout=30)

    def get(self, path: str) -> tuple[int, bytes]:
        try:
            self.conn.request("GET", path, headers={"Accept-Language": "nl", "User-Agent": "samenspel-bench-load"})
            response = self.conn.getresponse()
            body = response.read()
            if response.getheader("Connection", "").lower() == "close":
                self.conn.close()
            return response.status, body
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
            raise


def discover(client: Client) -> tuple[list[str], list[str]]:
    """Group slugs from searches, service ids from the API: the load then asks for pages that exist."""
    slugs: set[str] = set()
    for query in QUERIES:
        status, body = client.get("/?" + urlencode({"q": query, "place": "Eindhoven"}))
        if status == 200:
            slugs.update(re.findall(r'href="/groep/([\w-]+)/"', body.decode("utf-8", "replace")))
    ids: list[str] = []
    status, body = client.get("/api/hsds/services?per_page=50")
    if status == 200:
        ids = [item["id"] for item in json.loads(body).get("contents", []) if "id" in item]
    return sorted(slugs), ids


def request_path(kind: str, rng: random.Random, slugs: list[str], ids: list[str]) -> str:
    slug = rng.choice(slugs)
    if kind == "search":
        return "/?" + urlencode({"q": rng.choice(QUERIES), "place": rng.choice(PLACES)})
    if kind == "group":
        return f"/groep/{slug}/"
    if kind == "ics":
        return f"/groep/{slug}/agenda.ics"
    if kind == "flyer_pdf":
        return f"/groep/{slug}/flyer.pdf"
    if kind == "api_list":
        return f"/api/hsds/services?page={rng.randint(1, 3)}"
    return f"/api/hsds/services/{rng.choice(ids)}" if ids else "/api/hsds/services"


def worker(
    host: str,
    port: int,
    deadline: float,
    seed: int,
    slugs: list[str],
    ids: list[str],
    out: Results,
    mix: dict[str, int],
) -> None:
    rng = random.Random(seed)
    client = Client(host, port)
    kinds, weights = list(mix), list(mix.values())
    while time.monotonic() < deadline:
        kind = rng.choices(kinds, weights)[0]
        path = request_path(kind, rng, slugs, ids)
        start = time.perf_counter()
        try:
            status, _body = client.get(path)
        except (OSError, http.client.HTTPException) as exc:
            status, _body = 0, str(exc).encode()
        elapsed = time.perf_counter() - start
        with out.lock:
            if status == 429:
                out.limited += 1
            elif status == 0 or status >= 400:
                out.errors[kind] += 1
                if len(out.error_samples) < 10:
                    out.error_samples.append(f"{status} {path}")
            else:
                out.latencies[kind].append(elapsed)
    client.conn.close()


def run(base: str, clients: int, seconds: float, seed: int = 1, only: str = "") -> dict[str, Any]:
    host, port = loopback_target(base)
    # One kind alone (for example the searches, whose 55 addresses are all cached after a first round).
    mix = {only: 1} if only else MIX
    if only and only not in MIX:
        raise ValueError(f"--only takes one of {', '.join(MIX)}")
    if not 1 <= clients <= MAX_CLIENTS or not 0 < seconds <= MAX_SECONDS:
        raise ValueError(f"clients 1..{MAX_CLIENTS}, seconds up to {MAX_SECONDS}")
    try:
        slugs, ids = discover(Client(host, port))
    except (OSError, http.client.HTTPException) as exc:
        raise RuntimeError(f"{base} does not answer: {exc}") from exc
    if not slugs:
        raise RuntimeError(f"no group found by searching {base}: load the demo region first")
    results = Results()
    started = time.monotonic()
    deadline = started + seconds
    threads = [
        threading.Thread(target=worker, args=(host, port, deadline, seed + i, slugs, ids, results, mix), daemon=True)
        for i in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 60)
    duration = time.monotonic() - started
    every = [v for values in results.latencies.values() for v in values]
    errors = sum(results.errors.values())
    total = len(every) + errors + results.limited

    def summary(values: list[float]) -> dict[str, float]:
        return {
            "p50_ms": round(percentile(values, 50) * 1000, 1),
            "p95_ms": round(percentile(values, 95) * 1000, 1),
            "p99_ms": round(percentile(values, 99) * 1000, 1),
            "mean_ms": round(statistics.fmean(values) * 1000, 1) if values else 0.0,
        }

    return {
        "base": base,
        "clients": clients,
        "only": only or "mix",
        "seconds": round(duration, 1),
        "groups_found": len(slugs),
        "requests": total,
        "errors": errors,
        "rate_limited": results.limited,
        "requests_per_second": round(total / duration, 1),
        **summary(every),
        "per_kind": {
            kind: {"requests": len(values), "errors": results.errors[kind], **summary(values)}
            for kind, values in results.latencies.items()
        },
        "error_samples": results.error_samples,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--output", help="also write the report as JSON here")
    parser.add_argument("--only", default="", help=f"one kind of request only: {', '.join(MIX)}")
    args = parser.parse_args(argv)
    try:
        report = run(args.base, args.clients, args.seconds, args.seed, only=args.only)
    except (NotLoopback, ValueError, RuntimeError) as exc:
        print(f"load: {exc}", file=sys.stderr)
        return 2
    text = json.dumps(report, indent=2)
    print(text)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(text + "\n")
    return 1 if report["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
