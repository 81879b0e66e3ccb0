"""Plan an HSDS 3.0 import: every record read into what it would write, with every error per record.

Planning writes nothing. It parses and validates each record, maps its taxonomy terms to themes, finds the
rows already on the map (a record whose id is a UUID is matched on it, else on `source_id`) and says per
row whether it is new, changed or unchanged. The importer (importer.py) then writes the plans through
samenspel.directory.services, in one transaction.
"""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import json
import math
import re
import uuid
from collections import Counter
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any, Literal
from urllib.parse import urlparse

from django.conf import settings
from django.db import models
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samenspel.core.services import field_changes
from samenspel.directory import postcodes
from samenspel.directory.models import (
    Activity,
    Audience,
    Cost,
    Disclosure,
    Gender,
    Group,
    GroupKind,
    GroupStatus,
    Intake,
    Language,
    LedBy,
    Location,
    Organisation,
    OrganisationKind,
    Theme,
    ThemeSynonym,
    WorkingMethod,
)
from samenspel.directory.recurrence import RuleKind
from samenspel.directory.services import ScheduleSpec, group_changes
from samenspel.directory.slugs import new_slug
from samenspel.opendata import ids
from samenspel.opendata.reader import Json, Package, Problem

SKIP = "-"  # a term mapped to "-" is left out
DEFAULT_TERM = "*"  # the theme for services that bring no (mapped) term
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
HSDS_STATUS = {
    "active": GroupStatus.ACTIVE,
    "inactive": GroupStatus.INITIATIVE,
    "defunct": GroupStatus.STOPPED,
    "temporarily closed": GroupStatus.PAUSED,
}
GROUP_TEXTS = ("name", "description", "first_visit", "house_rules")
PROFILE_CHOICES: dict[str, tuple[str, type[Any]]] = {
    "audience": ("audience", Audience),
    "gender": ("gender", Gender),
    "intake": ("intake", Intake),
    "group_kind": ("kind", GroupKind),
    "working_method": ("working_method", WorkingMethod),
    "led_by": ("led_by", LedBy),
    "activity": ("activity", Activity),
}
_NTH_DAY = re.compile(r"^(-?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$")


