"""A change request in words a reviewer reads: one row per field, with its old and its new value."""

from __future__ import annotations

import datetime
import decimal
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.dates import WEEKDAYS
from django.utils.formats import date_format, number_format, time_format
from django.utils.translation import gettext as _

from samenspel.directory.models import Cancellation, Disclosure, Group, GroupStatus, Location, Schedule
from samenspel.directory.recurrence import RuleKind
from samenspel.directory.schedule_text import describe_schedule

PART_LABELS = {
    "weekday": lambda: _("day"),
    "start_time": lambda: _("starts at"),
    "end_time": lambda: _("ends at"),
    "valid_until": lambda: _("last meeting on"),
    "kind": lambda: _("how often"),
    "interval": lambda: _("every how many weeks"),
    "nth": lambda: _("which week of the month"),
    "day_of_month": lambda: _("day of the month"),
    "dates": lambda: _("dates"),
    "place": lambda: _("where"),
    "remove": lambda: _("stops"),
}
NTH_WORDS = {
    1: lambda: _("first"),
    2: lambda: _("second"),
    3: lambda: _("third"),
    4: lambda: _("fourth"),
    -1: lambda: _("last"),
}


@dataclass(frozen=True)
class ChangeRow:
    key: str
    label: str
    old: str
    new: str


def change_rows(group: Group, changes: dict[str, list[Any]]) -> list[ChangeRow]:
    schedules = list(group.schedules.order_by("id"))
    numbers = {s.pk: (n, s) for n, s in enumerate(schedules, start=1)}
    rows = []
    # PostgreSQL's jsonb keeps keys in its own order: show them in the order of the edit page instead.
    for key, pair in sorted(changes.items(), key=lambda item: _order(item[0])):
        old, new = [*pair, None, None][:2] if isinstance(pair, list) else (None, pair)
        label = _label(key, group, numbers)
        if key == "schedule.add" and isinstance(new, dict) and new.get("kind") not in (None, RuleKind.WEEKLY):
            label = _("New meeting time")
        rows.append(ChangeRow(key, label, _value(key, old), _value(key, new)))
    return rows


def _order(key: str) -> tuple[int, int, int, str]:
    from samenspel.workspace.services.self_service import GROUP_FIELDS

    parts = key.split(".")
    if key in GROUP_FIELDS:
        return (0, GROUP_FIELDS.index(key), 0, key)
    if parts[0] == "schedule":
        pk = int(parts[1]) if len(parts) == 3 and parts[1].isdigit() else 0
        part = list(PART_LABELS).index(parts[-1]) if parts[-1] in PART_LABELS else 9
        return (1 if key != "schedule.add" else 2, pk, part, key)
    if parts[0] == "cancellation":
        return (3, 0 if key == "cancellation.add" else 1, 0, key)
    if key == "place.add":
        return (1, 0, -1, key)
    return (4, 0, 0, key)


def _label(key: str, group: Group, numbers: dict[int, tuple[int, Schedule]]) -> str:
    parts = key.split(".")
    if parts[0] == "schedule" and len(parts) == 3 and parts[1].isdigit():
        found = numbers.get(int(parts[1]))
        if found is None:
            return _("A meeting time that no longer exists: %(part)s") % {"part": PART_LABELS[parts[2]]()}
        number, schedule = found
        return _("Meeting time %(number)d (%(text)s): %(part)s") % {
            "number": number,
            "text": describe_schedule(schedule),
            "part": PART_LABELS.get(parts[2], lambda: parts[2])(),
        }
    if key == "schedule.add":
        return _("New weekly meeting time")
    if key == "place.add":
        return _("New place")
    if key == "status.change":
        return _("New status")
    if key in ("schedule.weekday", "schedule.start_time", "schedule.end_time"):
        return _("First meeting time: %(part)s") % {"part": PART_LABELS[parts[1]]()}
    if key == "cancellation.add":
        return _("Cancelled meeting")
    if parts[0] == "cancellation" and len(parts) == 3:
        cancellation = Cancellation.objects.filter(pk=parts[1]).first()
        when = date_format(cancellation.date, "l j F Y") if cancellation else "?"
        return _("The meeting of %(date)s happens after all") % {"date": when}
    if key == "location.disclosure":
        return _("What is public of the place")
    if key.startswith("location."):
        name = key.split(".", 1)[1]
        try:
            label = str(getattr(Location._meta.get_field(name), "verbose_name", name))
        except FieldDoesNotExist:
            return key
        return _("Place: %(field)s") % {"field": label}
    field, _sep, language = key.rpartition("_")
    languages = dict(settings.LANGUAGES)
    try:
        name = key if language not in languages else field
        label = str(getattr(Group._meta.get_field(name), "verbose_name", name))
    except Exception:  # a key from an older version of the form: show it as it is
        return key
    # One row per language of a translated text, the language named in the reader's words.
    return f"{label} ({languages[language]})" if name != key else label


