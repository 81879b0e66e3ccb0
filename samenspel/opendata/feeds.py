"""Meeting Guide JSON (code4recovery spec) and iCalendar feeds for a search or region.

Both go through directory.disclosure.public_place: an address that is not public
is given as its place only ("approximate"), and no online meeting link is
ever written out.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.directory import search
from samenspel.directory.disclosure import public_place
from samenspel.directory.ical import finish_calendar, new_calendar, schedule_events
from samenspel.directory.models import Gender, Group, Intake, Language, Schedule
from samenspel.directory.recurrence import RuleKind
from samenspel.opendata import hsds

# ISO 639-1 codes and the Meeting Guide language types the spec defines; other languages get no type.
MEETING_GUIDE_LANGUAGES = {
    "am": "AM",
    "da": "DA",
    "de": "DE",
    "el": "EL",
    "en": "EN",
    "es": "S",
    "fa": "FA",
    "fr": "FR",
    "he": "HE",
    "hi": "HI",
    "hr": "HR",
    "hu": "HU",
    "it": "ITA",
    "ja": "JA",
    "ko": "KOR",
    "lt": "LT",
    "ml": "ML",
    "nb": "NO",
    "no": "NO",
    "pa": "PUN",
    "pl": "POL",
    "pt": "POR",
    "ru": "RUS",
    "sk": "SK",
    "sv": "SV",
    "th": "TH",
    "tl": "TL",
    "uk": "UK",
}
TIMEZONE = "Europe/Amsterdam"


def meeting_types(group: Group) -> list[str]:
    place = public_place(group.location)
    types: list[str] = []
    if group.gender == Gender.WOMEN:
        types.append("W")
    elif group.gender == Gender.MEN:
        types.append("M")
    # Open: anyone may just come along; closed: newcomers get in touch or join at set moments first.
    types.append("O" if group.intake == Intake.JUST_COME else "C")
    for lang in group.languages.all():
        code = MEETING_GUIDE_LANGUAGES.get(lang.code)
        if code and code not in types:
            types.append(code)
    if place.online:
        types.append("ONL")
    # Wheelchair access is a fact about the building, not about where it is: safe for any in-person place.
    if not place.online and group.location is not None and group.location.wheelchair_accessible:
        types.append("X")
    return types


def meeting_guide_groups() -> QuerySet[Group]:
    return (
        Group.objects.public()
        .filter(schedules__kind=RuleKind.WEEKLY)
        .distinct()
        .select_related("location")
        .prefetch_related(
            Prefetch("languages", queryset=Language.objects.order_by("code")),
            Prefetch("schedules", queryset=Schedule.objects.filter(kind=RuleKind.WEEKLY).order_by("pk")),
        )
        .order_by("slug")
    )


def meetings(group: Group, url: str) -> Iterator[dict[str, Any]]:
    """One Meeting Guide meeting per weekly schedule (the spec is for weekly meetings only)."""
    place = public_place(group.location)
    types = meeting_types(group)
    updated = group.updated_at.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S")
    for schedule in group.schedules.all():
        days = sorted({(int(d) + 1) % 7 for d in schedule.weekdays or ()})  # ours: 0 = Monday; theirs: 0 = Sunday
        if not days:
            continue
        meeting: dict[str, Any] = {
            "name": group.name[:255],
            "slug": f"{group.slug}-{schedule.pk}"[:64],
            "day": days[0] if len(days) == 1 else days,
            "time": schedule.start_time.strftime("%H:%M"),
            "end_time": schedule.end_time.strftime("%H:%M"),
            "timezone": TIMEZONE,
            "types": types,
            "updated": updated,
            "url": url,
            "group": group.name,
        }
        if schedule.note:
            meeting["notes"] = schedule.note
        if place.online:
            # No conference_url, ever: the link is given by the contact point.
            meeting["notes"] = "\n".join(
                p for p in (meeting.get("notes", ""), _("Online. Ask the contact point for the link.")) if p
            )
        elif place.street:
            meeting |= {
                "location": group.location.name if group.location else "",
                "address": place.street,
                "city": place.municipality,
                "postal_code": place.postcode,
                "country": hsds.COUNTRY,
                "formatted_address": f"{place.street}, {place.postcode} {place.municipality}, {hsds.COUNTRY}",
                "region": place.municipality,
                "latitude": place.latitude,
                "longitude": place.longitude,
                "approximate": "no",
            }
        else:
            meeting |= {
                "city": place.municipality,
                "country": hsds.COUNTRY,
                "formatted_address": f"{place.municipality}, {hsds.COUNTRY}",
                "region": place.municipality,
                "approximate": "yes",
                "location_notes": place.label,
            }
        yield {k: v for k, v in meeting.items() if v not in (None, "")}


# --- iCalendar for a search or a region ---------------------------------------

MAX_CALENDAR_GROUPS = 200


def calendar_groups(q: str, place: str, distance: int | None) -> tuple[list[Group], list[str]]:
    """The groups the finder would show for this search, in its order (at most MAX_CALENDAR_GROUPS)."""
    filters = search.Filters(place=place, distance=distance if place else None)
    results = search.search(q, filters, page=1, page_size=MAX_CALENDAR_GROUPS)
    return [hit.group for hit in results.hits], results.messages


def region_calendar(groups: list[Group], *, name: str, url_of: Any) -> bytes:
    cal = new_calendar(name)
    stamp = timezone.now()
    for group in groups:
        for schedule in group.schedules.all():
            for event in schedule_events(group, schedule, url=url_of(group), stamp=stamp):
                cal.add_component(event)
    return finish_calendar(cal)
