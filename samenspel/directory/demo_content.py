"""Demo content for the Zuidoost-Brabant demo region. Fictional; any resemblance to real groups is by theme only.

The content lives in data/demo/*.json (see data/README.md). A generator (demo.py) combines the group
templates with the places and random schedules to build demo groups. Groups are described by theme,
language and target group, never people by origin, and no member or group leader is ever named.

Read once, when this module is first imported, and checked as it is read: a broken file stops with a
message naming the file, the entry and the field.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TypedDict

from samenspel.directory.data_files import DATA_DIR, Where, entries, read_json
from samenspel.directory.models import Audience, Gender, GroupKind, Intake, LedBy, OrganisationKind, WorkingMethod
from samenspel.directory.reference_data import INTERFACE_LANGUAGES

DEMO_DIR = DATA_DIR / "demo"
TEMPLATE_TEXTS = ("name", "description", "first_visit", "house_rules")
# The values the models accept, as sets once: TextChoices.values builds a new list on every call.
TEMPLATE_CHOICES = {
    "kind": frozenset(GroupKind.values),
    "working_method": frozenset(WorkingMethod.values),
    "led_by": frozenset(LedBy.values),
    "audience": frozenset(Audience.values),
    "gender": frozenset(Gender.values),
    "intake": frozenset(Intake.values),
}
ORGANISATION_KINDS = frozenset(OrganisationKind.values)


class GroupTemplate(TypedDict):
    themes: list[str]
    kind: str
    working_method: str
    led_by: str
    audience: str
    gender: str
    languages: list[str]
    intake: str
    online: bool
    name: dict[str, str]
    description: dict[str, str]
    first_visit: dict[str, str]
    house_rules: dict[str, str]


class Place(TypedDict):
    name: str
    kind: str  # "living_room" is someone's home: its address is given on request only
    street: str
    postcode: str
    place: str


class OrganisationRow(TypedDict):
    slug: str
    kind: str
    name: str
    municipality: str
    website: str
    email: str
    phone: str
    description: dict[str, str]


@dataclasses.dataclass(frozen=True)
class DemoContent:
    templates: list[GroupTemplate]
    places: list[Place]
    organisations: list[OrganisationRow]


def _named(file: str, kind: str, name: object, number: int) -> Where:
    """Name an entry by its place in the file and, when it has one, its name."""
    return Where(file, f"{kind} {number} ('{name}')" if isinstance(name, str) and name else f"{kind} {number}")


def _templates(directory: Path) -> list[GroupTemplate]:
    file = "demo/group_templates.json"
    rows: list[GroupTemplate] = []
    for number, raw in enumerate(entries(read_json(directory, "group_templates.json"), file), start=1):
        names = raw.get("name") if isinstance(raw, dict) else None
        where = _named(file, "template", names.get("nl") if isinstance(names, dict) else None, number)
        item = where.record(raw, GroupTemplate.__required_keys__)
        texts = {field: where.translations(item[field], field, INTERFACE_LANGUAGES) for field in TEMPLATE_TEXTS}
        if "nl" not in texts["name"]:
            raise where.error("name.nl", "missing")
        row = GroupTemplate(
            themes=where.words(item["themes"], "themes"),
            kind=where.choice(item["kind"], "kind", TEMPLATE_CHOICES["kind"]),
            working_method=where.choice(item["working_method"], "working_method", TEMPLATE_CHOICES["working_method"]),
            led_by=where.choice(item["led_by"], "led_by", TEMPLATE_CHOICES["led_by"]),
            audience=where.choice(item["audience"], "audience", TEMPLATE_CHOICES["audience"]),
            gender=where.choice(item["gender"], "gender", TEMPLATE_CHOICES["gender"]),
            languages=where.words(item["languages"], "languages"),
            intake=where.choice(item["intake"], "intake", TEMPLATE_CHOICES["intake"]),
            online=where.flag(item["online"], "online"),
            name=texts["name"],
            description=texts["description"],
            first_visit=texts["first_visit"],
            house_rules=texts["house_rules"],
        )
        if not row["themes"]:
            raise where.error("themes", "empty")
        if not row["languages"]:
            raise where.error("languages", "empty")
        rows.append(row)
    return rows


def _places(directory: Path) -> list[Place]:
    file = "demo/places.json"
    rows: list[Place] = []
    for number, raw in enumerate(entries(read_json(directory, "places.json"), file), start=1):
        name = raw.get("name") if isinstance(raw, dict) else None
        where = _named(file, "place", name, number)
        item = where.record(raw, Place.__required_keys__)
        rows.append(
            Place(
                name=where.text(item["name"], "name"),
                kind=where.text(item["kind"], "kind"),
                street=where.text(item["street"], "street"),
                postcode=where.text(item["postcode"], "postcode"),
                place=where.text(item["place"], "place"),
            )
        )
    return rows


def _organisations(directory: Path) -> list[OrganisationRow]:
    file = "demo/organisations.json"
    rows: list[OrganisationRow] = []
    for number, raw in enumerate(entries(read_json(directory, "organisations.json"), file), start=1):
        slug = raw.get("slug") if isinstance(raw, dict) else None
        where = _named(file, "organisation", slug, number)
        item = where.record(raw, OrganisationRow.__required_keys__)
        rows.append(
            OrganisationRow(
                slug=where.text(item["slug"], "slug"),
                kind=where.choice(item["kind"], "kind", ORGANISATION_KINDS),
                name=where.text(item["name"], "name"),
                municipality=where.text(item["municipality"], "municipality"),
                website=where.text(item["website"], "website", blank=True),
                email=where.text(item["email"], "email", blank=True),
                phone=where.text(item["phone"], "phone", blank=True),
                description=where.translations(item["description"], "description", INTERFACE_LANGUAGES),
            )
        )
    return rows


def load(directory: Path = DEMO_DIR) -> DemoContent:
    """Read and check the demo files in `directory`; raise DataFileError naming what is wrong."""
    return DemoContent(
        templates=_templates(directory),
        places=_places(directory),
        organisations=_organisations(directory),
    )


DEMO = load()
GROUP_TEMPLATES = DEMO.templates
PLACES = DEMO.places
ORGANISATIONS = DEMO.organisations
