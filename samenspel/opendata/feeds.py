"""Meeting Guide JSON (code4recovery spec) and iCalendar feeds for a search or region.

Both go through directory.disclosure.public_place: an address that is not public
is given as its place only ("approximate"), and no online meeting link is
ever written out.

The Meeting Guide feed (/api/meeting-guide.json) holds every group on the public
map that is not paused and has a meeting from now on: one entry per schedule,
slug `<group slug>-<schedule id>` (stable, so a bookmark in an app keeps working).
The spec is written for weekly meetings only ("It is recommended to use a
separate page to list monthly or non-recurring meetings"); it has no field for a
rhythm or a date. So (docs/meeting-guide-feed.md says the same for readers):

- every week: `day` (0 = Sunday; a list for several days) and `time`, exact;
- every n weeks: `day` is its weekday(s), and `notes` says "every 2 weeks on
  Monday" and the next dates;
- the nth weekday of the month: `day` is that weekday; `notes` says "every
  first Tuesday of the month" and the next dates;
- a date of the month, set dates: `day` is the weekday of the next meeting (it
  moves on when the feed is rebuilt after that meeting); `notes` gives the
  rhythm and the next dates.

An app that reads only `day` and `time` shows these as weekly: the first line of
`notes` says the real rhythm, in the feed's language (the request's, Dutch by
default). A schedule's start date, end date and cancelled meetings in the coming
four weeks are said in `notes` too. Left out: paused groups (no meetings for
now), schedules without a coming meeting, and groups with no schedule at all.
An online group's entry has no address and no area (the spec asks for an approximate one).

A meeting time at a place of its own (a group that meets at several places) is listed at that place. A hybrid
meeting (in a room and online at once) has its address and the type ONL, never a conference_url: its notes
say to ask the contact point for the link. One-to-one and phone contact, a group's own website and its next
intake have no field in the spec and are left out; they are in the HSDS API.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samenspel.core.dates import long_date, meeting_date
from samenspel.directory import search
from samenspel.directory.disclosure import public_place
from samenspel.directory.ical import finish_calendar, new_calendar, schedule_events
from samenspel.directory.models import Gender, Group, GroupStatus, Intake, Language, Location, Schedule
from samenspel.directory.recurrence import AMSTERDAM, RuleKind
from samenspel.directory.schedule_text import describe_rhythm, join_words
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
# How many coming dates the notes of a rhythm other than weekly name.
NEXT_DATES = 3
# How many coming dates the notes of a series of set dates name.
MAX_SET_DATES = 12
SLUG_LENGTH = 64  # the spec's maximum
# How far ahead a cancelled meeting is named in the notes.
CANCELLATION_NOTICE_DAYS = 28


def meeting_types(group: Group, location: Location | None = None) -> list[str]:
    """The spec's types of a group's meetings at `location` (the group's own place when not given)."""
    location = location if location is not None else group.location
    place = public_place(location)
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
    if place.online or group.hybrid:
        # A hybrid meeting is in the room and online at once: the spec's in-person address plus ONL.
        types.append("ONL")
    # Wheelchair access is a fact about the building, not about where it is: safe for any in-person place.
    if not place.online and location is not None and location.wheelchair_accessible:
        types.append("X")
    return types


def meeting_guide_groups() -> QuerySet[Group]:
    """The groups of the feed: on the public map, not paused, with at least one schedule (four queries in all).

    A group whose schedules hold no meeting from now on is still read here; `meetings` gives it no entry.
    """
    return (
        Group.objects.public()
        .exclude(status=GroupStatus.PAUSED)
        .filter(schedules__isnull=False)
        .distinct()
        .select_related("location")
        .prefetch_related(
            Prefetch("languages", queryset=Language.objects.order_by("code")),
            Prefetch(
                "schedules",
                queryset=Schedule.objects.order_by("pk").select_related("location").prefetch_related("cancellations"),
            ),
        )
        .order_by("slug")
    )


def _spec_days(weekdays: Iterable[int]) -> int | list[int]:
    """Our weekdays (0 = Monday) as the spec's `day` (0 = Sunday): one number, or a list for several days."""
    days = sorted({(int(d) + 1) % 7 for d in weekdays})
    return days[0] if len(days) == 1 else days


def _dates_text(starts: Sequence[datetime.datetime]) -> str:
    return join_words([meeting_date(start.astimezone(AMSTERDAM).date()) for start in starts])


def rhythm_notes(schedule: Schedule, upcoming: Sequence[datetime.datetime], now: datetime.datetime) -> list[str]:
    """What the spec cannot say about a schedule, in words (the feed's language), one line each.

    A weekly schedule needs no words unless it starts later or has an end date; every other rhythm is said in
    full with its next dates, and a cancelled meeting in the coming weeks is named. The times are not repeated:
    they are in `time` and `end_time`.
    """
    lines: list[str] = []
    today = now.astimezone(AMSTERDAM).date()
    kind = schedule.kind
    if kind == RuleKind.DATES:
        lines.append(_("Meets on set dates: %(dates)s.") % {"dates": _dates_text(upcoming)})
    elif kind != RuleKind.WEEKLY or schedule.valid_until or schedule.valid_from > today:
        rhythm = describe_rhythm(schedule)
        if schedule.valid_until:
            rhythm = _("%(text)s, until %(date)s") % {"text": rhythm, "date": long_date(schedule.valid_until)}
        lines.append(_("Meets %(rhythm)s.") % {"rhythm": rhythm})
        if kind != RuleKind.WEEKLY:
            shown = upcoming[:NEXT_DATES]
            lines.append(
                ngettext("Next meeting: %(dates)s.", "Next meetings: %(dates)s.", len(shown))
                % {"dates": _dates_text(shown)}
            )
        elif schedule.valid_from > today:
            lines.append(_("First meeting: %(dates)s.") % {"dates": _dates_text(upcoming[:1])})
    rule = schedule.rule()
    horizon = today + datetime.timedelta(days=CANCELLATION_NOTICE_DAYS)
    cancelled = sorted(
        c.date for c in schedule.cancellations.all() if today <= c.date <= horizon and rule.matches(c.date)
    )
    if cancelled:
        lines.append(_("No meeting on %(dates)s.") % {"dates": join_words([meeting_date(day) for day in cancelled])})
    return lines


def meetings(group: Group, url: str, now: datetime.datetime | None = None) -> Iterator[dict[str, Any]]:
    """One Meeting Guide meeting per schedule that has a meeting from now on (see the module's docstring).

    The spec is written for weekly meetings. A weekly schedule maps one to one. Every other rhythm is given as
    the day(s) and time of its meetings, with the real rhythm and the next dates in `notes`: every n weeks and
    the nth weekday of the month keep their fixed weekday(s); a date of the month and set dates give the weekday
    of the next meeting (it moves on as the feed is rebuilt). The slug stays the same per schedule.
    """
    now = now or timezone.now()
    updated = group.updated_at.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S")
    for schedule in group.schedules.all():
        count = MAX_SET_DATES if schedule.kind == RuleKind.DATES else NEXT_DATES
        upcoming = [start for start, _end in schedule.next_occurrences(count=count, after=now)]
        if not upcoming:
            continue  # ended, or only cancelled dates left: nothing to go to
        if schedule.kind in (RuleKind.WEEKLY, RuleKind.EVERY_N_WEEKS, RuleKind.MONTHLY_NTH_WEEKDAY):
            day = _spec_days(schedule.weekdays or ())
        else:
            day = _spec_days([upcoming[0].astimezone(AMSTERDAM).weekday()])
        # A meeting time at a place of its own (a group meeting at several places) is listed at that place.
        location = schedule.location if schedule.location_id else group.location
        place = public_place(location)
        types = meeting_types(group, location)
        suffix = f"-{schedule.pk}"  # kept whole, so that slugs stay unique however long the group's slug
        meeting: dict[str, Any] = {
            "name": group.name[:255],
            "slug": f"{group.slug[: SLUG_LENGTH - len(suffix)]}{suffix}",
            "day": day,
            "time": schedule.start_time.strftime("%H:%M"),
            "end_time": schedule.end_time.strftime("%H:%M"),
            "timezone": TIMEZONE,
            "types": types,
            "updated": updated,
            "url": url,
            "group": group.name,
        }
        notes = rhythm_notes(schedule, upcoming, now)
        if schedule.note:
            notes.append(schedule.note)
        if place.online:
            # No conference_url, ever: the link is given by the contact point.
            notes.append(_("Online. Ask the contact point for the link."))
        elif group.hybrid:
            notes.append(_("Also online at the same time. Ask the contact point for the link."))
        if notes:
            meeting["notes"] = "\n".join(notes)
        if place.online:
            pass  # no place at all: the spec's approximate address would be a guess
        elif place.street:
            meeting |= {
                "location": location.name if location else "",
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
