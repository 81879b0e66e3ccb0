"""Benchmark: how well own-words search ranks the groups a person means (nDCG@5 and precision@5).

Loads the Zuidoost-Brabant demo region (150 groups, fixed seed and date) into a fresh database, runs every
query of queries.yaml through the public search page's own path (SearchForm + run_search, in the query's
interface language), grades the top 5 with the query's rules (judge.py) and reports per language and overall,
with the worst queries and why.

Run:  .venv/bin/python -m bench.relevance                       # fresh SQLite file var/bench-relevance.sqlite3
      .venv/bin/python -m bench.relevance --database-url postgres://postgres@127.0.0.1:5432/samenspel_relevance
      .venv/bin/python -m bench.relevance --show nl-zoon-drinkt-helmond   # the groups a query's rules grade
      .venv/bin/python -m bench.relevance --min-ndcg 0.8 --min-lang-ndcg 0.7  # exit 1 below these
Results: bench/results/relevance-<vendor>.json
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from bench.django_setup import ROOT, start
from bench.relevance import judge, metrics
from bench.relevance.region import GROUPS, SEED, facts_for, group_facts, load_demo_region

WORST = 15


def _arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.relevance", description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="", help="default: a fresh SQLite file var/bench-relevance.sqlite3")
    parser.add_argument("--lang", action="append", default=[], help="only queries in this language (repeatable)")
    parser.add_argument("--only", action="append", default=[], help="only this query id (repeatable)")
    parser.add_argument(
        "--show",
        action="append",
        default=[],
        help="list how the rules of this query grade the demo groups, and stop (repeatable; 'all' for every query)",
    )
    parser.add_argument("--min-ndcg", type=float, default=None, help="exit 1 when overall nDCG@5 is below this")
    parser.add_argument("--min-lang-ndcg", type=float, default=None, help="exit 1 when a language is below this")
    parser.add_argument("--no-write", action="store_true", help="do not write bench/results/relevance-*.json")
    return parser.parse_args(argv)


def _prepare_database(url: str) -> None:
    if url:
        os.environ["DATABASE_URL"] = url
        if url.startswith(("postgres://", "postgresql://")):
            _create_postgres_database(url)
    else:
        target = ROOT / "var" / "bench-relevance.sqlite3"
        target.parent.mkdir(exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{target}"


def _create_postgres_database(url: str) -> None:
    import psycopg

    base, _slash, name = url.rpartition("/")
    name = name.split("?", 1)[0]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')  # the name comes from the command line of the person running it


def _run(query: judge.Query) -> list[str]:
    """The slugs of the first five results of the public search page for this query."""
    from django.utils import translation

    from samenspel.finder.search_form import SearchForm, run_search

    with translation.override(query.lang):
        form = SearchForm(data=query.form_data())
        results = run_search(form, page_size=metrics.K)
    return [hit.group.slug for hit in results.hits[: metrics.K]]


def _describe(f: judge.GroupFacts, g: int) -> str:
    where = "online" if f.online else (f"{f.distance_km:.0f} km" if f.distance_km is not None else "-")
    return (
        f"  [{g}] {f.name[:44]:44} {','.join(sorted(f.themes))[:46]:46} {','.join(sorted(f.languages)):6} "
        f"{f.audience[:8]:8} {f.gender[:5]:5} {f.status[:6]:6} {where}"
    )


def _show(query: judge.Query, facts: list[judge.GroupFacts]) -> None:
    print(f"{query.id} [{query.lang}] {query.q!r}  place={query.place or '-'}  filters={query.filters or '-'}")
    print(f"  need: {query.need}")
    graded = sorted(((judge.grade(query, f), f) for f in facts), key=lambda x: (-x[0], x[1].distance_km or 0))
    for label in (3, 2, 1):
        rows = [f for g, f in graded if g == label]
        print(f"grade {label}: {len(rows)} groups")
        for f in rows[: 40 if label > 1 else 15]:
            print(_describe(f, label))
    print("top 5 of the search now:")
    by_slug = {f.slug: f for f in facts}
    for slug in _run(query):
        print(_describe(by_slug[slug], judge.grade(query, by_slug[slug])))


def _evaluate(query: judge.Query, facts: list[judge.GroupFacts]) -> dict[str, Any]:
    by_slug = {f.slug: f for f in facts}
    all_grades = [judge.grade(query, f) for f in facts]

    def km(slug: str) -> float | None:
        distance = by_slug[slug].distance_km
        return None if distance is None else round(distance, 1)

    shown = _run(query)
    grades = [judge.grade(query, by_slug[s]) for s in shown]
    if query.expect_none:
        ndcg = 1.0 if not any(grades) else 0.0
        p5 = ideal = 1.0 if not any(grades) else 0.0
    else:
        ndcg = metrics.ndcg(grades, all_grades)
        p5, ideal = metrics.precision(grades), metrics.ideal_precision(all_grades)
    return {
        "id": query.id,
        "lang": query.lang,
        "q": query.q,
        "place": query.place,
        "need": query.need,
        "ndcg5": round(ndcg, 4),
        "p5": round(p5, 4),
        "ideal_p5": round(ideal, 4),
        "relevant_groups": sum(1 for g in all_grades if g >= metrics.RELEVANT),
        "top5": [
            {
                "slug": s,
                "name": by_slug[s].name,
                "themes": sorted(by_slug[s].themes),
                "languages": sorted(by_slug[s].languages),
                "audience": by_slug[s].audience,
                "online": by_slug[s].online,
                "distance_km": km(s),
                "grade": g,
            }
            for s, g in zip(shown, grades, strict=True)
        ],
    }


def _dumps(result: dict[str, Any]) -> str:
    """JSON with one line per query, so the file stays readable and diffs show which queries changed."""
    head = json.dumps({k: v for k, v in result.items() if k != "queries"}, indent=2, ensure_ascii=False)
    rows = ",\n".join("    " + json.dumps(row, ensure_ascii=False) for row in result["queries"])
    return head[:-2] + ',\n  "queries": [\n' + rows + "\n  ]\n}\n"


def _commit() -> str:
    """The commit measured (with '+' when the work tree has changes), so figures can be traced to a ranking."""
    import subprocess

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
        return done.stdout.strip()

    head = git("rev-parse", "--short", "HEAD")
    return (
        f"{head}+"
        if head and git("status", "--porcelain", "--untracked-files=no", "--", ".", ":!bench/results")
        else head
    )


def _mean(values: list[float]) -> float:
    return round(sum(values) / len(values), 3) if values else 0.0


def _summary(rows: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for lang in [*judge.LANGUAGES, "all"]:
        mine = [r for r in rows if lang in ("all", r["lang"])]
        if mine:
            out[lang] = {
                "queries": len(mine),
                "ndcg5": _mean([r["ndcg5"] for r in mine]),
                "p5": _mean([r["p5"] for r in mine]),
                "ideal_p5": _mean([r["ideal_p5"] for r in mine]),
            }
    return out


def _print_report(rows: list[dict[str, Any]], summary: dict[str, dict[str, float]], vendor: str) -> None:
    print(f"Relevance of own-words search, {vendor}, demo region ({GROUPS} groups), top {metrics.K}\n")
    print("| language | queries | nDCG@5 | P@5 | best possible P@5 |")
    print("|---|---|---|---|---|")
    for lang, s in summary.items():
        print(f"| {lang} | {int(s['queries'])} | {s['ndcg5']:.3f} | {s['p5']:.3f} | {s['ideal_p5']:.3f} |")
    print(f"\nWorst {WORST} queries (grade, name, themes, languages, audience, distance):")
    for r in sorted(rows, key=lambda r: (r["ndcg5"], r["p5"]))[:WORST]:
        print(f"\n{r['id']} [{r['lang']}] {r['q']!r} {r['place'] or ''}  nDCG@5 {r['ndcg5']:.2f}  P@5 {r['p5']:.2f}")
        print(f"  need: {r['need']}")
        if not r["top5"]:
            print("  (nothing found)")
        for h in r["top5"]:
            where = "online" if h["online"] else f"{h['distance_km']} km"
            print(
                f"  [{h['grade']}] {h['name'][:44]:44} {','.join(h['themes'])[:46]:46} "
                f"{','.join(h['languages']):6} {h['audience'][:8]:8} {where}"
            )


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    queries = judge.load()
    if args.lang:
        queries = [q for q in queries if q.lang in args.lang]
    if args.only or (args.show and "all" not in args.show):
        wanted = set(args.only) | set(args.show)
        unknown = wanted - {q.id for q in queries}
        if unknown:
            print(f"Unknown query id(s): {', '.join(sorted(unknown))}", file=sys.stderr)
            return 2
        queries = [q for q in queries if q.id in wanted]
    _prepare_database(args.database_url)
    start()
    from django.db import connection

    started = time.perf_counter()
    load_demo_region()
    groups = group_facts()
    if args.show:
        for query in queries:
            _show(query, facts_for(query, groups))
            print()
        return 0
    rows = [_evaluate(q, facts_for(q, groups)) for q in queries]
    summary = _summary(rows)
    _print_report(rows, summary, connection.vendor)
    if not args.no_write and not args.only and not args.lang:
        out = ROOT / "bench" / "results" / f"relevance-{connection.vendor}.json"
        result = {
            "database": connection.vendor,
            "groups": GROUPS,
            "seed": SEED,
            "k": metrics.K,
            "date": time.strftime("%Y-%m-%d"),
            "commit": _commit(),
            "seconds": round(time.perf_counter() - started, 1),
            "summary": summary,
            "queries": rows,
        }
        out.write_text(_dumps(result))
        print(f"\nWritten: {out.relative_to(ROOT)}")
    failed = False
    if args.min_ndcg is not None and summary.get("all", {}).get("ndcg5", 0.0) < args.min_ndcg:
        print(f"Overall nDCG@5 below {args.min_ndcg}", file=sys.stderr)
        failed = True
    if args.min_lang_ndcg is not None:
        for lang, s in summary.items():
            if lang != "all" and s["ndcg5"] < args.min_lang_ndcg:
                print(f"nDCG@5 in {lang} below {args.min_lang_ndcg}", file=sys.stderr)
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
