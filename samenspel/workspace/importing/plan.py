"""Plan a support point's list, row by row, against what is on the map: pure (reads, never writes).

Every row becomes new / changed (with a diff in words) / unchanged / refused (with the row number as the
file shows it and the column). A row matches an existing group of the support point by its id in the list
(source id), by our slug, or else by its name and postcode, so importing the same file twice changes nothing.
"""

from __future__ import annotations

import copy
import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenspel.directory import postcodes
from samenspel.directory.models import (
    Audience,
    Disclosure,
    Group,
    GroupStatus,
    Language,
    Location,
    Organisation,
    Schedule,
    Theme,
)
from samenspel.directory.recurrence import Rule, RuleKind
from samenspel.directory.services import group_changes
from samenspel.directory.slugs import unique_slug
from samenspel.workspace.importing import words

# Our field → its label, in the order the mapping form and the template show them.
FIELDS: dict[str, Any] = {
    "source_id": gettext_lazy("Number in your list (to update a group later)"),
    "slug": gettext_lazy("Id (slug), to update a group"),
    "name_nl": gettext_lazy("Name (Dutch)"),
    "name_en": gettext_lazy("Name (English)"),
    "description_nl": gettext_lazy("Description (Dutch)"),
    "description_en": gettext_lazy("Description (English)"),
    "themes": gettext_lazy("Themes"),
    "languages": gettext_lazy("Languages"),
    "audience": gettext_lazy("For whom"),
    "status": gettext_lazy("Status"),
    "schedule": gettext_lazy("When (in words)"),
    "day": gettext_lazy("Day"),
    "time": gettext_lazy("Time"),
    "start_time": gettext_lazy("Start time"),
    "end_time": gettext_lazy("End time"),
    "start_date": gettext_lazy("Start date"),
    "place_name": gettext_lazy("Name of the place"),
    "address": gettext_lazy("Address"),
    "postcode": gettext_lazy("Postcode"),
    "municipality": gettext_lazy("Place"),
    "disclosure": gettext_lazy("Address public?"),
    "contact_name": gettext_lazy("Contact person"),
    "contact_email": gettext_lazy("Contact e-mail"),
    "contact_phone": gettext_lazy("Contact phone"),
}
REQUIRED = ("name_nl",)
# Headers people use, folded (words.fold), for a first guess at the mapping.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "source_id": ("source id", "nummer", "nr", "code", "id", "groepsnummer", "kenmerk", "ref", "referentie"),
    "slug": ("slug",),
    "name_nl": ("name nl", "naam", "name", "groepsnaam", "naam nl", "naam groep", "groep", "naam van de groep"),
    "name_en": ("name en", "naam en", "english name", "naam engels"),
    "description_nl": ("description nl", "beschrijving", "omschrijving", "description", "toelichting", "info"),
    "description_en": ("description en", "beschrijving en", "beschrijving engels"),
    "themes": ("themes", "thema", "themas", "thema s", "theme", "onderwerp", "onderwerpen"),
    "languages": ("languages", "taal", "talen", "language", "voertaal", "voertalen"),
    "audience": ("audience", "voor wie", "doelgroep", "for whom"),
    "status": ("status", "stand"),
    "schedule": ("schedule", "wanneer", "bijeenkomsten", "rooster", "frequentie", "planning", "when"),
    "day": ("day", "dag", "dagen", "weekdag"),
    "time": ("time", "tijd", "tijden", "tijdstip", "van tot"),
    "start_time": ("start time", "begintijd", "van", "aanvang", "starttijd", "begin"),
    "end_time": ("end time", "eindtijd", "tot", "einde", "tot en met"),
    "start_date": ("start date", "startdatum", "vanaf", "begindatum", "start"),
    "place_name": ("place name", "place", "location", "locatie", "locatienaam", "naam locatie", "plek", "waar"),
    "address": ("address", "adres", "straat", "straat en huisnummer", "bezoekadres"),
    "postcode": ("postcode", "postal code", "zip"),
    "municipality": ("municipality", "plaats", "woonplaats", "gemeente", "plaatsnaam", "city"),
    "disclosure": ("disclosure", "openbaarheid", "adres openbaar", "zichtbaarheid", "adres zichtbaar"),
    "contact_name": ("contact name", "contactpersoon", "contact", "naam contactpersoon"),
    "contact_email": ("contact email", "e mail", "email", "e mailadres", "mail", "emailadres"),
    "contact_phone": ("contact phone", "telefoon", "phone", "telefoonnummer", "tel", "telefoonnr"),
}
GROUP_FIELDS = (
    "name_nl",
    "name_en",
    "description_nl",
    "description_en",
    "contact_name",
    "contact_email",
    "contact_phone",
)
SCHEDULE_FIELDS = ("schedule", "day", "time", "start_time", "end_time")
PLACE_FIELDS = ("place_name", "address", "postcode", "municipality", "disclosure")
LOCATION_KEYS = ("name", "street", "postcode", "municipality", "disclosure")