class Invalid(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field, self.message = field, message


@dataclasses.dataclass
class Report:
    dry_run: bool
    errors: list[Problem] = dataclasses.field(default_factory=list)
    warnings: list[Problem] = dataclasses.field(default_factory=list)
    unknown_terms: list[Json] = dataclasses.field(default_factory=list)
    created: Counter[str] = dataclasses.field(default_factory=Counter)
    updated: Counter[str] = dataclasses.field(default_factory=Counter)
    # Of the updated records, those in which nothing changed: nothing was written for them.
    unchanged: Counter[str] = dataclasses.field(default_factory=Counter)
    committed: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_dict(self) -> Json:
        return {
            "dry_run": self.dry_run,
            "committed": self.committed,
            "created": dict(self.created),
            "updated": dict(self.updated),
            "unchanged": dict(self.unchanged),
            "errors": [p.as_dict() for p in self.errors],
            "warnings": [p.as_dict() for p in self.warnings],
            "unknown_terms": self.unknown_terms,
        }


# --- Values -----------------------------------------------------------------------------


def _str(record: Json, key: str, max_length: int | None = None) -> str:
    value = record.get(key)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise Invalid(key, _("Expected text."))
    text = str(value).replace("\x00", "").strip()
    if max_length is not None and len(text) > max_length:
        raise Invalid(key, _("At most %(n)s characters.") % {"n": max_length})
    return text


def _int(record: Json, key: str, low: int | None = None, high: int | None = None) -> int | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise Invalid(key, _("Expected a whole number."))
    try:
        number = int(value) if isinstance(value, int) else int(str(value).strip())
    except ValueError:
        raise Invalid(key, _("Expected a whole number.")) from None
    if (low is not None and number < low) or (high is not None and number > high):
        raise Invalid(key, _("Expected a number from %(low)s to %(high)s.") % {"low": low, "high": high})
    return number


def _float(record: Json, key: str) -> float | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise Invalid(key, _("Expected a number."))
    try:
        number = float(value)
    except ValueError:
        raise Invalid(key, _("Expected a number.")) from None
    # "nan" and "inf" parse as floats (JSON's NaN and Infinity too) but are no coordinate or amount.
    if not math.isfinite(number):
        raise Invalid(key, _("Expected a number."))
    return number


def _date(record: Json, key: str) -> datetime.date | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise Invalid(key, _("Expected a date (YYYY-MM-DD)."))
    try:
        return datetime.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise Invalid(key, _("Expected a date (YYYY-MM-DD).")) from None


def _time(record: Json, key: str) -> datetime.time | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise Invalid(key, _("Expected a time (HH:MM)."))
    try:
        return datetime.time.fromisoformat(value.strip()[:8]).replace(tzinfo=None)
    except ValueError:
        raise Invalid(key, _("Expected a time (HH:MM).")) from None


def _list(record: Json, key: str) -> list[Any]:
    value = record.get(key)
    if value is None or value == "":
        return []
    if isinstance(value, str):  # the tabular form keeps lists and objects as JSON in a cell
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            raise Invalid(key, _("Expected a list.")) from None
    if not isinstance(value, list):
        raise Invalid(key, _("Expected a list."))
    return value


def _objects(record: Json, key: str) -> list[Json]:
    items = _list(record, key)
    if not all(isinstance(i, dict) for i in items):
        raise Invalid(key, _("Expected a list of objects."))
    return items


def _translations(record: Json) -> dict[str, dict[str, str]]:
    value = record.get("translations")
    if value is None or value == "":
        return {}
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            raise Invalid("translations", _("Expected an object of languages.")) from None
    if not isinstance(value, dict) or not all(
        isinstance(texts, dict) and all(isinstance(t, str) for t in texts.values()) for texts in value.values()
    ):
        raise Invalid("translations", _("Expected an object of languages, each with texts."))
    codes = {code for code, _name in settings.LANGUAGES}
    return {code: texts for code, texts in value.items() if code in codes}


def _choice(record: Json, key: str, choices: type[Any]) -> str | None:
    value = _str(record, key)
    if not value:
        return None
    if value not in choices.values:
        raise Invalid(
            key,
            _("Unknown value %(value)s; expected one of %(choices)s.")
            % {"value": value, "choices": ", ".join(choices.values)},
        )
    return value


def as_uuid(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def _in_every_language(text: Any) -> set[str]:
    """A fixed text of ours as it reads in every interface language (an export may be in any of them)."""
    found = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            found.add(str(text() if callable(text) else text))
    return found


def texts(fields: Iterable[str], translations: dict[str, dict[str, str]], plain: dict[str, str]) -> dict[str, str]:
    """Every language column from the translations; a plain text goes to the default language when absent."""
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    columns: dict[str, str] = {}
    for field in fields:
        for code, _name in settings.LANGUAGES:
            value = translations.get(code, {}).get(field, "")
            if code == default and not value and not any(field in t for t in translations.values()):
                value = plain.get(field, "")
            columns[f"{field}_{code}"] = value
    return columns


# --- Plans ---------------------------------------------------------------------------------

# new: not on the map yet; changed / unchanged: on the map, and the file does / does not change it;
# linked: an organisation on the map that the import refers to but may not change.
Action = Literal["new", "changed", "unchanged", "linked"]


@dataclasses.dataclass
class OrganisationPlan:
    ref: str
    existing: Organisation | None
    fields: dict[str, Any]
    action: Action


@dataclasses.dataclass
class LocationPlan:
    ref: str
    existing: Location | None
    fields: dict[str, Any]
    action: Action
    check: bool  # False for an online place: its meeting link never travels, the contact point gives it


@dataclasses.dataclass
class GroupPlan:
    ref: str
    existing: Group | None
    fields: dict[str, Any]  # the row's own columns, every language column, the status when the file gives one
    action: Action
    org_ref: str
    location_ref: str
    themes: list[int]
    languages: list[int]
    schedules: list[ScheduleSpec]
    # Per schedule, the ref of its own place (a group meeting at several places), or "".
    schedule_places: list[str] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class Plan:
    organisations: list[OrganisationPlan]
    locations: list[LocationPlan]
    groups: list[GroupPlan]


MATCH_BATCH = 500


def existing_rows(model: type[models.Model], refs: Sequence[str], prefetch: Sequence[str] = ()) -> dict[str, Any]:
    """The rows already on the map for these record ids: by UUID first (our own export), else by source_id."""
    manager: Any = model._default_manager
    uuids = {ref: record_uuid for ref in refs if (record_uuid := as_uuid(ref)) is not None}
    by_uuid: dict[uuid.UUID, Any] = {}
    by_source: dict[str, Any] = {}
    wanted_uuids = list(uuids.values())
    for start in range(0, len(wanted_uuids), MATCH_BATCH):
        for row in manager.filter(uuid__in=wanted_uuids[start : start + MATCH_BATCH]).prefetch_related(*prefetch):
            by_uuid[row.uuid] = row
    for start in range(0, len(refs), MATCH_BATCH):
        for row in manager.filter(source_id__in=refs[start : start + MATCH_BATCH]).prefetch_related(*prefetch):
            by_source[row.source_id] = row
    found = {}
    for ref in refs:
        row = by_uuid.get(uuids[ref]) if ref in uuids else None
        row = row or by_source.get(ref)
        if row is not None:
            found[ref] = row
    return found


# --- The planner ---------------------------------------------------------------------------


@dataclasses.dataclass
class Planner:
    support_point: Organisation
    report: Report
    mapping: dict[str, str] = dataclasses.field(default_factory=dict)
    scoped: bool = True  # through an API key: never change what is not this support point's

    def plan(self, package: Package) -> Plan | None:
        """Every record planned; None when any record has an error (the report lists every one)."""
        self._slugs: dict[type[models.Model], set[str]] = {Organisation: set(), Group: set()}
        self._load_vocabulary()
        self._check_duplicates(package)
        orgs: dict[str, Json] = {o["id"]: o for o in package.organizations if isinstance(o.get("id"), str)}
        for record in package.services:
            nested = record.get("organization")
            if isinstance(nested, dict) and isinstance(nested.get("id"), str):
                orgs.setdefault(nested["id"], nested)
        self.orgs_in_file = orgs
        self.terms = self._collect_terms(package)
        records = [r for r in (self._plan_service(record) for record in package.services) if r is not None]
        self._report_unknown_terms()
        if self.report.errors:
            return None
        organisations = self._plan_organisations(records)
        locations = self._plan_locations(records)
        groups = self._plan_groups(records, organisations, locations)
        if self.report.errors:
            return None
        return Plan(organisations, locations, groups)

    def error(self, record_type: str, record_id: Any, field: str, message: str) -> None:
        self.report.errors.append(Problem(record_type, str(record_id or ""), field, message))

    def warn(self, record_type: str, record_id: Any, field: str, message: str) -> None:
        self.report.warnings.append(Problem(record_type, str(record_id or ""), field, message))

    def _load_vocabulary(self) -> None:
        self.themes = {t.slug: t for t in Theme.objects.all()}
        self.theme_by_id = {ids.theme_id(slug): slug for slug in self.themes}
        self.languages = {lang.code: lang for lang in Language.objects.all()}
        self.contact_point_names = _in_every_language(lambda: _("Contact point"))
        self.voluntary_labels = _in_every_language(lambda: Cost.VOLUNTARY.label)
        self.accessibility_labels = {
            flag: _in_every_language(lambda label=label: _(label))
            for flag, label in (
                ("wheelchair_accessible", "Wheelchair accessible"),
                ("hearing_loop", "Hearing loop"),
                ("quiet_room", "Quiet room"),
                ("childcare", "Childcare"),
            )
        }
        self.intake_labels = {str(label) for _v, label in Intake.choices} | {
            text for value in Intake.values for text in _in_every_language(lambda v=value: Intake(v).label)
        }
        self.unknown: dict[str, Json] = {}

    def _check_duplicates(self, package: Package) -> None:
        for record_type, records in (
            ("service", package.services),
            ("organization", package.organizations),
            ("taxonomy_term", package.taxonomy_terms),
        ):
            seen: set[str] = set()
            for record in records:
                record_id = record.get("id")
                if not isinstance(record_id, str) or not record_id.strip():
                    self.error(record_type, "", "id", _("Every record needs an id (text)."))
                elif record_id in seen:
                    self.error(record_type, record_id, "id", _("This id occurs more than once."))
                seen.add(record_id if isinstance(record_id, str) else "")

    def _collect_terms(self, package: Package) -> dict[str, Json]:
        terms: dict[str, Json] = {}
        for term in package.taxonomy_terms:
            if isinstance(term.get("id"), str):
                terms[term["id"]] = term
        for service in package.services:
            attrs = service.get("attributes")
            for attr in attrs if isinstance(attrs, list) else []:
                nested = attr.get("taxonomy_term") if isinstance(attr, dict) else None
                if isinstance(nested, dict) and isinstance(nested.get("id"), str):
                    terms.setdefault(nested["id"], nested)
        return terms

    def _theme_for(self, term_id: str, record_id: str) -> str | None:
        """The theme slug for a term; None when left out. Unknown terms are noted for the review."""
        term = self.terms.get(term_id, {})
        code = term.get("code") if isinstance(term.get("code"), str) else ""
        for key in (term_id, code):
            if key and key in self.mapping:
                target = self.mapping[key]
                return None if target == SKIP else target
        if term_id in self.theme_by_id:
            return self.theme_by_id[term_id]
        if code in self.themes and term.get("taxonomy_id") in (None, "", ids.taxonomy_id()):
            return code
        if not term:
            self.error(
                "attribute",
                record_id,
                "taxonomy_term_id",
                _("Refers to taxonomy term %(id)s, which is not in the file.") % {"id": term_id},
            )
            return None
        self.unknown.setdefault(term_id, term)
        return None

    def _report_unknown_terms(self) -> None:
        for term_id, term in self.unknown.items():
            name = term.get("name") if isinstance(term.get("name"), str) else ""
            self.report.unknown_terms.append(
                {
                    "id": term_id,
                    "code": term.get("code") if isinstance(term.get("code"), str) else "",
                    "name": name,
                    "suggestions": suggest_themes(name or str(term.get("code", ""))),
                }
            )
            self.error(
                "taxonomy_term",
                term_id,
                "",
                _("“%(name)s” is not a Samenspel theme: map it to a theme (or to “-” to leave it out).")
                % {"name": name or term_id},
            )

    # --- records -------------------------------------------------------------------

    def _plan_service(self, record: Json) -> Json | None:
        raw_id = record.get("id")
        record_id = raw_id if isinstance(raw_id, str) else ""
        errors_before = len(self.report.errors)
        plan: Json = {"id": record_id}
        try:
            plan.update(self._service_fields(record, record_id))
        except Invalid as exc:
            self.error("service", record_id, exc.field, exc.message)
            return None
        if len(self.report.errors) > errors_before:
            return None
        return plan

    def _service_fields(self, r: Json, sid: str) -> Json:
        translations = _translations(r)
        plain = {"name": _str(r, "name", 200), "description": _str(r, "description")}
        if not plain["name"] and not any(t.get("name") for t in translations.values()):
            raise Invalid("name", _("A service needs a name."))
        fields: Json = {}
        for key, (field, choices) in PROFILE_CHOICES.items():
            value = _choice(r, key, choices)
            if value is not None:
                fields[field] = value
        stage = _str(r, "lifecycle_stage")
        status = _str(r, "status")
        if stage:
            if stage not in GroupStatus.values:
                raise Invalid("lifecycle_stage", _("Unknown lifecycle stage %(value)s.") % {"value": stage})
            fields["status"] = stage
        elif status:
            if status not in HSDS_STATUS:
                raise Invalid("status", _("Unknown status %(value)s.") % {"value": status})
            fields["status"] = HSDS_STATUS[status]
        # Only what the map shows is published: an initiative in a feed is one that asked to be found.
        fields["seeking_others"] = fields.get("status") == GroupStatus.INITIATIVE
        fields["age_min"] = _int(r, "minimum_age", 0, 120)
        fields["age_max"] = _int(r, "maximum_age", 0, 120)
        fields["typical_size"] = _int(r, "typical_size", 2, 60)
        plain["house_rules"] = _str(r, "house_rules")
        # What groups really are (#14): the profile's offers, hybrid meetings, own website and next intake.
        for flag in ("one_to_one", "phone_contact", "hybrid"):
            fields[flag] = r.get(flag) in (True, "True", "true", "1")
        fields["website"] = _str(r, "website", 300)
        fields["next_intake_date"] = (
            _date(r, "next_intake_date") if fields.get("intake") == Intake.SET_MOMENTS else None
        )
        # application_process is "how to join" and then "a first visit"; another directory's is the first visit.
        process = _str(r, "application_process")
        head, _sep, tail = process.partition("\n\n")
        plain["first_visit"] = tail if head in self.intake_labels else process
        assured = _date(r, "assured_date")
        fields["last_verified_at"] = (
            datetime.datetime.combine(assured, datetime.time(12), tzinfo=datetime.UTC) if assured else None
        )
        # Contact point: a role address; a person's name only as the export published it.
        email = _str(r, "email", 254)
        phones = [_str(p, "number", 32) for p in _objects(r, "phones")]
        contact_name, name_public = "", False
        for contact in _objects(r, "contacts")[:1]:
            name = _str(contact, "name", 120)
            if name and name not in self.contact_point_names:
                contact_name, name_public = name, True
            email = email or _str(contact, "email", 254)
            phones += [_str(p, "number", 32) for p in _objects(contact, "phones")]
        org_ref = _str(r, "organization_id")
        org_record = self.orgs_in_file.get(org_ref) if org_ref else None
        if org_ref and org_record is None and not self._existing_org(org_ref):
            raise Invalid(
                "organization_id",
                _("Refers to organization %(id)s, which is neither in the file nor on the map.") % {"id": org_ref},
            )
        if not email and not phones and org_record is not None:
            email = _str(org_record, "email", 254)
            phones = [_str(p, "number", 32) for p in _objects(org_record, "phones")]
        phones = [p for p in phones if p]
        if not email and not phones:
            raise Invalid("email", _("A group needs a contact point: an e-mail address or a phone number."))
        fields |= {
            "contact_email": email,
            "contact_phone": phones[0] if phones else "",
            "contact_name": contact_name,
            "contact_name_public": name_public,
        }
        # Cost
        options = _objects(r, "cost_options")
        amounts = [a for a in (_float(o, "amount") for o in options) if a is not None]
        if amounts:
            try:
                fields["cost"], fields["cost_amount"] = Cost.FEE, Decimal(str(amounts[0])).quantize(Decimal("0.01"))
            except InvalidOperation:
                raise Invalid("cost_options", _("Expected a number.")) from None
            if fields["cost_amount"] <= 0 or fields["cost_amount"] >= Decimal("100000"):
                fields["cost"], fields["cost_amount"] = Cost.FREE, None
        else:
            fields["cost"] = Cost.VOLUNTARY if _str(r, "fees_description") in self.voluntary_labels else Cost.FREE
            fields["cost_amount"] = None
        # Themes
        slugs: list[str] = []
        for attr in _objects(r, "attributes"):
            term_id = _str(attr, "taxonomy_term_id") or _str(attr.get("taxonomy_term") or {}, "id")
            if not term_id:
                continue
            slug = self._theme_for(term_id, _str(attr, "id") or sid)
            if slug is not None:
                if slug not in self.themes:
                    raise Invalid(
                        "attributes", _("The mapping names theme %(slug)s, which does not exist.") % {"slug": slug}
                    )
                if slug not in slugs:
                    slugs.append(slug)
        if not slugs and DEFAULT_TERM in self.mapping:
            default = self.mapping[DEFAULT_TERM]
            if default not in self.themes:
                raise Invalid(
                    "attributes", _("The mapping names theme %(slug)s, which does not exist.") % {"slug": default}
                )
            slugs.append(default)
        if not slugs and not self.unknown:
            raise Invalid(
                "attributes",
                _("A group needs a theme: give the service a taxonomy term, or a default theme for the import."),
            )
        codes = []
        for lang in _objects(r, "languages"):
            code = _str(lang, "code", 8).lower()
            if code in self.languages:
                codes.append(code)
            elif code:
                self.warn(
                    "language",
                    _str(lang, "id"),
                    "code",
                    _("Language %(code)s is not in Samenspel's list; left out.") % {"code": code},
                )
        # A meeting time at a place of its own (#14): the service_at_location its schedule names.
        places: dict[str, Json] = {}
        for sal in _objects(r, "service_at_locations")[1:]:
            extra = self._plan_location({"service_at_locations": [sal]}, sid)
            if isinstance(extra, dict) and extra.get("disclosure") != Disclosure.ONLINE:
                places[_str(sal, "id")] = extra
        location = self._plan_location(r, sid, warn_several=not places)
        if location == "unplaced":
            fields["status"], fields["seeking_others"] = GroupStatus.INITIATIVE, False
            location = None
        return {
            "fields": fields,
            "plain": plain,
            "translations": translations,
            "org_ref": org_ref,
            "themes": slugs,
            "languages": sorted(set(codes), key=codes.index),
            "location": location,
            "schedules": [
                {**s, "place_ref": places[s["place_ref"]]["id"] if s.get("place_ref") in places else ""}
                for s in self._plan_schedules(r, sid)
            ],
            "places": list(places.values()),
            "slug": self._slug_from_url(_str(r, "url")),
        }

    def _existing_org(self, ref: str) -> Organisation | None:
        record_uuid = as_uuid(ref)
        if record_uuid is not None:
            found = Organisation.objects.filter(uuid=record_uuid).first()
            if found is not None:
                return found
        return Organisation.objects.filter(source_id=ref).first() if ref else None

    def _slug_from_url(self, url: str) -> str:
        if not url:
            return ""
        try:
            match = resolve(urlparse(url).path)
        except Resolver404:
            return ""
        return str(match.kwargs.get("slug", "")) if match.view_name == "finder:group" else ""

    def _plan_location(self, r: Json, sid: str, *, warn_several: bool = True) -> Json | str | None:
        sals = _objects(r, "service_at_locations")
        if not sals:
            self.warn(
                "service",
                sid,
                "service_at_locations",
                _("No place to meet: the group is imported off the map until its place is filled in."),
            )
            return "unplaced"
        if len(sals) > 1 and warn_several:
            self.warn(
                "service",
                sid,
                "service_at_locations",
                _("A group meets at one place in Samenspel: only the first is imported."),
            )
        loc = sals[0].get("location")
        if not isinstance(loc, dict):
            raise Invalid("service_at_locations", _("Expected a location object."))
        loc_id = _str(loc, "id")
        if not loc_id:
            raise Invalid("location", _("Every record needs an id (text)."))
        disclosure = _str(loc, "disclosure")
        if disclosure and disclosure not in Disclosure.values:
            raise Invalid("disclosure", _("Unknown disclosure %(value)s.") % {"value": disclosure})
        if disclosure == Disclosure.ONLINE or _str(loc, "location_type") == "virtual":
            if loc_id == ids.derived("online-location", sid):
                return None
            return {"id": loc_id, "disclosure": Disclosure.ONLINE}
        addresses = _objects(loc, "addresses")
        address = addresses[0] if addresses else {}
        street = _str(address, "address_1", 200)
        city = _str(address, "city", 100)
        country = _str(address, "country").upper()
        postcode = _str(address, "postal_code")
        area = None
        if country in ("", "NL", "NLD"):
            area = postcodes.lookup(postcode) if postcode else (postcodes.lookup_place(city) if city else None)
        if area is None:
            self.warn(
                "location",
                loc_id,
                "addresses",
                _(
                    "We cannot place this location in the Netherlands: the group is imported off the map until its place is filled in."
                ),
            )
            return "unplaced"
        if not disclosure:
            disclosure = Disclosure.PUBLIC if street else Disclosure.AREA
        if disclosure == Disclosure.PUBLIC and not street:
            disclosure = Disclosure.AREA
        latitude, longitude = _float(loc, "latitude"), _float(loc, "longitude")
        if latitude is None or longitude is None or not (50 <= latitude <= 54 and 3 <= longitude <= 8):
            latitude, longitude = area.latitude, area.longitude
        label = _str(loc, "name")
        name = ""
        if disclosure == Disclosure.PUBLIC:
            name = label[: -len(city) - 2] if city and label.endswith(f", {city}") else ("" if label == city else label)
        flags = {flag: False for flag in self.accessibility_labels}
        for item in _objects(loc, "accessibility"):
            text = _str(item, "description")
            for flag, labels in self.accessibility_labels.items():
                if text in labels:
                    flags[flag] = True
        return {
            "id": loc_id,
            "disclosure": disclosure,
            "name": name[:200],
            "street": street if disclosure == Disclosure.PUBLIC else "",
            "postcode": postcodes.normalise(postcode) if postcode and postcodes.lookup(postcode) else area.pc4,
            "municipality": city or area.place,
            "latitude": latitude,
            "longitude": longitude,
            **flags,
        }

    def _plan_schedules(self, r: Json, sid: str) -> list[Json]:
        plans: list[Json] = []
        for s in _objects(r, "schedules"):
            schedule_id = _str(s, "id")
            try:
                plan = self._plan_schedule(s)
            except Invalid as exc:
                raise Invalid(f"schedules.{exc.field}", exc.message) from None
            if plan is None:
                self.warn(
                    "schedule", schedule_id, "freq", _("This rhythm cannot be imported; the schedule is left out.")
                )
                continue
            previous = plans[-1] if plans else None
            same_times = previous is not None and all(
                previous[k] == plan[k] for k in ("start_time", "end_time", "note", "place_ref")
            )
            if plan["kind"] == RuleKind.DATES and previous and previous["kind"] == RuleKind.DATES and same_times:
                previous["dates"].extend(plan["dates"])
                previous["valid_from"] = min(previous["valid_from"], plan["valid_from"])
            else:
                plans.append(plan)
        return plans

    def _plan_schedule(self, s: Json) -> Json | None:
        start, end = _time(s, "opens_at"), _time(s, "closes_at")
        if start is None or end is None or end <= start:
            return None
        valid_from = _date(s, "valid_from") or _date(s, "dtstart") or timezone.localdate()
        until = _date(s, "until") or _date(s, "valid_to")
        freq = _str(s, "freq").upper()
        plan: Json = {
            "start_time": start,
            "end_time": end,
            "valid_from": valid_from,
            "valid_until": until if until and until >= valid_from else None,
            "note": _str(s, "notes", 200),
            "weekdays": [],
            "interval": 1,
            "nth": None,
            "day_of_month": None,
            "dates": [],
            "cancelled": sorted({d for d in (str(x) for x in _list(s, "cancelled_dates")) if _valid_date(d)}),
            "place_ref": _str(s, "service_at_location_id"),
        }
        byday = [d.strip().upper() for d in _str(s, "byday").split(",") if d.strip()]
        if freq == "WEEKLY":
            if not byday or any(d not in DAYS for d in byday):
                return None
            interval = _int(s, "interval", 1, 12) or 1
            plan |= {
                "kind": RuleKind.WEEKLY if interval == 1 else RuleKind.EVERY_N_WEEKS,
                "weekdays": sorted({DAYS.index(d) for d in byday}),
                "interval": interval,
            }
        elif freq == "MONTHLY":
            match = _NTH_DAY.match(byday[0]) if len(byday) == 1 else None
            monthday = _str(s, "bymonthday").split(",")[0].strip()
            if match and match.group(1):
                plan |= {
                    "kind": RuleKind.MONTHLY_NTH_WEEKDAY,
                    "nth": int(match.group(1)),
                    "weekdays": [DAYS.index(match.group(2))],
                }
                if plan["nth"] not in (1, 2, 3, 4, -1):
                    return None
            elif monthday.isdigit() and 1 <= int(monthday) <= 31:
                plan |= {"kind": RuleKind.MONTHLY_DATE, "day_of_month": int(monthday)}
            else:
                return None
        elif not freq:
            day = _date(s, "dtstart") or _date(s, "valid_from")
            if day is None or (_date(s, "valid_to") not in (None, day)):
                return None
            plan |= {"kind": RuleKind.DATES, "dates": [day.isoformat()], "valid_from": day, "valid_until": None}
        else:
            return None
        return plan

    # --- rows: what is new, changed or unchanged ---------------------------------------------

    def _plan_organisations(self, records: list[Json]) -> list[OrganisationPlan]:
        # Every organisation of the file (in its order, so a round trip keeps the order), then those only referred to.
        refs = list(self.orgs_in_file) + sorted(
            {r["org_ref"] for r in records if r["org_ref"] and r["org_ref"] not in self.orgs_in_file}
        )
        existing = existing_rows(Organisation, refs)
        plans: list[OrganisationPlan] = []
        for ref in refs:
            record = self.orgs_in_file.get(ref)
            found = existing.get(ref) or self._the_support_point(ref)
            if found is not None and (record is None or self.scoped):
                plans.append(
                    OrganisationPlan(ref, found, {}, "linked")
                )  # organisations are shared by every support point
                continue
            assert record is not None
            try:
                translations = _translations(record)
                phones = [_str(p, "number", 32) for p in _objects(record, "phones")]
                kind = _str(record, "organization_kind") or OrganisationKind.OTHER
                if kind not in OrganisationKind.values:
                    raise Invalid(
                        "organization_kind",
                        _("Unknown value %(value)s; expected one of %(choices)s.")
                        % {"value": kind, "choices": ", ".join(OrganisationKind.values)},
                    )
                fields: dict[str, Any] = {
                    "name": _str(record, "name", 200),
                    "kind": kind,
                    "email": _str(record, "email", 254),
                    "website": _str(record, "website", 200),
                    "phone": next((p for p in phones if p), ""),
                }
                fields |= texts(("description",), translations, {"description": _str(record, "description")})
            except Invalid as exc:
                self.error("organization", ref, exc.field, exc.message)
                continue
            if found is None:
                slug = new_slug(
                    Organisation, fields["name"], fallback="organisatie", reserved=self._slugs[Organisation]
                )
                plans.append(OrganisationPlan(ref, None, fields | _identity(ref) | {"slug": slug}, "new"))
            else:
                plans.append(OrganisationPlan(ref, found, fields, _changed(field_changes(found, fields))))
        return plans

    def _the_support_point(self, ref: str) -> Organisation | None:
        """The importing support point when the file describes it (it may arrive with the file, unsaved)."""
        sp = self.support_point
        return sp if ref and (str(sp.uuid) == ref or sp.source_id == ref) else None

    def _plan_locations(self, records: list[Json]) -> list[LocationPlan]:
        specs: dict[str, Json] = {}
        for record in records:
            spec = record["location"]
            if spec is not None:
                specs.setdefault(spec["id"], spec)
            for place in record.get("places", ()):
                specs.setdefault(place["id"], place)
        existing = existing_rows(Location, list(specs))
        shared: set[int] = set()
        if self.scoped and existing:
            shared = set(
                Group.objects.filter(location__in=list(existing.values()))
                .exclude(support_point_id=self.support_point.pk)
                .values_list("location_id", flat=True)
            )
        plans: list[LocationPlan] = []
        for loc_id, spec in specs.items():
            found = existing.get(loc_id)
            if found is not None and found.pk in shared:
                self.error(
                    "location",
                    loc_id,
                    "id",
                    _("This place is used by groups of another support point; it is not changed."),
                )
                continue
            fields = {key: value for key, value in spec.items() if key != "id"}
            online = spec["disclosure"] == Disclosure.ONLINE
            if online:
                fields["postcode"] = found.postcode if found is not None else ""
            if found is None:
                plans.append(LocationPlan(loc_id, None, fields | _identity(loc_id), "new", check=not online))
            else:
                plans.append(LocationPlan(loc_id, found, fields, _changed(field_changes(found, fields)), not online))
        return plans

    def _plan_groups(
        self, records: list[Json], organisations: list[OrganisationPlan], locations: list[LocationPlan]
    ) -> list[GroupPlan]:
        existing = existing_rows(
            Group, [r["id"] for r in records], prefetch=("themes", "languages", "schedules__cancellations")
        )
        orgs = {p.ref: p for p in organisations}
        places = {p.ref: p for p in locations}
        plans: list[GroupPlan] = []
        for record in records:
            sid = record["id"]
            found = existing.get(sid)
            if found is not None and found.support_point_id != self.support_point.pk:
                self.error("service", sid, "id", _("This group belongs to another support point; it is not changed."))
                continue
            fields = record["fields"] | texts(GROUP_TEXTS, record["translations"], record["plain"])
            org = orgs.get(record["org_ref"]) if record["org_ref"] else None
            place = places.get(record["location"]["id"]) if record["location"] else None
            schedule_places = {
                s["place_ref"]: places.get(s["place_ref"]) for s in record["schedules"] if s["place_ref"]
            }
            schedules = [
                {k: v for k, v in s.items() if k != "place_ref"}
                | {"location": getattr(schedule_places.get(s["place_ref"]), "existing", None)}
                for s in record["schedules"]
            ]
            plan = GroupPlan(
                ref=sid,
                existing=found,
                fields=fields,
                action="new",
                org_ref=org.ref if org else "",
                location_ref=place.ref if place else "",
                themes=[self.themes[slug].pk for slug in record["themes"]],
                languages=[self.languages[code].pk for code in record["languages"]],
                schedules=schedules,
                schedule_places=[
                    s["place_ref"] if s["place_ref"] in schedule_places else "" for s in record["schedules"]
                ],
            )
            if found is None:
                name = record["plain"]["name"] or next(
                    (v for k, v in fields.items() if k.startswith("name_") and v), sid
                )
                slug = new_slug(Group, name, fallback="groep", wanted=record["slug"], reserved=self._slugs[Group])
                plan.fields = fields | _identity(sid) | {"slug": slug}
            elif (
                (org is not None and org.existing is None)
                or (place is not None and place.existing is None)
                or any(p is not None and p.existing is None for p in schedule_places.values())
            ):
                plan.action = "changed"  # it moves to a place or an organisation that is new on the map
            else:
                links = {
                    "support_point": self.support_point,
                    "organisation": org.existing if org else None,
                    "location": place.existing if place else None,
                }
                plan.action = _changed(
                    group_changes(
                        group=found,
                        fields=fields | links,
                        themes=plan.themes,
                        languages=plan.languages,
                        schedules=plan.schedules,
                    )
                )
            plans.append(plan)
        return plans


def _valid_date(value: str) -> bool:
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def suggest_themes(name: str, limit: int = 3) -> list[str]:
    """Samenspel themes whose label or synonyms in any language look like the term's name."""
    if not name.strip():
        return []
    words: dict[str, str] = {}
    label_fields = [f"label_{code}" for code, _name in settings.LANGUAGES]
    for row in Theme.objects.values("slug", *label_fields):
        for f in label_fields:
            if row[f]:
                words.setdefault(row[f].lower(), row["slug"])
        words.setdefault(row["slug"].replace("-", " "), row["slug"])
    for term, slug in ThemeSynonym.objects.values_list("term", "theme__slug"):
        words.setdefault(term.lower(), slug)
    wanted = name.lower().strip()
    found: list[str] = []
    for word in difflib.get_close_matches(wanted, list(words), n=limit * 3, cutoff=0.6):
        if words[word] not in found:
            found.append(words[word])
    for word, slug in words.items():
        if len(found) >= limit:
            break
        if (word in wanted or wanted in word) and slug not in found and len(word) > 3:
            found.append(slug)
    return found[:limit]


def _identity(record_id: str) -> dict[str, Any]:
    """A new row keeps the record's id as its source_id, and a UUID id as its own UUID."""
    record_uuid = as_uuid(record_id)
    return {"source_id": record_id[:200]} | ({"uuid": record_uuid} if record_uuid is not None else {})


def _changed(changes: dict[str, Any]) -> Action:
    return "changed" if changes else "unchanged"