def _field(key: str) -> Any:
    """The model field a key of a change is about, or None (a meeting time, a cancellation, an older key)."""
    model: Any = Group
    name = key
    if key.startswith("location."):
        model, name = Location, key.split(".", 1)[1]
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _value(key: str, value: Any) -> str:
    """A value in the reader's words: the label of a choice, the names of themes, yes or no, a date in words."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if key.endswith("weekday") and isinstance(value, int):
        return str(WEEKDAYS[value])
    if key.endswith(("start_time", "end_time")):
        return _time(value)
    if key.endswith("valid_until"):
        return date_format(datetime.date.fromisoformat(str(value)), "l j F Y")
    if key.startswith("schedule.") and key.endswith(".kind"):
        return str(dict(RuleKind.choices).get(value, value))
    if key.endswith(".nth"):
        return NTH_WORDS[int(value)]() if int(value) in NTH_WORDS else str(value)
    if key.endswith(".dates") and isinstance(value, list):
        return ", ".join(date_format(datetime.date.fromisoformat(str(d)), "j F Y") for d in value)
    if key.endswith(".place"):
        return _place(value)
    if key == "place.add" and isinstance(value, dict):
        public = dict(Disclosure.choices).get(value.get("disclosure", ""), "")
        where = ", ".join(p for p in (value.get("name"), value.get("street"), value.get("postcode")) if p)
        return f"{where} ({public})" if public else where
    if key == "status.change" and isinstance(value, dict):
        status = str(value.get("status", ""))
        label = str(dict(GroupStatus.choices).get(status, status))
        when = date_format(datetime.date.fromisoformat(value["date"]), "j F Y") if value.get("date") else ""
        text = _("%(status)s, from %(date)s") % {"status": label, "date": when} if when else label
        return f"{text} ({value['reason']})" if value.get("reason") else text
    if isinstance(value, dict):
        if "date" in value:
            day = date_format(datetime.date.fromisoformat(value["date"]), "l j F Y")
            return f"{day} ({value['reason']})" if value.get("reason") else day
        if "start_time" in value:
            times = f"{_time(value['start_time'])}-{_time(value['end_time'])}"
            kind = value.get("kind") or RuleKind.WEEKLY
            day = str(WEEKDAYS[int(value["weekday"])]) if value.get("weekday") is not None else ""
            parts = [str(dict(RuleKind.choices).get(kind, kind)) if kind != RuleKind.WEEKLY else "", day, times]
            if kind == RuleKind.EVERY_N_WEEKS:
                parts.insert(1, _("every %(n)s weeks") % {"n": value.get("interval")})
            if kind == RuleKind.MONTHLY_NTH_WEEKDAY and value.get("nth") in NTH_WORDS:
                parts.insert(1, NTH_WORDS[value["nth"]]())
            if kind == RuleKind.MONTHLY_DATE and value.get("day_of_month"):
                parts.insert(1, str(value["day_of_month"]))
            if kind == RuleKind.DATES:
                parts.insert(1, _value("x.dates", value.get("dates") or []))
            if value.get("place") is not None:
                parts.append(_place(value["place"]))
            return " ".join(p for p in parts if p)
    field = _field(key)
    if field is not None:
        return _field_value(field, value)
    return str(value)


def _place(value: Any) -> str:
    if value in (None, ""):
        return _("the group's own place")
    if value == "new":
        return _("the new place")
    place = Location.objects.filter(pk=int(value)).first()
    return str(place) if place else "?"


def _time(value: Any) -> str:
    try:
        return time_format(datetime.time.fromisoformat(str(value)), "H:i")
    except ValueError:
        return str(value)[:5]


def _field_value(field: Any, value: Any) -> str:
    if field.many_to_many:
        pks = value if isinstance(value, list) else [value]
        names = {obj.pk: str(obj) for obj in field.related_model.objects.filter(pk__in=pks)}
        return ", ".join(names.get(pk, str(pk)) for pk in pks)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return _("yes") if value in (True, "true", "True", 1) else _("no")
    if isinstance(field, models.DateTimeField):
        return date_format(datetime.datetime.fromisoformat(str(value)), "DATETIME_FORMAT")
    if isinstance(field, models.DateField):
        return date_format(datetime.date.fromisoformat(str(value)), "l j F Y")
    if isinstance(field, models.TimeField):
        return _time(value)
    if isinstance(field, models.DecimalField):
        return number_format(decimal.Decimal(str(value)), 2)
    return str(value)