# A formula starts with = or @, or with + or - followed by something that is not a number (a phone number is fine).
FORMULA = re.compile(r"^\s*(=|@|[+-](?![\d\s(]))")
# Relations the importer sets itself: validating them would ask the database once per row.
NOT_VALIDATED = ["slug", "support_point", "organisation", "location", "last_verified_by"]


def guess_mapping(headers: list[str], remembered: dict[str, str] | None = None) -> dict[str, str]:
    """Field → header: the remembered mapping where its headers are still there, else a guess by name."""
    mapping: dict[str, str] = {}
    folded = {words.fold(h): h for h in reversed(headers) if h}
    used: set[str] = set()
    for name in FIELDS:  # what was chosen before wins over any guess
        if remembered and remembered.get(name) in headers and remembered[name] not in used:
            mapping[name] = remembered[name]
            used.add(remembered[name])
    for name in FIELDS:
        if name in mapping:
            continue
        for synonym in SYNONYMS.get(name, ()):
            header = folded.get(words.fold(synonym))
            if header is not None and header not in used:
                mapping[name] = header
                used.add(header)
                break
    return mapping


def source_key(support_point: Organisation, value: str) -> str:
    """A list's own id as Group.source_id: scoped to the support point (another's list may use the same 12)."""
    return f"sp{support_point.pk}:{value.strip()}"[:200]


@dataclass
class Options:
    """The volunteer's choices on the check page."""

    without_schedule: set[int] = field(default_factory=set)  # rows to import without their unread schedule
    theme_words: dict[str, int] = field(default_factory=dict)  # accepted suggestions: folded word → theme id


@dataclass
class _Row:
    number: int
    values: dict[str, str]
    mapping: dict[str, str]
    errors: list[str] = field(default_factory=list)
    suggestions: list[dict[str, Any]] = field(default_factory=list)
    raw: list[tuple[str, str]] = field(default_factory=list)

    def error(self, name: str, message: str) -> None:
        self.raw.append((name, message))
        self.errors.append(
            _("Row %(row)d, column '%(column)s': %(problem)s")
            % {"row": self.number, "column": self.mapping.get(name, str(FIELDS.get(name, name))), "problem": message}
        )


def existing_groups(support_point: Organisation) -> list[Group]:
    groups = list(
        Group.objects.filter(support_point=support_point)
        .select_related("location")
        .prefetch_related(
            Prefetch("themes", queryset=Theme.objects.only("pk")),
            Prefetch("languages", queryset=Language.objects.only("pk")),
            Prefetch("schedules", queryset=Schedule.objects.order_by("pk").prefetch_related("cancellations")),
        )
    )
    for group in groups:
        group.support_point = support_point  # Group.clean reads it: one query per row otherwise
    return groups


