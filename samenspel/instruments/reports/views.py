"""The year report pages: a municipality's (for its officers) and a support point's (for its members).

Access through the rooms' own helpers: insight.access for a municipality (anyone else gets 404, staff included)
and workspace.access for a support point (outsiders 404, its volunteer translators 403). The page, its CSV, its
spreadsheet and its PDF are drawn from the same protected tables.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from samenspel.core.figures import figures_csv, figures_pdf
from samenspel.insight.access import municipality_for_user
from samenspel.instruments.reports.exports import report_xlsx
from samenspel.instruments.reports.figures import (
    Period,
    Report,
    Scope,
    default_year,
    municipality_scope,
    support_point_scope,
    today,
    year_report,
    years,
)
from samenspel.workspace.access import support_point_for_user
from samenspel.workspace.decorators import signed_in


def _period(request: HttpRequest) -> Period:
    now = today()
    asked = request.GET.get("year", "")
    year = int(asked) if asked.isdigit() and int(asked) in years(now) else default_year(now)
    return Period.of(year, now)


def _heading(scope: Scope, period: Period) -> str:
    if period.to_date:
        return _("Year report %(year)s of %(name)s, to %(date)s") % {
            "year": period.year,
            "name": scope.name,
            "date": date_format(period.end, "j F Y"),
        }
    return _("Year report %(year)s of %(name)s") % {"year": period.year, "name": scope.name}


def _intro(report: Report) -> list[str]:
    lines = [
        _(
            "Reach and activity of peer support, in counts: never who took part. Numbers below 5 are shown as <5, "
            "and where a <5 could be worked out from a total, a second number is hidden too."
        )
    ]
    lines += [f"{label}: {figure}" for label, figure in report.summary]
    return lines


def _respond(
    request: HttpRequest, report: Report, filename: str, template: str, context: dict[str, Any]
) -> HttpResponse:
    heading = _heading(report.scope, report.period)
    intro = _intro(report)
    name = f"{filename}-{report.period.year}"
    kind = request.GET.get("download")
    if kind == "csv":
        return figures_csv(heading, report.tables, name)
    if kind == "xlsx":
        return report_xlsx(heading, intro, report.tables, name)
    if kind == "pdf":
        return figures_pdf(heading, intro, report.tables, name)
    now = today()
    choices = [
        (year, _("%(year)s (to date)") % {"year": year} if year == now.year else str(year)) for year in years(now)
    ]
    query = f"?year={report.period.year}&download="
    context |= {
        "report": report,
        "heading": heading,
        "intro": intro[0],
        "years": choices,
        "downloads": {kind: query + kind for kind in ("csv", "xlsx", "pdf")},
        "page": "year_report",
    }
    return render(request, template, context)


@signed_in
def municipality_report(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = municipality_for_user(request.user, slug)
    report = year_report(municipality_scope(municipality.name), _period(request))
    return _respond(
        request,
        report,
        f"jaarverslag-{municipality.slug}",
        "instruments/reports/municipality.html",
        {"municipality": municipality},
    )


@signed_in
def support_point_report(request: HttpRequest, slug: str) -> HttpResponse:
    access = support_point_for_user(request.user, slug)
    sp = access.support_point
    report = year_report(support_point_scope(sp), _period(request))
    return _respond(
        request,
        report,
        f"jaarverslag-{sp.slug}",
        "instruments/reports/support_point.html",
        {"sp": sp, "access": access},
    )
