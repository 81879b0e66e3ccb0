"""Samenspel's directory as HSDS 3.0 objects (plain dicts), with the Samenspel profile's extra fields.

One mapping for the API, the ndjson stream and the export, so they cannot
drift apart. Every place goes through finder.presenters.public_place: an
area-only or on-request location never shows its street, full postcode or
exact point, and an online meeting link never leaves at all. A contact
person's name only appears when that person chose to make it public.

Fields without a value are left out (HSDS types them as string or number,
never null).
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from samenspel.directory import postcodes
from samenspel.directory.models import (
    Audience,
    Cancellation,
    Cost,
    Disclosure,
    Gender,
    Group,
    GroupStatus,
    Intake,
    Language,
    Location,
    Organisation,
    Schedule,
    Theme,
)
from samenspel.directory.recurrence import RuleKind
from samenspel.finder.ical import ICAL_DAYS, first_start
from samenspel.finder.presenters import PublicPlace, public_place
from samenspel.finder.schedule_text import describe_schedule
from samenspel.opendata import ids

HSDS_VERSION = "3.0"
COUNTRY = "NL"
PROFILE_PATH = "docs/hsds-profile/"

# A group's lifecycle stage as an HSDS service status; the exact stage travels in `lifecycle_stage`.
SERVICE_STATUS = {
    GroupStatus.LOOKING: "active",
    GroupStatus.ACTIVE: "active",
    GroupStatus.PAUSED: "temporarily closed",
    GroupStatus.INITIATIVE: "inactive",
    GroupStatus.STOPPED: "defunct",
}

Json = dict[str, Any]
UrlFor = Callable[[str], str]  # a path -> an absolute URL


def label(choice: Any) -> str:
    """A choice's label in the active language, remembered: an export asks for the same few labels 100,000 times."""
    key = (get_language(), type(choice).__name__, str(choice.value))
    found = _LABELS.get(key)
    if found is None:
        found = _LABELS[key] = str(choice.label)
    return found


def contact_point_name() -> str:
    key = (get_language(), "", "contact point")
    found = _LABELS.get(key)
    if found is None:
        found = _LABELS[key] = _("Contact point")
    return found


_LABELS: dict[tuple[str | None, str, str], str] = {}


@functools.cache
def _group_path_template() -> str:
    return reverse("finder:group", kwargs={"slug": "SLUG-PLACEHOLDER"})


def content_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def compact(obj: Json) -> Json:
    """Drop keys without a value: HSDS has no nulls, and an empty URL is not a URI."""
    return {k: v for k, v in obj.items() if v is not None and not (isinstance(v, str) and v == "" and k in _URI_KEYS)}


_URI_KEYS = frozenset({"url", "website", "uri", "term_uri", "schedule_link", "email", "assurer_email"})


def translations(obj: object, fields: Iterable[str]) -> Json:
    """{"en": {"name": ..., "description": ...}, ...}: every filled-in translation (profile field)."""
    result: Json = {}
    for code in content_languages():
        texts = {f: value for f in fields if (value := getattr(obj, f"{f}_{code}", "") or "")}
        if texts:
            result[code] = texts
    return result