def check_rows(
    *,
    support_point: Organisation,
    headers: list[str],
    rows: list[list[str]],
    mapping: dict[str, str],
    row_numbers: list[int] | None = None,
    options: Options | None = None,
    today: datetime.date | None = None,
    progress: Any = None,
) -> list[dict[str, Any]]:
    """One plain (JSON) plan per row: action new|update|unchanged|error, the values to write, the diff in words."""
    options = options or Options()
    today = today or timezone.localdate()
    for cache in (_READINGS, _WORDS, _PLACES):
        cache.clear()  # per check: they only save repeating the same work within one list
    index = {name: headers.index(header) for name, header in mapping.items() if header in headers}
    vocab = words.Vocabulary.load(options.theme_words)
    groups = existing_groups(support_point)
    by_source = {g.source_id: g for g in groups if g.source_id}
    by_slug = {g.slug: g for g in groups}
    by_name = {
        (words.fold(getattr(g, "name_nl", "") or g.name), g.location.postcode if g.location else ""): g for g in groups
    }
    other_slugs = set(Group.objects.exclude(support_point=support_point).values_list("slug", flat=True))
    taken = other_slugs | set(by_slug)
    seen: dict[int | str, int] = {}  # group id or new slug → the first row that named it
    missing = [str(FIELDS[f]) for f in REQUIRED if f not in index]
    probe = Group(support_point=support_point)
    results: list[dict[str, Any]] = []
    for position, cells in enumerate(rows):
        number = row_numbers[position] if row_numbers else position + 2
        row = _Row(number, {name: _unmark(cells[i]) if i < len(cells) else "" for name, i in index.items()}, mapping)
        row.errors.extend(_("Choose the column for: %(field)s") % {"field": m} for m in missing)
        results.append(
            _plan_row(
                row,
                support_point=support_point,
                vocab=vocab,
                options=options,
                today=today,
                matches=(by_source, by_slug, by_name),
                taken=taken,
                seen=seen,
                probe=probe,
                other_slugs=other_slugs,
            )
        )
        if progress is not None and position % 500 == 499:
            progress(position + 1)
    return results


