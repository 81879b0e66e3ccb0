"""Public referral pages: no account needed. The slip and the code reveal only what the group page shows."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import translation

from samenspel.core.printing import render_pdf
from samenspel.directory.models import Organisation
from samenspel.referral.conf import retention_days
from samenspel.referral.models import GroupCode, ReferralContact, normalise_code
from samenspel.referral.slip import group_for_code, screen_stylesheet, slip_context, stylesheet_path


def index(request: HttpRequest) -> HttpResponse:
    support_points = Organisation.objects.support_points().order_by("name")
    return render(request, "referral/index.html", {"support_points": support_points})


def for_professionals(request: HttpRequest, slug: str) -> HttpResponse:
    """How referral works at one support point, what self-help is and is not, and six tips (seed 002)."""
    support_point = get_object_or_404(Organisation.objects.support_points(), slug=slug)
    contact = ReferralContact.objects.filter(support_point=support_point).first()
    return render(
        request,
        "referral/for_professionals.html",
        {"support_point": support_point, "referral_contact": contact, "retention_days": retention_days()},
    )


def code_lookup(request: HttpRequest, code: str = "") -> HttpResponse:
    """Type the code from a slip; it leads to the group's page. Works from a form without JavaScript."""
    raw = code or request.GET.get("code", "")
    if not raw.strip():
        return render(request, "referral/code.html", {"code": ""})
    group = group_for_code(raw)
    if group is None:
        return render(request, "referral/code.html", {"code": raw[:20], "unknown": True}, status=404)
    return redirect("finder:group", slug=group.slug)


def _slip_group(code: str) -> tuple[GroupCode, object]:
    found = GroupCode.objects.filter(code=normalise_code(code)).first()
    group = group_for_code(code)
    if found is None or group is None:
        raise Http404
    return found, group


def slip(request: HttpRequest, code: str, language: str) -> HttpResponse:
    """The print-friendly slip, also the link a professional can share with the client."""
    found, group = _slip_group(code)
    context = slip_context(request, group, found, language, screen_stylesheet())  # type: ignore[arg-type]
    with translation.override(language):
        return render(request, "referral/slip.html", context)


def slip_pdf(request: HttpRequest, code: str, language: str) -> HttpResponse:
    found, group = _slip_group(code)
    path = stylesheet_path()
    context = slip_context(request, group, found, language, path.as_uri())  # type: ignore[arg-type]
    with translation.override(language):
        html = render_to_string("referral/slip.html", context, request=request)
    response = HttpResponse(render_pdf(html, path), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="slip-{found.code}-{language}.pdf"'
    return response
