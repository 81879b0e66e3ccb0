"""What a visitor sees of a group, and how it reads: the group as the public map holds it, its next meetings,
and its facts in plain words.

The group page, the flyer and the referral slip read a group through here, so they never disagree about it.
"""

from __future__ import annotations

import dataclasses
import datetime

from django.conf import settings
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.formats import date_format, number_format
from django.utils.html import escape
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from samenspel.directory.disclosure import PublicPlace, public_place
from samenspel.directory.models import Cost, Group, Intake, Schedule
from samenspel.directory.recurrence import local_datetime
from samenspel.directory.schedule_text import describe_schedule

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
            Prefetch(
                "schedules",
                queryset=Schedule.objects.order_by("pk").select_related("location").prefetch_related("cancellations"),
            ),
        )
    )
    return get_object_or_404(queryset, slug=slug)


def offers_text(group: Group) -> list[str]:
    """What the group offers beside its meetings, in plain words (000:447-450)."""
    offers = []
    if group.one_to_one:
        offers.append(_("You can also talk one to one with someone who has been through it."))
    if group.phone_contact:
        offers.append(_("You can also talk by phone with someone who has been through it."))
    return offers


def intake_text(group: Group) -> str:
    """When someone can join a group that takes new members at set moments; "" for any other group."""
    if group.intake != Intake.SET_MOMENTS:
        return ""
    today = timezone.localdate()
    if group.next_intake_date is None or group.next_intake_date < today:
        return _("Ask the contact point when new members can join next.")
    if group.intake_open_now(today):
        return _("New members welcome now: the next moment to join is %(date)s.") % {
            "date": date_format(group.next_intake_date, "l j F Y")
        }
    return _("The next moment to join is %(date)s.") % {"date": date_format(group.next_intake_date, "l j F Y")}


@dataclasses.dataclass(frozen=True)
class PlacedRhythm:
    """A meeting time at a place of its own (a group meeting at several places)."""

    rhythm: str
    place: PublicPlace


def other_places(group: Group) -> list[PlacedRhythm]:
    """The meeting times that are not at the group's own place, each with its place as the public may know it."""
    return [
        PlacedRhythm(describe_schedule(s), public_place(s.location))
        for s in group.schedules.all()
        if s.location_id and s.location_id != group.location_id
    ]


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


def text_direction(code: str) -> str:
    """ "rtl" for a language written right to left (Arabic, Farsi), else "ltr"."""
    try:
        return "rtl" if translation.get_language_info(code)["bidi"] else "ltr"
    except KeyError:
        return "ltr"


def lang_attributes(code: str) -> str:
    """` lang=".." dir=".." data-content` for a block of group content in language `code` (see finder's content_lang)."""
    return f' lang="{escape(code)}" dir="{text_direction(code)}" data-content'


def fallback_language(obj: object, field: str) -> str:
    """The name of the language a text is shown in when the group wrote none in the page's language, else "".

    For the visible note "This group wrote its text in Dutch": the reader knows why the text is not in theirs.
    """
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    shown: object = getattr(obj, field, None)
    own: object = getattr(obj, f"{field}_{current}", None)
    if not shown or own:
        return ""
    return language_name(shown_language(obj, field))


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


def language_name(code: str, fallback: str = "") -> str:
    """A language named in the reader's language ("Dutch" on an English page, "ሆላንድኛ" on a Tigrinya one).

    The interface languages' names are in our own catalogue; Django's would fall back to Dutch for Tigrinya and
    Somali, and the Language table's translated column often holds only the Dutch name. Another language is named
    in itself (`fallback`, its name_local), which is never wrong.
    """
    names = dict(settings.LANGUAGES)
    if code in names:
        return str(names[code])
    return fallback or code