def _plan_row(
    row: _Row,
    *,
    support_point: Organisation,
    vocab: words.Vocabulary,
    options: Options,
    today: datetime.date,
    matches: tuple[dict[str, Group], dict[str, Group], dict[tuple[str, str], Group]],
    taken: set[str],
    seen: dict[int | str, int],
    probe: Group,
    other_slugs: set[str],
) -> dict[str, Any]:
    values = row.values
    for name, value in values.items():
        if FORMULA.match(value):
            row.error(name, _("this cell holds a formula. Type the text itself."))
    fields: dict[str, Any] = {name: values[name] for name in GROUP_FIELDS if values.get(name)}
    shown: dict[str, str] = {}  # what the volunteer wrote, where we store it otherwise
    if fields.get("contact_phone"):
        phone = words.phone_e164(fields["contact_phone"])
        if phone is None:
            row.error("contact_phone", _("'%(value)s' is not a phone number.") % {"value": fields["contact_phone"]})
        else:
            shown["contact_phone"] = fields["contact_phone"]
            fields["contact_phone"] = phone
    for name, read in (("status", words.status_of), ("audience", words.audience_of)):
        if values.get(name):
            word = read(values[name])
            if word is None:
                row.error(name, _("we do not know '%(value)s'.") % {"value": values[name]})
            else:
                fields[name] = word
    themes = _names(row, "themes", vocab, suggest=True) if "themes" in values else None
    languages = _names(row, "languages", vocab) if "languages" in values else None
    location = _place(row) if any(values.get(n) for n in PLACE_FIELDS) else None
    schedules, schedule_words, unparsed = _schedules(row, options, today)

    # Which group this row is.
    by_source, by_slug, by_name = matches
    group: Group | None = None
    source = values.get("source_id", "")
    if source:
        fields["source_id"] = source_key(support_point, source)
        group = by_source.get(fields["source_id"])
    slug = values.get("slug", "")
    if group is None and slug:
        group = by_slug.get(slug)
        if group is None and slug in other_slugs:
            row.error("slug", _("id '%(slug)s' belongs to a group of another support point.") % {"slug": slug})
        elif group is None and not re.fullmatch(r"[-a-z0-9_]+", slug):
            row.error("slug", _("id '%(slug)s' may only hold small letters, digits and -.") % {"slug": slug})
    if group is None and values.get("name_nl"):
        group = by_name.get((words.fold(values["name_nl"]), location["postcode"] if location else ""))
    key: int | str
    if group is not None:
        key, slug = group.pk, group.slug
    else:
        if not slug:
            slug = unique_slug(values.get("name_nl", ""), taken=taken, fallback="groep")
        taken.add(slug)
        key = slug
    if key in seen:
        row.errors.append(
            _("Row %(row)d is the same group as row %(first)d.") % {"row": row.number, "first": seen[key]}
        )
    else:
        seen[key] = row.number

    if group is None and not themes and "themes" not in values:
        row.errors.append(_("Row %(row)d: give at least one theme.") % {"row": row.number})
    elif themes is not None and not themes and not any("themes" in e for e in row.errors):
        if not row.suggestions:
            row.error("themes", _("give at least one theme."))

    action, diff = "new", []
    if group is not None:
        if schedules is not None:
            schedules = _keep_start_dates(group, schedules)
        changes = group_changes(
            group=group,
            fields=fields,
            themes=themes,
            languages=languages,
            schedules=[_spec(s) for s in schedules] if schedules is not None else None,
        )
        place_changes = _place_changes(group.location, location) if location is not None else {}
        diff = _diff_words(group, changes, place_changes, vocab)
        action = "update" if diff else "unchanged"
    if not row.errors and action != "unchanged":  # an unchanged group is as valid as it was
        row.errors.extend(_validate(row, group, fields, probe))
    return {
        "row": row.number,
        "action": "error" if row.errors else action,
        "group_id": group.pk if group is not None else None,
        "slug": slug,
        "name": values.get("name_nl", "") or (group.name if group else ""),
        "fields": fields,
        "shown": shown,
        "themes": themes,
        "languages": languages,
        "location": location,
        "schedules": schedules,
        "schedule_words": schedule_words,
        "schedule_text": unparsed,
        "diff": diff,
        "errors": row.errors,
        "suggestions": row.suggestions,
        "changed": action in ("new", "update") and not row.errors,
    }


def _unmark(cell: str) -> str:
    """Take off the ' our export puts before a cell that starts like a formula; what is left is checked as usual."""
    cell = cell.strip()
    return cell[1:] if cell.startswith("'") and cell[1:2] in ("=", "+", "-", "@", "\t", "\r") else cell


def _names(row: _Row, name: str, vocab: words.Vocabulary, *, suggest: bool = False) -> list[int]:
    """Theme or language ids from the names in a cell; an unknown name is an error (with a suggestion)."""
    found: list[int] = []
    for part in words.split_names(row.values[name], themes=suggest):
        pieces = [part]
        lookup = vocab.theme if suggest else vocab.language
        if lookup(part) is None and suggest:
            pieces = words.split_names(part)  # "Angst en depressie": two themes after all
            if any(lookup(p) is None for p in pieces):
                pieces = [part]
        for piece in pieces:
            pk = lookup(piece)
            if pk is not None:
                if pk not in found:
                    found.append(pk)
                continue
            if suggest:
                guess = vocab.suggest_theme(piece)
                if guess is not None:
                    row.suggestions.append(
                        {"word": words.fold(piece), "text": piece, "theme": guess, "label": vocab.theme_labels[guess]}
                    )
                    row.error(
                        name,
                        _("we do not know the theme '%(text)s'. Did you mean '%(label)s'?")
                        % {"text": piece, "label": vocab.theme_labels[guess]},
                    )
                    continue
                row.error(name, _("we do not know the theme '%(text)s'.") % {"text": piece})
            else:
                row.error(name, _("we do not know the language '%(text)s'.") % {"text": piece})
    return found