def timestamp(value: datetime.datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(datetime.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


# --- Taxonomy ---------------------------------------------------------------


def taxonomy() -> Json:
    return {
        "id": ids.taxonomy_id(),
        "name": "Samenspel themes",
        "description": _(
            "The themes of peer support in the Netherlands: Zelfhulp Brabant's themes and the four problem categories."
        ),
        "version": "1",
    }


def taxonomy_term(theme: Theme, parent_slug: str | None) -> Json:
    return compact(
        {
            "id": ids.theme_id(theme.slug),
            "code": theme.slug,
            "name": theme.label,
            "description": theme.get_category_display(),
            "parent_id": ids.theme_id(parent_slug) if parent_slug else None,
            "taxonomy": "Samenspel themes",
            "taxonomy_id": ids.taxonomy_id(),
            "translations": translations(theme, ("label",)),
        }
    )


def themes_query() -> QuerySet[Theme]:
    return Theme.objects.select_related("parent").order_by("slug")


# --- Organisations ----------------------------------------------------------


def phone(number: str, owner_key: str, **links: str) -> Json:
    return {"id": ids.derived("phone", owner_key), **links, "number": number, "type": "voice"}


def organization(org: Organisation) -> Json:
    org_id = str(org.uuid)
    return compact(
        {
            "id": org_id,
            "name": org.name,
            "description": org.description or "",
            "email": org.email,
            "website": org.website,
            "phones": [phone(org.phone, org_id, organization_id=org_id)] if org.phone else [],
            "organization_kind": org.kind,
            "translations": translations(org, ("description",)),
        }
    )


def organizations_query() -> QuerySet[Organisation]:
    return Organisation.objects.order_by("name", "pk")


# --- Locations --------------------------------------------------------------


def province_of(municipality: str) -> str:
    area = postcodes.lookup_place(municipality) if municipality else None
    return area.province if area else ""


def location(loc: Location | None, *, key: str = "") -> Json:
    """An HSDS location from what public_place allows, never from the raw model fields."""
    place: PublicPlace = public_place(loc)
    loc_id = str(loc.uuid) if loc is not None else ids.derived("online-location", key)
    disclosure = loc.disclosure if loc is not None else Disclosure.ONLINE
    result: Json = {
        "id": loc_id,
        "location_type": "virtual" if place.online else "physical",
        "name": place.label,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "disclosure": disclosure,
    }
    if not place.online:
        # Area-only and on-request: the place name only, no street and no postcode (see the profile).
        result["addresses"] = [
            {
                "id": ids.derived("address", loc_id),
                "location_id": loc_id,
                "address_1": place.street,
                "city": place.municipality,
                "state_province": province_of(place.municipality),
                "postal_code": place.postcode,
                "country": COUNTRY,
                "address_type": "physical",
            }
        ]
        result["accessibility"] = [
            {"id": ids.derived("accessibility", loc_id, i), "location_id": loc_id, "description": text}
            for i, text in enumerate(place.accessibility)
        ]
    return compact(result)


# --- Schedules --------------------------------------------------------------


def _hhmm(value: datetime.time) -> str:
    return value.strftime("%H:%M")


_DESCRIPTIONS: dict[tuple[Any, ...], str] = {}


def _describe(schedule: Schedule) -> str:
    """describe_schedule, remembered: a national map has a few thousand distinct rhythms, not 100,000."""
    key = (
        get_language(),
        schedule.kind,
        tuple(schedule.weekdays or ()),
        schedule.interval,
        schedule.nth,
        schedule.day_of_month,
        tuple(str(d) for d in schedule.dates or ()),
        schedule.start_time,
        schedule.end_time,
        schedule.valid_until,
    )
    found = _DESCRIPTIONS.get(key)
    if found is None:
        if len(_DESCRIPTIONS) > 50_000:
            _DESCRIPTIONS.clear()
        found = _DESCRIPTIONS[key] = describe_schedule(schedule)
    return found


def schedules(
    schedule: Schedule, service_id: str, position: int = 0, cancelled_dates: Iterable[datetime.date] | None = None
) -> list[Json]:
    """One HSDS schedule per rule; a list of set dates becomes one schedule per date.

    Ids come from the schedule's place among its group's schedules, not from its database key,
    so an export imported elsewhere and exported again keeps the same ids.
    """
    base: Json = {
        "service_id": service_id,
        "opens_at": _hhmm(schedule.start_time),
        "closes_at": _hhmm(schedule.end_time),
        "description": _describe(schedule),
        "notes": schedule.note or None,
    }
    if cancelled_dates is None:
        cancelled_dates = [c.date for c in schedule.cancellations.all()]
    cancelled = sorted(d.isoformat() for d in cancelled_dates)
    key = f"{service_id}:{position}"
    if schedule.kind == RuleKind.DATES:
        return [
            compact(
                {
                    "id": ids.derived("schedule", key, day),
                    **base,
                    "valid_from": str(day),
                    "valid_to": str(day),
                    "dtstart": str(day),
                }
            )
            for day in sorted({str(d) for d in schedule.dates or ()})
            if str(day) not in cancelled
        ]
    days = [ICAL_DAYS[int(d)] for d in sorted(set(schedule.weekdays or ()))]
    rule: Json = {"freq": "WEEKLY", "wkst": "MO"}
    if schedule.kind == RuleKind.WEEKLY:
        rule |= {"interval": 1, "byday": ",".join(days)}
    elif schedule.kind == RuleKind.EVERY_N_WEEKS:
        rule |= {"interval": schedule.interval or 1, "byday": ",".join(days)}
    elif schedule.kind == RuleKind.MONTHLY_NTH_WEEKDAY:
        rule = {"freq": "MONTHLY", "interval": 1, "byday": f"{schedule.nth}{days[0]}" if days else None}
    else:
        rule = {"freq": "MONTHLY", "interval": 1, "bymonthday": str(schedule.day_of_month)}
    first = first_start(schedule)
    return [
        compact(
            {
                "id": ids.derived("schedule", key),
                **base,
                **rule,
                "valid_from": schedule.valid_from.isoformat(),
                "valid_to": schedule.valid_until.isoformat() if schedule.valid_until else None,
                "dtstart": first.date().isoformat() if first else None,
                "until": schedule.valid_until.isoformat() if schedule.valid_until else None,
                "cancelled_dates": cancelled,
            }
        )
    ]


# --- Services ---------------------------------------------------------------


def group_url(group: Group, url_for: UrlFor) -> str:
    # One reverse() per process: the pattern is fixed, and slugs need no escaping.
    return url_for(_group_path_template().replace("SLUG-PLACEHOLDER", group.slug))


def provider(group: Group) -> Organisation | None:
    return group.organisation or group.support_point


def eligibility(group: Group) -> str:
    parts = [label(Audience(group.audience))]
    if group.gender != Gender.EVERYONE:
        parts.append(label(Gender(group.gender)))
    if group.age_min is not None and group.age_max is not None:
        parts.append(_("aged %(min)s to %(max)s") % {"min": group.age_min, "max": group.age_max})
    elif group.age_min is not None:
        parts.append(_("aged %(min)s or older") % {"min": group.age_min})
    elif group.age_max is not None:
        parts.append(_("up to age %(max)s") % {"max": group.age_max})
    return "; ".join(parts)


def fees(group: Group) -> str:
    if group.cost == Cost.FEE and group.cost_amount:
        return _("Fee: € %(amount)s") % {"amount": group.cost_amount}
    return label(Cost(group.cost))


def service(group: Group, url_for: UrlFor) -> Json:
    """The one-to-one fields of a service (the HSDA list form), with the profile's fields."""
    org = provider(group)
    service_id = str(group.uuid)
    return compact(
        {
            "id": service_id,
            "organization_id": str(org.uuid) if org else None,
            "name": group.name,
            "description": group.description or "",
            "url": group_url(group, url_for),
            "email": group.contact_email,
            "status": SERVICE_STATUS[GroupStatus(group.status)],
            "application_process": "\n\n".join(p for p in (label(Intake(group.intake)), group.first_visit or "") if p),
            "fees_description": fees(group),
            "eligibility_description": eligibility(group),
            "minimum_age": group.age_min,
            "maximum_age": group.age_max,
            "assured_date": group.last_verified_at.date().isoformat() if group.last_verified_at else None,
            "last_modified": timestamp(group.updated_at),
            # Samenspel profile
            "translations": translations(group, ("name", "description", "first_visit", "house_rules")),
            "audience": group.audience,
            "gender": group.gender,
            "intake": group.intake,
            "lifecycle_stage": group.status,
            "group_kind": group.kind,
            "working_method": group.working_method,
            "led_by": group.led_by,
            "typical_size": group.typical_size,
            "house_rules": group.house_rules or None,
        }
    )


def contact(group: Group) -> Json:
    service_id = str(group.uuid)
    contact_id = ids.derived("contact", service_id)
    return compact(
        {
            "id": contact_id,
            "service_id": service_id,
            # A person's own name only when that person chose so; otherwise the role speaks.
            "name": group.public_contact_name or contact_point_name(),
            "email": group.contact_email,
            "phones": [phone(group.contact_phone, contact_id, contact_id=contact_id)] if group.contact_phone else [],
        }
    )


def language(lang: Language, service_id: str) -> Json:
    return {
        "id": ids.derived("language", service_id, lang.code),
        "service_id": service_id,
        "name": lang.name,
        "code": lang.code,
    }


def attribute(theme: Theme, service_id: str, term: Json | None = None) -> Json:
    term = term or taxonomy_term(theme, theme.parent.slug if theme.parent else None)
    return {
        "id": ids.derived("attribute", service_id, theme.slug),
        "link_id": service_id,
        "taxonomy_term_id": term["id"],
        "link_type": "theme",
        "link_entity": "service",
        "value": theme.slug,
        "taxonomy_term": term,
    }


def service_at_location(group: Group, url_for: UrlFor | None = None, places: dict[int, Json] | None = None) -> Json:
    """The link between a group and where it meets (an online group meets at a virtual location).

    `places` remembers rendered locations by key during an export: many groups share a place.
    """
    service_id = str(group.uuid)
    if places is not None and group.location_id is not None:
        loc = places.get(group.location_id)
        if loc is None:
            loc = places[group.location_id] = location(group.location, key=service_id)
    else:
        loc = location(group.location, key=service_id)
    return {
        "id": ids.derived("service_at_location", service_id),
        "service_id": service_id,
        "location_id": loc["id"],
        "location": loc,
    }


@dataclasses.dataclass
class Related:
    """A group's many-to-many rows, fetched for a whole chunk of groups at once (see related_rows)."""

    themes: list[tuple[Theme, Json]]
    languages: list[Language]
    schedules: list[tuple[Schedule, list[datetime.date]]]


def service_full(
    group: Group, url_for: UrlFor, related: Related | None = None, places: dict[int, Json] | None = None
) -> Json:
    """The fully nested service; expects the prefetches of full_services_query() unless `related` is given."""
    if related is None:
        related = Related(
            themes=[(t, taxonomy_term(t, t.parent.slug if t.parent else None)) for t in group.themes.all()],
            languages=list(group.languages.all()),
            schedules=[(s, [c.date for c in s.cancellations.all()]) for s in group.schedules.all()],
        )
    result = service(group, url_for)
    service_id = result["id"]
    org = provider(group)
    if org is not None:
        result["organization"] = organization(org)
    if group.contact_phone:
        result["phones"] = [phone(group.contact_phone, service_id, service_id=service_id)]
    result["contacts"] = [contact(group)]
    result["schedules"] = [
        s
        for position, (schedule, cancelled) in enumerate(related.schedules)
        for s in schedules(schedule, service_id, position, cancelled)
    ]
    result["service_at_locations"] = [service_at_location(group, places=places)]
    result["languages"] = [language(lang, service_id) for lang in related.languages]
    result["attributes"] = [attribute(theme, service_id, term) for theme, term in related.themes]
    if group.cost == Cost.FEE and group.cost_amount:
        result["cost_options"] = [
            {
                "id": ids.derived("cost_option", service_id),
                "service_id": service_id,
                "currency": "EUR",
                "amount": float(group.cost_amount),
                "amount_description": fees(group),
            }
        ]
    return result


def services_query() -> QuerySet[Group]:
    """Public groups only (Group.objects.public()): what the map shows."""
    # Creation order: pages stay stable while groups are added, and it needs no sort of the whole map.
    return Group.objects.public().select_related("organisation", "support_point").order_by("pk")


def full_services_query() -> QuerySet[Group]:
    return (
        services_query()
        .select_related("location")
        .prefetch_related(
            Prefetch("themes", queryset=Theme.objects.select_related("parent").order_by("slug")),
            Prefetch("languages", queryset=Language.objects.order_by("code")),
            Prefetch("schedules", queryset=Schedule.objects.order_by("pk").prefetch_related("cancellations")),
        )
    )


def service_at_locations_query() -> QuerySet[Group]:
    return Group.objects.public().select_related("location").order_by("pk")


class Vocabulary:
    """Themes (with their HSDS terms) and languages, read once per export instead of once per group."""

    def __init__(self) -> None:
        self.themes = {t.pk: (t, taxonomy_term(t, t.parent.slug if t.parent else None)) for t in themes_query()}
        self.languages = {lang.pk: lang for lang in Language.objects.order_by("code")}


def related_rows(group_ids: list[int], vocabulary: Vocabulary) -> dict[int, Related]:
    """Themes, languages and schedules (with cancelled dates) of many groups in four queries, as plain rows."""
    result = {pk: Related([], [], []) for pk in group_ids}
    theme_links = Group.themes.through.objects.filter(group_id__in=group_ids).values_list("group_id", "theme_id")
    for group_id, theme_id in theme_links:
        result[group_id].themes.append(vocabulary.themes[theme_id])
    language_links = Group.languages.through.objects.filter(group_id__in=group_ids).values_list(
        "group_id", "language_id"
    )
    for group_id, language_id in language_links:
        result[group_id].languages.append(vocabulary.languages[language_id])
    cancelled: dict[int, list[datetime.date]] = {}
    for schedule_id, day in Cancellation.objects.filter(schedule__group_id__in=group_ids).values_list(
        "schedule_id", "date"
    ):
        cancelled.setdefault(schedule_id, []).append(day)
    for schedule in Schedule.objects.filter(group_id__in=group_ids).order_by("pk"):
        result[schedule.group_id].schedules.append((schedule, cancelled.get(schedule.pk, [])))
    for related in result.values():
        related.themes.sort(key=lambda pair: pair[0].slug)
        related.languages.sort(key=lambda lang: lang.code)
    return result
