"""Benchmark: public search on a national-scale dataset.

Needs a database filled by bench/generate.py (or `manage.py demo_region --groups 100000`).
Measures, for typical searches (theme words + postcode + 10 km + language):
- server time of the whole results page (Django test client: parse, SQL, rank, render), p50/p95/p99;
- the service alone (search.search) and the raw candidate SQL of the same query (the floor);
- the gzip-compressed bytes of a results page with its stylesheet.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/samenspel_bench .venv/bin/python -m bench.search
Results: bench/results/search-<vendor>.json
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
import time
from pathlib import Path
from typing import Any

from bench.django_setup import ROOT, start

start()

from django.conf import settings  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from samenspel.directory import search  # noqa: E402
from samenspel.directory.models import Group  # noqa: E402

# Typical searches: what people type, where they are, how far, which language.
QUERIES: list[dict[str, str]] = [
    {"q": "depressie", "place": "5611", "distance": "10", "language": "nl"},
    {"q": "verslaafde zoon", "place": "5701", "distance": "10", "language": "nl"},
    {"q": "rouw", "place": "3511", "distance": "10", "language": "nl"},
    {"q": "gokken", "place": "1012", "distance": "10", "language": "tr"},
    {"q": "افسردگی زنان", "place": "3012", "distance": "10", "language": "fa"},
    {"q": "kanker", "place": "9711", "distance": "10", "language": "nl"},
    {"q": "eenzaam", "place": "2511", "distance": "10", "language": "nl"},
    {"q": "depresie", "place": "6811", "distance": "10", "language": "nl"},
]
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "40"))


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    q = statistics.quantiles(ordered, n=100, method="inclusive")
    return {"p50": round(q[49], 2), "p95": round(q[94], 2), "p99": round(q[98], 2), "n": len(ordered)}


def filters_of(params: dict[str, str]) -> search.Filters:
    return search.Filters(place=params["place"], distance=int(params["distance"]), language=params["language"])


def raw_sql_ms(params: dict[str, str]) -> float:
    """The ranking query alone (match, filter, sort, count, one page), run by the database: the floor."""
    parsed = search.parse(params["q"])
    area = search.postcodes.resolve(params["place"])
    with CaptureQueriesContext(connection) as ctx:
        search.rank(parsed, filters_of(params), area, limit=search.PAGE_SIZE)
    return _replay([ctx.captured_queries[-1]["sql"]])


def page_sql_ms(client: Client, params: dict[str, str]) -> float:
    """Every statement the results page sends (ranking, then the page's groups and schedules), replayed raw."""
    with CaptureQueriesContext(connection) as ctx:
        client.get("/", params)
    return _replay([q["sql"] for q in ctx.captured_queries])


def _replay(statements: list[str]) -> float:
    with connection.cursor() as cursor:
        started = time.perf_counter()
        for sql in statements:
            cursor.execute(sql)
            cursor.fetchall()
        return (time.perf_counter() - started) * 1000


def main() -> None:
    settings.ALLOWED_HOSTS.append("testserver")
    groups = Group.objects.count()
    client = Client(HTTP_ACCEPT_LANGUAGE="nl")
    for params in QUERIES:  # warm caches (vocabulary, connections) as a running server would be
        client.get("/", params)
    page_ms: list[float] = []
    service_ms: list[float] = []
    sql_ms: list[float] = []
    all_sql_ms: list[float] = []
    hits: dict[str, int] = {}
    for _ in range(ROUNDS):
        for params in QUERIES:
            started = time.perf_counter()
            response = client.get("/", params)
            page_ms.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
            started = time.perf_counter()
            found = search.search(params["q"], filters_of(params))
            service_ms.append((time.perf_counter() - started) * 1000)
            hits[params["q"]] = found.total
            sql_ms.append(raw_sql_ms(params))
            all_sql_ms.append(page_sql_ms(client, params))
    page = client.get("/", QUERIES[0]).content
    css_path = finders.find("samenspel/site.css")
    css = Path(str(css_path)).read_bytes()
    result: dict[str, Any] = {
        "database": connection.vendor,
        "groups": groups,
        "queries": QUERIES,
        "results_per_query": hits,
        "page_ms": percentiles(page_ms),
        "service_ms": percentiles(service_ms),
        "raw_sql_ms": percentiles(sql_ms),
        "page_sql_ms": percentiles(all_sql_ms),
        "page_to_sql_ratio_p50": round(statistics.median(page_ms) / max(statistics.median(sql_ms), 0.001), 2),
        "page_to_page_sql_ratio_p50": round(statistics.median(page_ms) / max(statistics.median(all_sql_ms), 0.001), 2),
        "service_to_sql_ratio_p50": round(statistics.median(service_ms) / max(statistics.median(sql_ms), 0.001), 2),
        "bytes": {
            "html": len(page),
            "html_gzip": len(gzip.compress(page, 6)),
            "css": len(css),
            "css_gzip": len(gzip.compress(css, 6)),
        },
        "date": time.strftime("%Y-%m-%d"),
    }
    result["bytes"]["total_gzip"] = result["bytes"]["html_gzip"] + result["bytes"]["css_gzip"]
    out = ROOT / "bench" / "results" / f"search-{connection.vendor}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    keys = ("database", "groups", "page_ms", "service_ms", "raw_sql_ms", "page_sql_ms", "bytes")
    print(json.dumps({k: result[k] for k in keys}))


if __name__ == "__main__":
    main()