def _place(row: _Row) -> dict[str, Any] | None:
    """_location, once per distinct place in the list (many groups meet in the same few places)."""
    key = tuple(row.values.get(n, "") for n in PLACE_FIELDS)
    if key not in _PLACES:
        probe = _Row(0, dict(zip(PLACE_FIELDS, key, strict=True)), row.mapping)
        _PLACES[key] = (_location(probe), probe.raw)
    place, problems = _PLACES[key]
    for name, message in problems:
        row.error(name, message)
    return dict(place) if place is not None else None


def _location(row: _Row) -> dict[str, Any] | None:
    """The place as Location's fields, checked like Location.clean; None (with an error) when it cannot be."""
    values = row.values
    name, street = values.get("place_name", ""), values.get("address", "")
    disclosure = (
        words.disclosure_of(values.get("disclosure", "")) or words.disclosure_of(street) or words.disclosure_of(name)
    )
    if values.get("disclosure") and words.disclosure_of(values["disclosure"]) is None:
        row.error("disclosure", _("we do not know '%(value)s'.") % {"value": values["disclosure"]})
        return None
    if street and words.disclosure_of(street):
        street = ""  # "Adres op aanvraag" in the address column says what is public, it is no address
    if name and words.disclosure_of(name) and _only_words(name):
        name = ""  # "online" or "adres op aanvraag" in the place column is no name of a place
    if disclosure == Disclosure.ONLINE:
        return {"name": name, "street": "", "postcode": "", "municipality": values.get("municipality", ""),
                "disclosure": Disclosure.ONLINE, "latitude": None, "longitude": None}  # fmt: skip
    written = values.get("postcode", "")
    if not written and not street and values.get("municipality"):
        # Only the place is known ("Nuenen"): the group meets there, and only the area is public.
        area = postcodes.lookup_place(values["municipality"])
        if area is not None:
            written, disclosure = area.pc4, disclosure or Disclosure.AREA
    if not written:
        row.error("postcode", _("a place needs a postcode (1234 AB)."))
        return None
    postcode = words.postcode_of(written) or (written.strip() if re.fullmatch(r"\s*\d{4}\s*", written) else None)
    if postcode is None:
        row.error("postcode", _("'%(value)s' is not a postcode. Write it as 1234 AB.") % {"value": written})
        return None
    area = postcodes.lookup(postcode)
    if area is None:
        row.error("postcode", _("we do not know the postcode %(value)s. Check the four digits.") % {"value": written})
        return None
    disclosure = disclosure or (Disclosure.PUBLIC if street else Disclosure.AREA)
    if disclosure == Disclosure.PUBLIC and not street:
        row.error("address", _("a public address needs a street and number."))
        return None
    return {
        "name": name,
        "street": street,
        "postcode": postcode,
        "municipality": values.get("municipality", "") or area.place,
        "disclosure": disclosure,
        "latitude": area.latitude,
        "longitude": area.longitude,
    }


def _only_words(text: str) -> bool:
    return words.fold(text) in words.DISCLOSURE_WORDS


def _schedules(row: _Row, options: Options, today: datetime.date) -> tuple[list[dict[str, Any]] | None, str, str]:
    """The meeting times as JSON specs (None: leave the group's alone), their words, and unread text."""
    values = row.values
    if not any(values.get(n) for n in SCHEDULE_FIELDS):
        return None, "", ""
    from samenspel.directory.schedule_words import read_schedule

    text, day, time = values.get("schedule", ""), values.get("day", ""), values.get("time", "")
    if not time and (values.get("start_time") or values.get("end_time")):
        time = "-".join(t for t in (values.get("start_time", ""), values.get("end_time", "")) if t)
    written = " · ".join(p for p in (text, day, time) if p)
    column = "schedule" if text else ("day" if day else ("time" if values.get("time") else "start_time"))
    starts = today
    if values.get("start_date"):
        starts = _date(values["start_date"])  # type: ignore[assignment]
        if starts is None:
            row.error(
                "start_date", _("'%(value)s' is not a date (for example 1-3-2026).") % {"value": values["start_date"]}
            )
            return None, "", ""
    key = (text, time, day, starts)
    reading = _READINGS.get(key)
    if reading is None:
        reading = _READINGS[key] = read_schedule(text, time_text=time, day_text=day, valid_from=starts)
    problem = ""
    if reading.unparsed or not reading.rules:
        problem = _("we cannot read '%(text)s' as meeting times.") % {"text": reading.unparsed or written}
        reversed_times = _reversed_time_range(written)
        if reversed_times:
            row.error(column, _("the meeting ends before it starts ('%(text)s').") % {"text": reversed_times})
            return None, "", ""
    elif reading.missing_time:
        problem = _("'%(text)s' gives no time (for example 19:30-21:30).") % {"text": written}
    if problem:
        if row.number in options.without_schedule:
            return None, "", written
        row.error(column, problem + " " + _("Fix the cell, or choose to import this row without meeting times."))
        return None, "", written
    specs = []
    for rule in reading.rules:
        try:
            rule.validate()
        except ValueError as exc:
            row.error(column, f"{exc} ('{written}')")
            return None, "", written
        specs.append(_json_spec(rule))
    return specs, describe_specs(specs), ""


