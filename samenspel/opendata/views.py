"""Plain Django views of the open data app: feeds that are not JSON API operations, and the profile."""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from samenspel.directory.search import DISTANCES
from samenspel.opendata import feeds
from samenspel.opendata.api_clients import rate_limited

PROFILE_DIR = Path(settings.BASE_DIR) / "docs" / "hsds-profile"


@require_GET
@rate_limited()
def meeting_guide(request: HttpRequest) -> JsonResponse:
    """Every coming meeting on the public map, in the Meeting Guide format (code4recovery spec; see feeds.py)."""
    result: list[dict[str, object]] = []
    for group in feeds.meeting_guide_groups():
        url = request.build_absolute_uri(reverse("finder:group", kwargs={"slug": group.slug}))
        result.extend(feeds.meetings(group, url))
    return JsonResponse(result, safe=False, json_dumps_params={"ensure_ascii": False})


@require_GET
@rate_limited()
def calendar(request: HttpRequest) -> HttpResponse:
    """The meetings of the groups a search finds (q, place, distance), as one iCalendar feed."""
    q = request.GET.get("q", "")[:200]
    place = request.GET.get("place", "")[:60]
    try:
        distance: int | None = int(request.GET.get("distance", "") or 25)
    except ValueError:
        distance = None
    if distance not in DISTANCES:
        return HttpResponse(
            _("Choose a distance of %(choices)s km.") % {"choices": ", ".join(str(d) for d in DISTANCES)},
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    groups, _messages = feeds.calendar_groups(q, place, distance)
    name = " · ".join(p for p in (_("Peer groups"), q, place) if p)
    body = feeds.region_calendar(
        groups,
        name=name,
        url_of=lambda g: request.build_absolute_uri(reverse("finder:group", kwargs={"slug": g.slug})),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="samenspel.ics"'
    return response


@require_GET
def profile(request: HttpRequest) -> HttpResponse:
    """The Samenspel HSDS profile: its README as text."""
    readme = PROFILE_DIR / "README.md"
    if not readme.exists():
        raise Http404(_("The profile is not installed."))
    return HttpResponse(readme.read_text(encoding="utf-8"), content_type="text/markdown; charset=utf-8")


@require_GET
def profile_schema(request: HttpRequest, name: str) -> JsonResponse:
    """One JSON merge patch of the profile (service.json, location.json, ...)."""
    # Schema names are short words (service, location); a long name is no file and must not reach the
    # file system, which fails on it ("file name too long") instead of answering "no".
    path = PROFILE_DIR / "schema" / f"{name}.json"
    if len(name) > 64 or not path.is_file():
        raise Http404(_("No such profile schema."))
    return JsonResponse(json.loads(path.read_text(encoding="utf-8")))
