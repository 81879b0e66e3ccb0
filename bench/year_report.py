"""Benchmark: the year report of a municipality over the national-scale dataset (issue 16: ≤ 2 s on PostgreSQL).

Needs a database filled by bench/generate.py (100,000 groups). Only reads: the connection is set read-only before
anything runs, so the dataset stays as generated (or as bench/year_report_data.py filled it). Takes the
municipality with the most groups (and, with --municipality, any other), and measures, several runs each after one
warm-up run:
- the whole page: the report's figures (every query) and the HTML rendered with its SVG charts;
- the figures alone, and their number of queries;
- the CSV and the PDF built from the same tables.
It also says how many rows each of the report's counted sources holds. The generator leaves most of them empty
(referrals, questions, survey answers, information sessions, facilitation, rooms): bench/year_report_data.py fills
them, once. With --fill this bench measures, runs that fill in a child process (its own, writable connection),
and measures again, so that both stand side by side in the results ("before_fill" and "periods"); on a dataset
filled already, --fill measures once.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/samenspel_bench .venv/bin/python -m bench.year_report [--fill]
Results: bench/results/year_report-<vendor>.json
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from functools import partial
from typing import Any

from bench.django_setup import ROOT, start

start()

from django.contrib.auth.models import AnonymousUser  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.backends.signals import connection_created  # noqa: E402
from django.db.models import Model  # noqa: E402
from django.template.loader import render_to_string  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import translation  # noqa: E402

from samenspel.core.figures import figures_csv, figures_pdf  # noqa: E402
from samenspel.directory import postcodes  # noqa: E402
from samenspel.directory.models import Group  # noqa: E402
from samenspel.facilities.models import RoomBooking, RoomRequest  # noqa: E402
from samenspel.instruments.models import DemandCount, QuestionCount, SurveyAnswer  # noqa: E402
from samenspel.instruments.reports.figures import Period, municipality_scope, year_report  # noqa: E402
from samenspel.referral.models import ReferralCount  # noqa: E402
from samenspel.workspace.models import FacilitationRequest, InformationSession  # noqa: E402

# The day the dataset was generated for (bench/generate.py --today): the report's "current year to date".
TODAY = datetime.date(2026, 11, 22)


def _read_only(sender: Any, connection: Any, **kwargs: Any) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")


connection_created.connect(_read_only)


def _plain_static_files() -> None:
    """Static URLs without the manifest of collectstatic (a bench run has none): a dict lookup either way."""
    from django.conf import settings
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.utils.functional import empty

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    staticfiles_storage._wrapped = empty  # type: ignore[attr-defined]


def largest_municipality() -> tuple[str, int]:
    """The municipality with the most groups (by the PC4 of their place): one GROUP BY, mapped in Python."""
    from django.db.models import Count
    from django.db.models.functions import Substr

    per_pc4 = (
        Group.objects.exclude(location__postcode="")
        .annotate(pc4=Substr("location__postcode", 1, 4))
        .values("pc4")
        .annotate(n=Count("id"))
        .order_by()
    )
    per_municipality: Counter[str] = Counter()
    for row in per_pc4:
        per_municipality[postcodes.municipality_of(row["pc4"])] += row["n"]
    per_municipality.pop("", None)
    return per_municipality.most_common(1)[0]


def timed(runs: int, work: Callable[[], Any]) -> dict[str, float]:
    work()  # warm: imports, templates, the PC4 table
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        samples.append((time.perf_counter() - started) * 1000)
    return {
        "median_ms": round(statistics.median(samples), 1),
        "min_ms": round(min(samples), 1),
        "max_ms": round(max(samples), 1),
        "runs": runs,
    }


def source_rows() -> dict[str, int]:
    """How many rows each of the report's counted sources holds (the generator leaves most of them empty)."""
    models: tuple[type[Model], ...] = (
        ReferralCount,
        QuestionCount,
        DemandCount,
        SurveyAnswer,
        InformationSession,
        FacilitationRequest,
        RoomRequest,
        RoomBooking,
    )
    return {model.__name__: model._default_manager.count() for model in models}


def measure(name: str, runs: int, pdf_runs: int) -> dict[str, Any]:
    """The page, the figures, the CSV and the PDF of the last full year and of this year to date."""
    request = RequestFactory().get("/gemeente/x/jaarverslag/")
    request.user = AnonymousUser()
    municipality = {"name": name, "slug": postcodes.municipality_slug(name)}
    periods: dict[str, Any] = {}
    for label, year in (("last full year", TODAY.year - 1), ("this year to date", TODAY.year)):
        period = Period.of(year, TODAY)

        def figures(period: Period = period) -> Any:
            return year_report(municipality_scope(name), period)

        def page(period: Period = period, year: int = year) -> str:
            report = figures(period)
            context = {
                "report": report,
                "heading": f"Jaarverslag {year} {name}",
                "intro": "",
                "years": [(year, str(year))],
                "downloads": {"csv": "", "xlsx": "", "pdf": ""},
                "municipality": municipality,
                "page": "year_report",
                "request": request,
            }
            return render_to_string("instruments/reports/municipality.html", context, request=request)

        with CaptureQueriesContext(connection) as queries:
            report = figures()
        html = page()
        tables = report.tables
        periods[label] = {
            "year": year,
            "page": timed(runs, page),
            "figures": timed(runs, figures),
            "queries": len(queries.captured_queries),
            "html_bytes": len(html.encode()),
            "svg_charts": html.count("<svg"),
            "tables": len(tables),
            "csv": timed(runs, partial(figures_csv, "x", tables, "x")),
            "pdf": timed(pdf_runs, partial(figures_pdf, "x", [], tables, "x")),
        }
        print(label, json.dumps(periods[label]))
    return periods


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--municipality", help="default: the one with the most groups")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--pdf-runs", type=int, default=3)
    parser.add_argument(
        "--fill",
        action="store_true",
        help="measure, fill the empty sources (bench/year_report_data.py, in a child with its own connection; "
        "a no-op when filled already), measure again: before and after side by side",
    )
    args = parser.parse_args()
    translation.activate("nl")
    _plain_static_files()
    if args.municipality:
        name = args.municipality
        count = -1
    else:
        name, count = largest_municipality()
    results: dict[str, Any] = {
        "database": connection.vendor,
        "machine": f"{platform.machine()}, {platform.node()}",
        "date": datetime.date.today().isoformat(),
        "groups_total": Group.objects.count(),
        "municipality": name,
        "groups_in_municipality": count,
        # Two cores shared with others: the load says how quiet the machine was.
        "load_average_before": [round(x, 1) for x in os.getloadavg()],
    }
    rows = source_rows()
    if args.fill and not all(rows.values()):
        print("before the fill:", rows)
        results["before_fill"] = {
            "source_rows": rows,
            "periods": measure(name, args.runs, args.pdf_runs),
            "load_average_after": [round(x, 1) for x in os.getloadavg()],
        }
        started = time.perf_counter()
        # The fill writes; this process's connection stays read-only.
        subprocess.run([sys.executable, "-m", "bench.year_report_data"], cwd=ROOT, check=True)
        results["fill_seconds"] = round(time.perf_counter() - started, 1)
        rows = source_rows()
        results["load_average_before_filled"] = [round(x, 1) for x in os.getloadavg()]
    results["source_rows"] = rows
    results["sources_with_rows"] = {source: n > 0 for source, n in rows.items()}
    results["periods"] = measure(name, args.runs, args.pdf_runs)
    results["load_average_after"] = [round(x, 1) for x in os.getloadavg()]
    path = ROOT / "bench" / "results" / f"year_report-{connection.vendor}.json"
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