DATE = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$")


def _date(text: str) -> datetime.date | None:
    """'1-3-2026', '01/03/2026' (Dutch order) or '2026-03-01' (ISO, as an Excel date cell reads)."""
    try:
        match = DATE.match(text)
        if match:
            return datetime.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        return datetime.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


TIME_RANGE = re.compile(r"\b(\d{1,2})[:.](\d{2})\s*(?:-|–|tot)\s*(\d{1,2})[:.](\d{2})\b")


def _reversed_time_range(text: str) -> str:
    """A range such as '21:30-19:30', which ends before it starts: the reader leaves it unread, we say why."""
    for match in TIME_RANGE.finditer(text):
        start, end = (int(match.group(1)), int(match.group(2))), (int(match.group(3)), int(match.group(4)))
        if end <= start:
            return match.group(0)
    return ""


def _json_spec(rule: Rule) -> dict[str, Any]:
    return {
        "kind": str(rule.kind),
        "weekdays": list(rule.weekdays),
        "interval": rule.interval,
        "nth": rule.nth,
        "day_of_month": rule.day_of_month,
        "dates": [d.isoformat() for d in rule.dates],
        "start_time": rule.start_time.strftime("%H:%M"),
        "end_time": rule.end_time.strftime("%H:%M"),
        "valid_from": rule.valid_from.isoformat(),
        "valid_until": rule.valid_until.isoformat() if rule.valid_until else None,
        "note": "",
    }


def _spec(spec: dict[str, Any]) -> dict[str, Any]:
    """A JSON spec as ScheduleSpec (the directory's services): times and dates as Python values."""
    return spec | {
        "start_time": datetime.time.fromisoformat(spec["start_time"]),
        "end_time": datetime.time.fromisoformat(spec["end_time"]),
        "valid_from": datetime.date.fromisoformat(spec["valid_from"]),
        "valid_until": datetime.date.fromisoformat(spec["valid_until"]) if spec["valid_until"] else None,
        "kind": RuleKind(spec["kind"]),
    }


def schedule_specs(specs: list[dict[str, Any]] | None) -> list[dict[str, Any]] | None:
    return None if specs is None else [_spec(s) for s in specs]


