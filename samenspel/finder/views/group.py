"""The public page of one group, and its calendar feed."""

from __future__ import annotations

import datetime
import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from samenspel.directory.disclosure import PublicPlace, public_place
from samenspel.directory.freshness import freshness_of
from samenspel.directory.ical import group_calendar
from samenspel.directory.models import Cost, Disclosure, Group
from samenspel.directory.public import (
    age_text,
    cost_text,
    get_public_group,
    intake_text,
    leaders_text,
    offers_text,
    other_places,
    shown_language,
    upcoming_meetings,
)
from samenspel.directory.schedule_text import describe_schedule
from samenspel.directory.sensitive import is_sensitive
from samenspel.finder.quick_exit import keep_nothing


def verification(group: Group, now: datetime.datetime | None = None) -> dict[str, Any]:
    """When the entry was last checked, and whether the page must say it may be out of date.

    The note follows the support point's own threshold (`note_after_days`), as the workspace shows it.
    """
    freshness = freshness_of(group, now=now)
    return {"date": group.last_verified_at, "stale": freshness.show_note, "since": freshness.verified_since}


def group_jsonld(group: Group, place: PublicPlace, url: str) -> dict[str, Any]:
    """schema.org Service: what search engines and other maps read.

    The place comes only from public_place: a street, postcode and exact
    coordinates only for a public address, never an online link.
    """
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Service",
        "name": group.name,
        "url": url,
        "serviceType": str(group.get_kind_display()),
        "category": [theme.label for theme in group.themes.all()],
        "availableLanguage": [
            {"@type": "Language", "name": lang.name, "alternateName": lang.code} for lang in group.languages.all()
        ],
        "isAccessibleForFree": group.cost != Cost.FEE,
    }
    if group.description:
        data["description"] = group.description
    if place.online:
        data["availableChannel"] = {"@type": "ServiceChannel", "name": _("Online")}
        data["areaServed"] = {"@type": "Country", "name": "NL"}
    else:
        address: dict[str, Any] = {
            "@type": "PostalAddress",
            "addressLocality": place.municipality,
            "addressCountry": "NL",
        }
        location: dict[str, Any] = {"@type": "Place", "name": place.label, "address": address}
        if place.street:
            address["streetAddress"] = place.street
            address["postalCode"] = place.postcode
            if place.latitude is not None and place.longitude is not None:
                location["geo"] = {"@type": "GeoCoordinates", "latitude": place.latitude, "longitude": place.longitude}
        data["availableChannel"] = {"@type": "ServiceChannel", "serviceLocation": location}
        data["areaServed"] = {"@type": "City", "name": place.municipality}
    if group.cost == Cost.FEE and group.cost_amount:
        data["offers"] = {"@type": "Offer", "price": str(group.cost_amount), "priceCurrency": "EUR"}
    sp = group.support_point
    if sp is not None:
        provider = {"@type": "Organization", "name": sp.name}
        provider.update({k: v for k, v in (("email", sp.email), ("telephone", sp.phone), ("url", sp.website)) if v})
        data["provider"] = provider
    return data


# What json_script escapes: inside <script> these could end the element or open a comment.
_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def jsonld_script(data: dict[str, Any]) -> SafeString:
    """The JSON for a <script type="application/ld+json"> block (data, never executed)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_JSON_ESCAPES)
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return mark_safe(text)  # noqa: S308 - every <, > and & is escaped above


def group_detail(request: HttpRequest, slug: str) -> HttpResponse:
    group = get_public_group(slug)
    place = public_place(group.location)
    url = request.build_absolute_uri(reverse("finder:group", kwargs={"slug": group.slug}))
    schedules = list(group.schedules.all())
    location = group.location
    themes = list(group.themes.all())
    sensitive = is_sensitive(themes)
    context = {
        "group": group,
        "place": place,
        "accessibility_note": (
            location.accessibility_note if location is not None and location.disclosure != Disclosure.ONLINE else ""
        ),
        "themes": themes,
        "sensitive": sensitive,
        "languages": list(group.languages.all()),
        "meetings": upcoming_meetings(group),
        "rhythms": [describe_schedule(s) for s in schedules if not s.location_id or s.location_id == group.location_id],
        "other_places": other_places(group),
        "offers": offers_text(group),
        "intake_note": intake_text(group),
        "age": age_text(group),
        "cost": cost_text(group),
        "leaders": leaders_text(group),
        "verification": verification(group),
        "support_point": group.support_point,
        "text_lang": {f: shown_language(group, f) for f in ("name", "description", "first_visit", "house_rules")},
        "jsonld": jsonld_script(group_jsonld(group, place, url)),
    }
    response = render(request, "finder/group.html", context)
    return keep_nothing(response) if sensitive else response


def group_ics(request: HttpRequest, slug: str) -> HttpResponse:
    group = get_public_group(slug)
    url = request.build_absolute_uri(reverse("finder:group", kwargs={"slug": group.slug}))
    response = HttpResponse(group_calendar(group, url=url), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{group.slug}.ics"'
    return response
