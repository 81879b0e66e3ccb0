"""Write the results table of bench/README.md from bench/results/*.json.

Run: .venv/bin/python -m bench.report
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent
RESULTS = ROOT / "results"
START, END = "<!-- results:start -->", "<!-- results:end -->"


def _load(name: str) -> dict | None:
    path = RESULTS / name
    return json.loads(path.read_text()) if path.exists() else None


def table() -> str:
    lines: list[str] = []
    gen = _load("generate.json")
    if gen:
        lines += [
            f"### Generating the national-scale dataset ({gen['groups']:,} groups, {gen['machine']}, {gen['date']})",
            "",
            "| database | time | peak memory | database size |",
            "|---|---|---|---|",
        ]
        for db in ("sqlite", "postgres"):
            if db in gen:
                r = gen[db]
                lines.append(f"| {db} | {r['seconds']} s | {r['peak_mb']} MB | {r['db_mb']} MB |")
        lines.append("")
    for db in ("postgresql", "sqlite"):
        res = _load(f"search-{db}.json")
        if not res:
            continue
        b = res["bytes"]
        lines += [
            f"### Search, {db}, {res['groups']:,} groups ({res['date']})",
            "",
            "| measure | p50 | p95 | p99 |",
            "|---|---|---|---|",
        ]
        for key, label in (
            ("page_ms", "results page, server side (ms)"),
            ("service_ms", "search service alone (ms)"),
            ("raw_sql_ms", "raw ranking SQL (ms)"),
            ("page_sql_ms", "all SQL of the page, replayed raw (ms)"),
        ):
            r = res.get(key)
            if r:
                lines.append(f"| {label} | {r['p50']} | {r['p95']} | {r['p99']} |")
        lines += [
            "",
            "At p50: "
            + ", ".join(
                f"{label} {res[key]}×"
                for key, label in (
                    ("service_to_sql_ratio_p50", "service / ranking SQL"),
                    ("page_to_sql_ratio_p50", "page / ranking SQL"),
                    ("page_to_page_sql_ratio_p50", "page / all of its SQL"),
                )
                if res.get(key)
            )
            + ". "
            f"Results page: {b['html']:,} bytes HTML, {b['html_gzip']:,} gzipped; stylesheet {b['css_gzip']:,} "
            f"gzipped; page with its assets {b['total_gzip']:,} bytes compressed (no scripts, fonts or images).",
            "",
        ]
    for db in ("postgresql", "sqlite"):
        res = _load(f"opendata-{db}.json")
        if not res:
            continue
        lines += [
            f"### Open data, {db}, {res['services']:,} public services ({res['date']})",
            "",
            "| export | time | peak memory | output |",
            "|---|---|---|---|",
        ]
        for key, label in (("export_csv", "HSDS datapackage, CSV"), ("export_json", "HSDS, one JSON file")):
            r = res[key]
            lines.append(f"| {label} | {r['seconds']} s | {r['peak_mb']} MB | {r['output_mb']} MB |")
        lines += ["", "| API list request | p50 ms | p95 ms | p99 ms |", "|---|---|---|---|"]
        for url, r in res["api_ms"].items():
            lines.append(f"| `{url}` | {r['p50']} | {r['p95']} | {r['p99']} |")
        lines.append("")
    for db in ("sqlite", "postgresql"):
        res = _load(f"import-{db}.json")
        if res:
            lines += [
                f"### Workspace import, {db}, {res['rows']:,} rows ({res['date']})",
                "",
                f"Dry run {res['dry_run_seconds']} s, real import {res['import_seconds']} s "
                f"({res['created']:,} groups created), peak memory {res['peak_mb']} MB.",
                "",
            ]
            if "reimport_seconds" in res:
                lines += [
                    f"A list as support points write it (themes and languages by name, meeting times in words, a "
                    f"place per group). {res.get('note', '')}",
                    "",
                    "| step | wall | CPU of the process |",
                    "|---|---|---|",
                    f"| check (dry run) | {res['dry_run_seconds']} s | {res['dry_run_cpu_seconds']} s |",
                    f"| import | {res['import_seconds']} s | {res['import_cpu_seconds']} s |",
                    f"| same list again (check + import, {res['reimport_unchanged']:,} unchanged) | "
                    f"{res['reimport_seconds']} s | {res['reimport_cpu_seconds']} s |",
                    "",
                ]
    for db in ("sqlite", "postgresql"):
        res = _load(f"relevance-{db}.json")
        if res:
            lines += [
                f"### Relevance of own-words search, {db}, demo region ({res['groups']} groups, "
                f"{res['summary']['all']['queries']} judged queries, top {res['k']}) ({res['date']})",
                "",
                "| language | queries | nDCG@5 | P@5 | best possible P@5 |",
                "|---|---|---|---|---|",
            ]
            for lang, r in res["summary"].items():
                lines.append(f"| {lang} | {r['queries']} | {r['ndcg5']:.3f} | {r['p5']:.3f} | {r['ideal_p5']:.3f} |")
            lines.append("")
    return "\n".join(lines)


def main() -> None:
    readme = ROOT / "README.md"
    text = readme.read_text()
    before, _, rest = text.partition(START)
    _, _, after = rest.partition(END)
    readme.write_text(f"{before}{START}\n{table()}\n{END}{after}")
    print(table())


if __name__ == "__main__":
    main()