def _keep_start_dates(group: Group, specs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A meeting time the group already has keeps its start date: re-importing it is no change."""
    stored = [_json_spec(s.rule()) | {"note": s.note} for s in group.schedules.all()]
    kept = []
    for spec in specs:
        for old in stored:
            if {k: v for k, v in old.items() if k != "valid_from"} == {
                k: v for k, v in spec.items() if k != "valid_from"
            }:
                spec = spec | {"valid_from": old["valid_from"]}
                break
        kept.append(spec)
    return kept


def describe_specs(specs: list[dict[str, Any]] | None) -> str:
    from django.utils.translation import get_language

    from samenspel.directory.schedule_text import describe_schedule

    texts = []
    for spec in specs or ():
        key = (get_language(), repr(sorted(spec.items())))
        if key not in _WORDS:
            _WORDS[key] = describe_schedule(Schedule(**_spec(spec)))
        texts.append(_WORDS[key])
    return "; ".join(texts)


# Lists repeat their meeting times: each text is read, and each rule put in words, once per process.
_READINGS: dict[tuple[str, str, str, datetime.date], Any] = {}
_WORDS: dict[tuple[str | None, str], str] = {}
_PLACES: dict[tuple[str, ...], tuple[dict[str, Any] | None, list[tuple[str, str]]]] = {}


def _place_changes(current: Location | None, wanted: dict[str, Any]) -> dict[str, list[Any]]:
    changes = {}
    for key in LOCATION_KEYS:
        old = getattr(current, key) if current is not None else ""
        if (old or "") != (wanted.get(key) or ""):
            changes[key] = [old or "", wanted.get(key) or ""]
    return changes


def _diff_words(
    group: Group, changes: dict[str, list[Any]], place: dict[str, list[Any]], vocab: words.Vocabulary
) -> list[dict[str, str]]:
    """The changes as the check page shows them: labels and words, not internal codes."""
    shown = []
    for name, (old, new) in changes.items():
        if name == "source_id":
            continue  # the id in the list is how we found it; setting it is no change worth showing
        if name == "themes":
            label, old, new = _("Themes"), _labels(old, vocab.theme_labels), _labels(new, vocab.theme_labels)
        elif name == "languages":
            label, old, new = _("Languages"), _labels(old, vocab.language_labels), _labels(new, vocab.language_labels)
        elif name == "schedules":
            label, old, new = (
                _("Meeting times"),
                describe_specs([_plain(s) for s in old]),
                describe_specs([_plain(s) for s in new]),
            )
        else:
            model_field: Any = Group._meta.get_field(name)
            label = str(FIELDS[name]) if name in FIELDS else str(model_field.verbose_name)
            if model_field.choices:
                choices = dict(model_field.flatchoices)
                old, new = choices.get(old, old), choices.get(new, new)
        shown.append({"label": str(label), "old": str(old or "—"), "new": str(new or "—")})
    disclosures = dict(Disclosure.choices)
    for key, (old, new) in place.items():
        place_field: Any = Location._meta.get_field(key)
        label = str(place_field.verbose_name)
        if key == "disclosure":
            old, new = disclosures.get(old, old), disclosures.get(new, new)
        shown.append({"label": label, "old": str(old or "—"), "new": str(new or "—")})
    return shown


def _plain(spec: dict[str, Any]) -> dict[str, Any]:
    return {
        k: (v.isoformat(timespec="minutes") if isinstance(v, datetime.time) else v.isoformat())
        if isinstance(v, datetime.date | datetime.time)
        else v
        for k, v in spec.items()
        if k != "cancelled"
    }


def _labels(ids: list[int], labels: dict[int, str]) -> str:
    return ", ".join(sorted(labels.get(i, str(i)) for i in ids))


def _validate(row: _Row, group: Group | None, fields: dict[str, Any], probe: Group) -> list[str]:
    """The row as the model checks it (contact point, e-mail, lengths), in the row's words."""
    if group is not None:
        target = copy.copy(group)
    else:
        # One unsaved group reused for every new row: building a model with all its translation columns
        # costs more than checking it. Every importable field is reset, so no row sees another's.
        target = probe
        for name in GROUP_FIELDS:
            setattr(target, name, "")
        target.status, target.audience, target.source_id = GroupStatus.ACTIVE, Audience.AFFECTED, ""
    for name, value in fields.items():
        setattr(target, name, value)
    try:
        target.full_clean(exclude=NOT_VALIDATED, validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        return [
            _("Row %(row)d, column '%(column)s': %(problem)s")
            % {
                "row": row.number,
                "column": row.mapping.get(name, str(FIELDS.get(name, name))),
                "problem": " ".join(str(m) for m in messages),
            }
            for name, messages in exc.message_dict.items()
        ]
    return []
