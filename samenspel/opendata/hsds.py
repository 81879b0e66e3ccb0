"""Samenspel's directory as HSDS 3.0 objects (plain dicts), with the Samenspel profile's extra fields.

One mapping for the API, the ndjson stream and the export, so they cannot
drift apart. Every place goes through directory.disclosure.public_place: an
area-only or on-request location never shows its street, full postcode or
exact point, and an online meeting link never leaves at all. A contact
person's name only appears when that person chose to make it public.

Fields without a value are left out (HSDS types them as string or number,
never null).

The functions read attributes, so they map a model instance (the API) and a
Row read straight from the database (the export, where building 100,000 model
instances cost more than the HSDS objects themselves) the same way: a Row has
the model's attribute names, its translated texts resolved as the model's
would be, and the model's own methods where the mapping needs one. Texts that
depend on the language (choice labels, gettext phrases) come from one Texts
per request or export instead of a gettext call per row.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import itertools
import operator
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, cast

from django.conf import settings
from django.db.models import FileField, Model, QuerySet, UUIDField
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from modeltranslation import settings as mt_settings
from modeltranslation.fields import NONE
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname, fallbacks_enabled, resolution_order
from modeltranslation.utils import get_language as content_language

from samenspel.directory import postcodes
from samenspel.directory.disclosure import PublicPlace, public_place
from samenspel.directory.ical import ICAL_DAYS, first_start
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
from samenspel.directory.schedule_text import describe_schedule
from samenspel.opendata import ids

HSDS_VERSION = "3.0"
COUNTRY = "NL"
PROFILE_PATH = "docs/hsds-profile/"

# A group's lifecycle stage as an HSDS service status; the exact stage travels in `lifecycle_stage`.
SERVICE_STATUS: dict[str, str] = {
    GroupStatus.LOOKING: "active",
    GroupStatus.ACTIVE: "active",
    GroupStatus.PAUSED: "temporarily closed",
    GroupStatus.INITIATIVE: "inactive",
    GroupStatus.STOPPED: "defunct",
}

Json = dict[str, Any]
UrlFor = Callable[[str], str]  # a path -> an absolute URL


class Texts:
    """The words of one language that the mapping needs, looked up once per request or export.

    gettext and get_language cost more per call than the rest of a row, and an export asks for the
    same few labels and phrases 100,000 times. Make it where the language is active (the view or
    the export) and use it in that same language.
    """

    def __init__(self) -> None:
        self.language = get_language()
        self.content_language = content_language()  # modeltranslation's: which columns a translated field reads
        self.contact_point = _("Contact point")
        self.aged_between = _("aged %(min)s to %(max)s")
        self.aged_from = _("aged %(min)s or older")
        self.aged_up_to = _("up to age %(max)s")
        self.fee = _("Fee: € %(amount)s")
        self._labels: dict[tuple[type, str], str] = {}

    def label(self, choices: type[Any], value: str) -> str:
        """The label of a TextChoices value."""
        key = (choices, value)
        found = self._labels.get(key)
        if found is None:
            found = self._labels[key] = str(choices(value).label)
        return found


@functools.cache
def _group_path_template() -> str:
    return reverse("finder:group", kwargs={"slug": "SLUG-PLACEHOLDER"})


def content_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


# --- Rows -------------------------------------------------------------------


class Row:
    """A row of a table as attributes named like the model's (see RowReader): what the export maps.

    Translated fields hold the text in the active language (see RowReader), as the model's
    field would give it; relations are attached by whoever reads the rows.
    """

    if TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any: ...


class GroupRow(Row):
    # The model's own rule, not a copy: a contact person's name only when that person chose so.
    public_contact_name = vars(Group)["public_contact_name"]


class LocationRow(Row):
    public_coordinates = Location.public_coordinates  # the model's own rule: blurred unless the address is public


class ScheduleRow(Row):
    rule = Schedule.rule  # the model's own method: first_start reads the rule through it


class Translated:
    """One translated field of a row, read as modeltranslation's descriptor reads it of an instance.

    The same resolution (the language, then its fallbacks; the field's default when all are empty),
    with the order of columns worked out once instead of on every read.
    """

    def __init__(self, model: type[Model], field: str, language: str) -> None:
        descriptor = model.__dict__[field]
        # The descriptor's meaningful_value() treats files apart; every translated field here is text.
        assert not isinstance(descriptor.field, FileField)
        self.field = field
        default = descriptor.field.get_default()
        undefined = descriptor.fallback_undefined
        self.undefined = default if undefined is NONE else undefined
        order = resolution_order(language, descriptor.fallback_languages)
        self.columns = tuple(build_localized_fieldname(field, code) for code in order)
        fallback = descriptor.fallback_value if fallbacks_enabled() else NONE
        self.missing = default if fallback is NONE else fallback


class RowReader:
    """Reads Rows of one model in the language of `texts`: its columns as stored, each translation in its
    own column (name_nl, name_en, ...), and each translated field resolved as the model would give it.

    Not values(): modeltranslation's values() resolves every translated field of every row itself, with
    a get_language() per field, and a dict per row costs more than zipping a tuple. Columns in `skip`
    are not read; uuids are read as text, as the mapping writes them.
    """

    def __init__(self, model: type[Model], texts: Texts, row_class: type[Row] = Row, skip: Iterable[str] = ()) -> None:
        language = texts.content_language
        assert language in mt_settings.AVAILABLE_LANGUAGES
        fields = translator.get_options_for_model(model).all_fields
        self.translated = [Translated(model, field, language) for field in fields]
        self.columns = tuple(
            f.attname for f in model._meta.concrete_fields if f.name not in fields and f.attname not in skip
        )
        self.uuids = [f.attname for f in model._meta.concrete_fields if isinstance(f, UUIDField)]
        self.row_class = row_class

    def query(self, qs: QuerySet[Any]) -> QuerySet[Any]:
        """The tuples of these columns; each becomes a Row with read()."""
        return qs.rewrite(False).values_list(*self.columns)  # type: ignore[attr-defined]

    def rows(self, qs: QuerySet[Any]) -> Iterator[Any]:
        return map(self.read, self.query(qs))

    def read(self, stored: tuple[Any, ...]) -> Any:
        values = dict(zip(self.columns, stored, strict=True))
        for t in self.translated:
            for column in t.columns:
                value = values[column]
                if value is not None and value != t.undefined:  # the descriptor's meaningful_value()
                    break
            else:
                value = t.missing
            values[t.field] = value
        for column in self.uuids:
            if values[column] is not None:
                values[column] = str(values[column])
        row = object.__new__(self.row_class)
        row.__dict__ = values
        return row


def compact(obj: Json) -> Json:
    """Drop keys without a value: HSDS has no nulls, and an empty URL is not a URI."""
    return {k: v for k, v in obj.items() if v is not None and (v != "" or k not in _URI_KEYS)}


_URI_KEYS = frozenset({"url", "website", "uri", "term_uri", "schedule_link", "email", "assurer_email"})


def translations(obj: object, fields: tuple[str, ...]) -> Json:
    """{"en": {"name": ..., "description": ...}, ...}: every filled-in translation (profile field)."""
    result: Json = {}
    read, keys = _translation_columns(tuple(content_languages()), fields)
    for (code, field), value in zip(keys, read(obj), strict=True):
        if value:
            if code in result:
                result[code][field] = value
            else:
                result[code] = {field: value}
    return result


@functools.cache
def _translation_columns(
    codes: tuple[str, ...], fields: tuple[str, ...]
) -> tuple[Callable[[Any], tuple[Any, ...]], tuple[tuple[str, str], ...]]:
    """What translations() reads: one getter for every column (name_nl, description_nl, name_en, ...) at once."""
    keys = tuple((code, field) for code in codes for field in fields)
    columns = [f"{field}_{code}" for code, field in keys]
    getter = operator.attrgetter(*columns)
    return (getter if len(columns) > 1 else lambda obj: (getter(obj),)), keys


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


def organization(org: Organisation | Row) -> Json:
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


def organization_rows(texts: Texts, chunk_size: int) -> Iterator[Row]:
    """Every organisation as a Row, in the order of organizations_query()."""
    reader = RowReader(Organisation, texts)
    return map(reader.read, reader.query(organizations_query()).iterator(chunk_size=chunk_size))


# --- Locations --------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def province_of(municipality: str) -> str:
    # Remembered: a place's centre is averaged over its postcode areas, and the map has a few thousand places.
    area = postcodes.lookup_place(municipality) if municipality else None
    return area.province if area else ""


def location(loc: Location | LocationRow | None, *, key: str = "") -> Json:
    """An HSDS location from what public_place allows, never from the raw model fields."""
    # A LocationRow has every column of the location and the model's public_coordinates(): what public_place reads.
    place: PublicPlace = public_place(cast(Location | None, loc))
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
    return value.isoformat(timespec="minutes")


_DESCRIPTIONS: dict[tuple[Any, ...], str] = {}
_REMEMBERED = 50_000


def _rule_key(schedule: Schedule | ScheduleRow) -> tuple[Any, ...]:
    return (
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


def _as_schedule(schedule: Schedule | ScheduleRow) -> Schedule:
    # A ScheduleRow has the fields, and the model's rule(), that describe_schedule and first_start read.
    return cast(Schedule, schedule)


def _describe(schedule: Schedule | ScheduleRow, rule_key: tuple[Any, ...], texts: Texts) -> str:
    """describe_schedule, remembered: a national map has a few thousand distinct rhythms, not 100,000."""
    key = (texts.language, *rule_key)
    found = _DESCRIPTIONS.get(key)
    if found is None:
        if len(_DESCRIPTIONS) > _REMEMBERED:
            _DESCRIPTIONS.clear()
        found = _DESCRIPTIONS[key] = describe_schedule(_as_schedule(schedule))
    return found


def schedules(
    schedule: Schedule | ScheduleRow,
    service_id: str,
    position: int,
    cancelled_dates: Iterable[datetime.date],
    texts: Texts,
) -> list[Json]:
    """One HSDS schedule per rule; a list of set dates becomes one schedule per date.

    Ids come from the schedule's place among its group's schedules, not from its database key,
    so an export imported elsewhere and exported again keeps the same ids.
    """
    rule_key = _rule_key(schedule)
    base: Json = {
        "service_id": service_id,
        "opens_at": _hhmm(schedule.start_time),
        "closes_at": _hhmm(schedule.end_time),
        "description": _describe(schedule, rule_key, texts),
        "notes": schedule.note or None,
    }
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
    # Not remembered: it depends on each schedule's first day, which differs between almost all of them.
    first = first_start(_as_schedule(schedule))
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


Groupish = Group | GroupRow  # a model instance (the API) or a row (the export): mapped alike
Orgish = Organisation | Row


def group_url(group: Groupish, url_for: UrlFor) -> str:
    # One reverse() per process: the pattern is fixed, and slugs need no escaping.
    return url_for(_group_path_template().replace("SLUG-PLACEHOLDER", group.slug))


def provider(group: Groupish) -> Orgish | None:
    return group.organisation or group.support_point


def eligibility(group: Groupish, texts: Texts) -> str:
    parts = [texts.label(Audience, group.audience)]
    if group.gender != Gender.EVERYONE:
        parts.append(texts.label(Gender, group.gender))
    if group.age_min is not None and group.age_max is not None:
        parts.append(texts.aged_between % {"min": group.age_min, "max": group.age_max})
    elif group.age_min is not None:
        parts.append(texts.aged_from % {"min": group.age_min})
    elif group.age_max is not None:
        parts.append(texts.aged_up_to % {"max": group.age_max})
    return "; ".join(parts)


def fees(group: Groupish, texts: Texts) -> str:
    if group.cost == Cost.FEE and group.cost_amount:
        return texts.fee % {"amount": group.cost_amount}
    return texts.label(Cost, group.cost)


def service(group: Groupish, url_for: UrlFor, texts: Texts) -> Json:
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
            "status": SERVICE_STATUS[group.status],  # a GroupStatus is its value: no conversion needed
            "application_process": "\n\n".join(
                p for p in (texts.label(Intake, group.intake), group.first_visit or "") if p
            ),
            "fees_description": fees(group, texts),
            "eligibility_description": eligibility(group, texts),
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
            # What groups really are (#14): offers beside the meetings, a room and online at once, the next intake.
            "website": group.website or None,
            "activity": group.activity or None,
            "one_to_one": group.one_to_one,
            "phone_contact": group.phone_contact,
            "hybrid": group.hybrid,
            "next_intake_date": group.next_intake_date.isoformat() if group.next_intake_date else None,
        }
    )


def contact(group: Groupish, texts: Texts) -> Json:
    service_id = str(group.uuid)
    contact_id = ids.derived("contact", service_id)
    return compact(
        {
            "id": contact_id,
            "service_id": service_id,
            # A person's own name only when that person chose so; otherwise the role speaks.
            "name": group.public_contact_name or texts.contact_point,
            "email": group.contact_email,
            "phones": [phone(group.contact_phone, contact_id, contact_id=contact_id)] if group.contact_phone else [],
        }
    )


def language(lang: Language | Row, service_id: str) -> Json:
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


def service_at_location(group: Groupish, places: dict[int, Json] | None = None) -> Json:
    """The link between a group and where it meets (an online group meets at a virtual location).

    `places`: the locations service_rows rendered, by key (many groups share a place).
    """
    service_id = str(group.uuid)
    if places is not None and group.location_id is not None:
        loc = places[group.location_id]
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
    languages: list[Row]
    schedules: list[tuple[ScheduleRow, list[datetime.date]]]


@dataclasses.dataclass
class Shared:
    """What many services of an export nest, rendered once by service_rows: the places (about one per
    five groups, kept for the whole export) and the providers (kept for one chunk)."""

    places: dict[int, Json] = dataclasses.field(default_factory=dict)
    organizations: dict[int, Json] = dataclasses.field(default_factory=dict)


def service_full(
    group: Groupish, url_for: UrlFor, texts: Texts, related: Related, shared: Shared | None = None
) -> Json:
    """The fully nested service, with its related rows (related_rows)."""
    result = service(group, url_for, texts)
    service_id = result["id"]
    org = provider(group)
    if org is not None:
        result["organization"] = organization(org) if shared is None else shared.organizations[org.id]
    if group.contact_phone:
        result["phones"] = [phone(group.contact_phone, service_id, service_id=service_id)]
    result["contacts"] = [contact(group, texts)]
    # A meeting time at a place of its own (a group meeting at several places) links to that place through a
    # service_at_location of its own.
    own_place = service_at_location(group, None if shared is None else shared.places)
    elsewhere: dict[int, Json] = {}
    other_ids = {s.location_id for s, _c in related.schedules if s.location_id and s.location_id != group.location_id}
    for place in Location.objects.filter(pk__in=other_ids).order_by("pk") if other_ids else ():
        loc = location(place)
        elsewhere[place.pk] = {
            "id": ids.derived("service_at_location", service_id, loc["id"]),
            "service_id": service_id,
            "location_id": loc["id"],
            "location": loc,
        }
    result["schedules"] = []
    for position, (schedule, cancelled) in enumerate(related.schedules):
        link = elsewhere.get(schedule.location_id) if schedule.location_id else None
        for rendered in schedules(schedule, service_id, position, cancelled, texts):
            if link is not None:
                rendered |= {"service_at_location_id": link["id"], "location_id": link["location_id"]}
            result["schedules"].append(rendered)
    result["service_at_locations"] = [own_place, *elsewhere.values()]
    result["languages"] = [language(lang, service_id) for lang in related.languages]
    result["attributes"] = [attribute(theme, service_id, term) for theme, term in related.themes]
    if group.cost == Cost.FEE and group.cost_amount:
        result["cost_options"] = [
            {
                "id": ids.derived("cost_option", service_id),
                "service_id": service_id,
                "currency": "EUR",
                "amount": float(group.cost_amount),
                "amount_description": fees(group, texts),
            }
        ]
    return result


def services_query() -> QuerySet[Group]:
    """Public groups only (Group.objects.public()): what the map shows."""
    # Creation order: pages stay stable while groups are added, and it needs no sort of the whole map.
    return Group.objects.public().select_related("organisation", "support_point").order_by("pk")


def service_at_locations_query() -> QuerySet[Group]:
    return Group.objects.public().select_related("location").order_by("pk")


class Vocabulary:
    """Themes (with their HSDS terms) and languages, read once per export instead of once per group."""

    def __init__(self, texts: Texts) -> None:
        self.texts = texts
        self.themes = {t.pk: (t, taxonomy_term(t, t.parent.slug if t.parent else None)) for t in themes_query()}
        self.languages = {row.id: row for row in RowReader(Language, texts).rows(Language.objects.order_by("code"))}


def related_rows(group_ids: list[int], vocabulary: Vocabulary) -> dict[int, Related]:
    """Themes, languages and schedules (with cancelled dates) of many groups in four queries, as rows.

    Selected by the range of the ids, not by a list of them: a chunk is consecutive in creation order,
    and a list of hundreds of ids costs more to build than the query takes to run. Rows of groups
    in the range that were not asked for (not public) are skipped.
    """
    result = {pk: Related([], [], []) for pk in group_ids}
    if not group_ids:
        return result
    span = {"group_id__gte": min(group_ids), "group_id__lte": max(group_ids)}
    theme_links = Group.themes.through.objects.filter(**span).values_list("group_id", "theme_id")
    for group_id, theme_id in theme_links:
        if group_id in result:
            result[group_id].themes.append(vocabulary.themes[theme_id])
    language_links = Group.languages.through.objects.filter(**span).values_list("group_id", "language_id")
    for group_id, language_id in language_links:
        if group_id in result:
            result[group_id].languages.append(vocabulary.languages[language_id])
    cancelled: dict[int, list[datetime.date]] = {}
    for schedule_id, day in Cancellation.objects.filter(**{f"schedule__{k}": v for k, v in span.items()}).values_list(
        "schedule_id", "date"
    ):
        cancelled.setdefault(schedule_id, []).append(day)
    reader = RowReader(Schedule, vocabulary.texts, ScheduleRow)
    group_column = reader.columns.index("group_id")
    for stored in reader.query(Schedule.objects.filter(**span).order_by("pk")):
        if stored[group_column] in result:
            schedule = reader.read(stored)
            result[schedule.group_id].schedules.append((schedule, cancelled.get(schedule.id, [])))
    for related in result.values():
        related.themes.sort(key=lambda pair: pair[0].slug)
        related.languages.sort(key=lambda lang: lang.code)
    return result


def service_rows(vocabulary: Vocabulary, shared: Shared, chunk_size: int) -> Iterator[tuple[GroupRow, Related]]:
    """Every public group as a row with its provider and related rows, in creation order, chunk by chunk.

    The chunk's providers and new places are rendered into `shared` as the chunk is read, for
    service_full.
    """
    groups = RowReader(Group, vocabulary.texts, GroupRow, skip=("created_at",))
    providers = RowReader(Organisation, vocabulary.texts, skip=("created_at", "updated_at"))
    places = RowReader(Location, vocabulary.texts, LocationRow)
    rows = groups.query(Group.objects.public().order_by("pk")).iterator(chunk_size=chunk_size)
    orgs: dict[int, Row] = {}
    while chunk := [groups.read(stored) for stored in itertools.islice(rows, chunk_size)]:
        # Providers: the previous chunk's are kept when this chunk has them too (groups near each other).
        org_ids = ({g.organisation_id for g in chunk} | {g.support_point_id for g in chunk}) - {None}
        orgs = {pk: orgs[pk] for pk in org_ids & orgs.keys()}
        rendered = {pk: shared.organizations[pk] for pk in orgs}
        for org in providers.rows(Organisation.objects.filter(pk__in=org_ids - orgs.keys())):
            orgs[org.id] = org
            rendered[org.id] = organization(org)
        shared.organizations = rendered
        new_places = {g.location_id for g in chunk if g.location_id is not None} - shared.places.keys()
        for loc in places.rows(Location.objects.filter(pk__in=new_places)):
            shared.places[loc.id] = location(loc)
        related = related_rows([g.id for g in chunk], vocabulary)
        for group in chunk:
            group.organisation = orgs.get(group.organisation_id)
            group.support_point = orgs.get(group.support_point_id)
            yield group, related[group.id]
