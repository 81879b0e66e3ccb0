"""The municipality's pages, under /gemeente/<slug>/: coverage and gaps, and referral figures.

Only aggregates: counts of groups, and referral counts with 1 to 4 shown as "<5".
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from samenspel.directory.postcodes import in_municipality
from samenspel.insight.access import municipality_for_user
from samenspel.insight.coverage import coverage_of
from samenspel.referral.figures import referral_figures
from samenspel.referral.models import ReferralCount
from samenspel.workspace.decorators import signed_in


@signed_in
def coverage(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = municipality_for_user(request.user, slug)
    context = {"municipality": municipality, "coverage": coverage_of(municipality.name), "page": "coverage"}
    return render(request, "insight/coverage.html", context)


@signed_in
def referrals(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = municipality_for_user(request.user, slug)
    counts = in_municipality(ReferralCount.objects.all(), municipality.name, postcode_field="group__location__postcode")
    context = {"municipality": municipality, "figures": referral_figures(counts), "page": "referrals"}
    return render(request, "insight/referrals.html", context)
