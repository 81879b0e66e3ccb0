"""The public page of one group, and its calendar feed."""

from __future__ import annotations

import dataclasses
import datetime
import json
from typing import Any

from django.conf import settings
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from samenspel.directory.freshness import freshness_of
from samenspel.directory.models import Cost, Disclosure, Group, Schedule
from samenspel.directory.recurrence import local_datetime
from samenspel.finder.ical import group_calendar
from samenspel.finder.presenters import PublicPlace, public_place
from samenspel.finder.schedule_text import describe_schedule

UPCOMING_COUNT = 5


def get_public_group(slug: str) -> Group:
    """A group on the public map, with everything its pages show, or 404.

    Groups that are stopped or not yet public do not exist for visitors.
    """
    queryset = (
        Group.objects.public()
        # The support point's settings hold its freshness thresholds, which the page's note follows.
        .select_related("location", "support_point__map_settings")
        .prefetch_related(
            "themes",
            "languages",
            Prefetch("schedules", queryset=Schedule.objects.order_by("pk").prefetch_related("cancellations")),
        )
    )
    return get_object_or_404(queryset, slug=slug)


@dataclasses.dataclass(frozen=True)
class Meeting:
    start: datetime.datetime
    end: datetime.datetime
    cancelled: bool = False
    note: str = ""


def upcoming_meetings(group: Group, count: int = UPCOMING_COUNT, now: datetime.datetime | None = None) -> list[Meeting]:
    """The next `count` meetings over all schedules (as Group.next_meetings), plus the
    cancelled dates that fall among them, so a visitor is not surprised by a gap."""
    now = now or timezone.now()
    held: list[Meeting] = []
    for schedule in group.schedules.all():
        held.extend(Meeting(start, end, note=schedule.note) for start, end in schedule.next_occurrences(count, now))
    held = sorted(held, key=lambda m: m.start)[:count]
    window_end = held[-1].start if len(held) == count else None
    cancelled: list[Meeting] = []
    for schedule in group.schedules.all():
        rule = schedule.rule()
        for cancellation in schedule.cancellations.all():
            if not rule.matches(cancellation.date):
                continue
            start = local_datetime(cancellation.date, rule.start_time)
            if start >= now and (window_end is None or start <= window_end):
                cancelled.append(Meeting(start, local_datetime(cancellation.date, rule.end_time), cancelled=True))
    return sorted(held + cancelled, key=lambda m: (m.start, m.cancelled))


def shown_language(obj: object, field: str) -> str:
    """The language of the text modeltranslation shows for `field` (for the lang attribute)."""
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    for code in (current, "nl", "en"):
        if getattr(obj, f"{field}_{code}", ""):
            return code
    return current


def age_text(group: Group) -> str:
    if group.age_min is not None and group.age_max is not None:
        return _("From %(min)d to %(max)d years old") % {"min": group.age_min, "max": group.age_max}
    if group.age_min is not None:
        return _("From %(min)d years old") % {"min": group.age_min}
    if group.age_max is not None:
        return _("Up to %(max)d years old") % {"max": group.age_max}
    return _("All ages")


def cost_text(group: Group) -> str:
    if group.cost == Cost.FEE and group.cost_amount:
        return _("Fee: € %(amount)s") % {"amount": number_format(group.cost_amount, 2)}
    return str(group.get_cost_display())


def leaders_text(group: Group) -> str:
    """How many lead it, never who: leaders are a count (DOMAIN.md, members are never registered)."""
    if not group.leader_count:
        return _("no fixed leader")
    return ngettext("%(count)d leader", "%(count)d leaders", group.leader_count) % {"count": group.leader_count}


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
    context = {
        "group": group,
        "place": place,
        "accessibility_note": (
            location.accessibility_note if location is not None and location.disclosure != Disclosure.ONLINE else ""
        ),
        "themes": list(group.themes.all()),
        "languages": list(group.languages.all()),
        "meetings": upcoming_meetings(group),
        "rhythms": [describe_schedule(s) for s in schedules],
        "age": age_text(group),
        "cost": cost_text(group),
        "leaders": leaders_text(group),
        "verification": verification(group),
        "support_point": group.support_point,
        "text_lang": {f: shown_language(group, f) for f in ("name", "description", "first_visit", "house_rules")},
        "jsonld": jsonld_script(group_jsonld(group, place, url)),
    }
    return render(request, "finder/group.html", context)


def group_ics(request: HttpRequest, slug: str) -> HttpResponse:
    group = get_public_group(slug)
    url = request.build_absolute_uri(reverse("finder:group", kwargs={"slug": group.slug}))
    response = HttpResponse(group_calendar(group, url=url), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{group.slug}.ics"'
    return response
