"""The municipality's pages, under /gemeente/<slug>/: coverage and gaps, and referral figures.

Only aggregates: counts of groups, and referral counts with 1 to 4 shown as "<5".
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from samenspel.core.figures import download, download_links
from samenspel.directory.postcodes import in_municipality
from samenspel.insight.access import municipality_for_user
from samenspel.insight.coverage import coverage_of, coverage_tables, nearby_explained
from samenspel.referral.figures import figure_tables, referral_figures
from samenspel.referral.models import ReferralCount
from samenspel.workspace.decorators import signed_in


@signed_in
def coverage(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = municipality_for_user(request.user, slug)
    found = coverage_of(municipality.name)
    tables = coverage_tables(municipality.name, found)
    heading = _("Peer groups in %(name)s") % {"name": municipality.name}
    intro = [
        _(
            "Groups on the public map that meet now (active or looking for members), counted by the postcode of the "
            "place where they meet. We count groups, never people."
        ),
        nearby_explained(municipality.name, found.nearby_km),
    ]
    download_found = download(request, heading, intro, tables, f"groepen-{municipality.slug}")
    if download_found is not None:
        return download_found
    context = {
        "municipality": municipality,
        "coverage": found,
        "tables": tables,
        "nearby_explained": intro[1],
        "downloads": download_links(request),
        "page": "coverage",
    }
    return render(request, "insight/coverage.html", context)


@signed_in
def referrals(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = municipality_for_user(request.user, slug)
    counts = in_municipality(ReferralCount.objects.all(), municipality.name, postcode_field="group__location__postcode")
    figures = referral_figures(counts)
    tables = figure_tables(figures, areas=figures.by_place, areas_title=_("By place"), areas_key="by-place")
    heading = _("Referral figures of %(name)s") % {"name": municipality.name}
    intro = [
        _(
            "How often professionals gave a referral slip for a group in your municipality, or sent a warm handover to it."
        ),
        _("Online groups meet in no municipality, so referrals to them are not in these figures."),
    ]
    found = download(request, heading, intro, tables, f"verwijzingen-{municipality.slug}")
    if found is not None:
        return found
    context = {
        "municipality": municipality,
        "figures": figures,
        "tables": tables,
        "downloads": download_links(request),
        "page": "referrals",
    }
    return render(request, "insight/referrals.html", context)
