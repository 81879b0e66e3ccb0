"""A one-page A4 flyer for waiting rooms, in the group's meeting languages; as HTML and as PDF.

One HTML source for screen, print and PDF: WeasyPrint renders the very same
template with the same stylesheet.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse

from samenspel.directory.models import Group
from samenspel.directory.public import get_public_group, upcoming_meetings
from samenspel.finder.printing import (
    FLYER_CSS,
    FLYER_DATES,
    flyer_block,
    flyer_languages,
    qr_svg,
    render_pdf,
    stylesheet_path,
)


def flyer_context(request: HttpRequest, group: Group, stylesheet: str) -> dict[str, Any]:
    url = request.build_absolute_uri(reverse("finder:group", kwargs={"slug": group.slug}))
    dates = [meeting.start for meeting in upcoming_meetings(group, FLYER_DATES) if not meeting.cancelled]
    blocks = [flyer_block(group, code, dates) for code in flyer_languages(group)]
    return {
        "group": group,
        "blocks": blocks,
        "url": url,
        "qr_svg": qr_svg(url),
        "support_point": group.support_point,
        "stylesheet": stylesheet,
    }


def flyer(request: HttpRequest, slug: str) -> HttpResponse:
    group = get_public_group(slug)
    return render(request, "finder/flyer.html", flyer_context(request, group, static(FLYER_CSS)))


def flyer_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    group = get_public_group(slug)
    stylesheet = stylesheet_path(FLYER_CSS)
    html = render_to_string("finder/flyer.html", flyer_context(request, group, stylesheet.as_uri()), request=request)
    response = HttpResponse(render_pdf(html, stylesheet), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="flyer-{group.slug}.pdf"'
    return response
