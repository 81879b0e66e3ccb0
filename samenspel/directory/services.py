"""Writes to the social map that touch more than one row. Each runs in one transaction and is audited.

This is the one door into the directory: the workspace's forms, the spreadsheet import and the HSDS import
all create and change organisations, places and groups through these functions, so each change is
validated and audited the same way (one entry per object created or changed, with its actor and a diff).
Callers that validated a whole batch themselves pass database_checks=False: uniqueness and the links are
then left to the database's own constraints (an IntegrityError rolls the caller's transaction back),
because asking the database per row is what makes a large import slow.
"""

from __future__ import annotations

import copy
import datetime
import itertools
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.core.audit import acting_user, diff, log_action, plain, snapshot
from samenspel.core.services import Actor, field_changes, model_update
from samenspel.directory.models import (
    Cancellation,
    Group,
    GroupStatus,
    GroupStatusChange,
    Language,
    Location,
    Organisation,
    Schedule,
    Theme,
)
from samenspel.directory.recurrence import RuleKind

# One meeting time as an importer plans it: Schedule's fields, plus "cancelled": ISO dates that do not happen.
ScheduleSpec = dict[str, Any]
SCHEDULE_KEYS = (
    "kind",
    "weekdays",
    "interval",
    "nth",
    "day_of_month",
    "dates",
    "start_time",
    "end_time",
    "valid_from",
    "valid_until",
    "note",
    "location",  # a meeting time at a place of its own (#14); None: the group's own place
)


def _validate(obj: models.Model, *, database_checks: bool, exclude: Iterable[str] = ()) -> None:
    """full_clean, or (database_checks=False) only what the row itself decides: no uniqueness, no links.

    The slug is the caller's in that case too: importers make it with directory.slugs.
    """
    if database_checks:
        obj.full_clean(exclude=list(exclude) or None)
        return
    links = [f.name for f in obj._meta.concrete_fields if f.is_relation]
    obj.full_clean(exclude=[*exclude, *links, "slug"], validate_unique=False, validate_constraints=False)


# --- Organisations and places --------------------------------------------------------------------


@transaction.atomic
def organisation_create(
    *, actor: Actor, actor_label: str = "", database_checks: bool = True, **fields: Any
) -> Organisation:
    organisation = Organisation(**fields)
    _validate(organisation, database_checks=database_checks)
    organisation.save()
    log_action(
        obj=organisation,
        action="created",
        actor=actor,
        actor_label=actor_label,
        changes=diff({}, snapshot(organisation)),
    )
    return organisation


@transaction.atomic
def organisation_update(
    *, organisation: Organisation, actor: Actor, actor_label: str = "", database_checks: bool = True, **fields: Any
) -> dict[str, list[Any]]:
    """Change an organisation; returns what changed (empty: nothing changed and nothing was written)."""
    return _update(organisation, fields, actor=actor, actor_label=actor_label, database_checks=database_checks)


@transaction.atomic
def location_create(
    *, actor: Actor, actor_label: str = "", database_checks: bool = True, check: bool = True, **fields: Any
) -> Location:
    """A new place. check=False: the caller vouches for it (an imported online place comes without its link)."""
    location = Location(**fields)
    if check:
        _validate(location, database_checks=database_checks)
    location.save()
    log_action(
        obj=location, action="created", actor=actor, actor_label=actor_label, changes=diff({}, snapshot(location))
    )
    return location


@transaction.atomic
def location_update(
    *,
    location: Location,
    actor: Actor,
    actor_label: str = "",
    database_checks: bool = True,
    check: bool = True,
    **fields: Any,
) -> dict[str, list[Any]]:
    """Change a place; returns what changed (empty: nothing changed and nothing was written)."""
    return _update(location, fields, actor=actor, actor_label=actor_label, database_checks=database_checks, check=check)


def _update(
    obj: models.Model,
    fields: dict[str, Any],
    *,
    actor: Actor,
    actor_label: str,
    database_checks: bool,
    check: bool = True,
) -> dict[str, list[Any]]:
    def validate(row: models.Model) -> None:
        _validate(row, database_checks=database_checks)

    return model_update(obj, actor=actor, actor_label=actor_label, validate=validate if check else None, **fields)


# --- Groups ------------------------------------------------------------------------------------


def _link_ids(items: Sequence[Any] | None) -> list[Any] | None:
    return None if items is None else sorted({i.pk if isinstance(i, models.Model) else i for i in items})


def _schedule_spec(spec: ScheduleSpec) -> ScheduleSpec:
    """A meeting time in one form, so a planned one and a stored one compare equal when they are the same."""
    values = {key: spec.get(key) for key in SCHEDULE_KEYS}
    if values["kind"] == RuleKind.DATES:
        values["dates"] = sorted({str(d) for d in values["dates"] or ()})
    values["weekdays"] = [int(d) for d in values["weekdays"] or ()]
    values["cancelled"] = sorted({str(d) for d in spec.get("cancelled") or ()})
    return values


def _stored_schedules(group: Group) -> list[ScheduleSpec]:
    return [
        _schedule_spec(
            {key: getattr(s, key) for key in SCHEDULE_KEYS}
            | {"cancelled": [c.date.isoformat() for c in s.cancellations.all()]}
        )
        for s in sorted(group.schedules.all(), key=lambda s: s.pk)
    ]


def group_changes(
    *,
    group: Group,
    fields: dict[str, Any],
    themes: Sequence[Theme | int] | None = None,
    languages: Sequence[Language | int] | None = None,
    schedules: Sequence[ScheduleSpec] | None = None,
) -> dict[str, list[Any]]:
    """What group_update would change, as {field: [old, new]}; writes nothing (an importer's plan asks it).

    Themes, languages and schedules are compared as sets of ids and as meeting times; None leaves them out.
    Prefetch themes, languages and schedules__cancellations to ask this of many groups cheaply.
    """
    changes = field_changes(group, fields)
    for name, wanted in (("themes", _link_ids(themes)), ("languages", _link_ids(languages))):
        if wanted is not None:
            current = sorted(item.pk for item in getattr(group, name).all())
            if current != wanted:
                changes[name] = [current, wanted]
    if schedules is not None:
        current_specs, wanted_specs = _stored_schedules(group), [_schedule_spec(s) for s in schedules]
        if current_specs != wanted_specs:
            changes["schedules"] = [current_specs, wanted_specs]
    return changes


def _checked_schedules(specs: Sequence[ScheduleSpec], *, database_checks: bool) -> list[tuple[Schedule, list[str]]]:
    """Unsaved schedules with their cancelled dates, each validated before anything is written."""
    checked = []
    for spec in specs:
        values = {k: v for k, v in spec.items() if k != "cancelled"}
        schedule = Schedule(**values)
        if schedule.kind == RuleKind.DATES:
            schedule.dates = sorted(set(schedule.dates))
        try:
            _validate(schedule, database_checks=database_checks, exclude=["group"])
        except ValidationError as exc:
            raise ValidationError(
                {
                    "schedules" if field == NON_FIELD_ERRORS else f"schedules.{field}": messages
                    for field, messages in exc.message_dict.items()
                }
            ) from exc
        checked.append((schedule, sorted({str(d) for d in spec.get("cancelled") or ()})))
    return checked


def _schedules_write(group: Group, checked: list[tuple[Schedule, list[str]]]) -> None:
    for schedule, cancelled in checked:
        schedule.group = group
        schedule.save()
        Cancellation.objects.bulk_create([Cancellation(schedule=schedule, date=d) for d in cancelled])


@transaction.atomic
def group_create(
    *,
    actor: Actor,
    themes: Sequence[Theme | int],
    languages: Sequence[Language | int],
    status: GroupStatus | str = GroupStatus.ACTIVE,
    status_reason: str = "",
    schedules: Sequence[ScheduleSpec] = (),
    actor_label: str = "",
    database_checks: bool = True,
    **fields: Any,
) -> Group:
    """Create a group with its themes, languages, meeting times and first status entry; validate everything first."""
    group = Group(status=status, **fields)
    _validate(group, database_checks=database_checks)
    if not themes:
        raise ValidationError({"themes": _("Choose at least one theme.")})
    checked = _checked_schedules(schedules, database_checks=database_checks)
    group.save()
    group.themes.set(themes)
    group.languages.set(languages)
    _schedules_write(group, checked)
    GroupStatusChange.objects.create(group=group, status=status, date=timezone.localdate(), reason=status_reason)
    log_action(obj=group, action="created", actor=actor, actor_label=actor_label, changes=diff({}, snapshot(group)))
    return group


@transaction.atomic
def group_update(
    *,
    group: Group,
    actor: Actor,
    themes: Sequence[Theme | int] | None = None,
    languages: Sequence[Language | int] | None = None,
    schedules: Sequence[ScheduleSpec] | None = None,
    status_reason: str = "",
    actor_label: str = "",
    database_checks: bool = True,
    **fields: Any,
) -> dict[str, list[Any]]:
    """Change a group and, when given, its themes, languages and meeting times (which then replace the old ones).

    Returns what changed, as the audit entry records it. Nothing changed: nothing is written and nothing
    logged, so importing the same file twice leaves no trace. A new status gets its dated history entry.
    """
    changes = group_changes(group=group, fields=fields, themes=themes, languages=languages, schedules=schedules)
    if not changes:
        return {}
    before = snapshot(group)
    for name, value in fields.items():
        setattr(group, name, value)
    _validate(group, database_checks=database_checks)
    if "themes" in changes and not changes["themes"][1]:
        raise ValidationError({"themes": _("Choose at least one theme.")})
    checked = _checked_schedules(schedules or (), database_checks=database_checks) if "schedules" in changes else []
    group.save()
    if themes is not None and "themes" in changes:
        group.themes.set(themes)
    if languages is not None and "languages" in changes:
        group.languages.set(languages)
    if "schedules" in changes:
        group.schedules.all().delete()
        _schedules_write(group, checked)
    if "status" in changes:
        GroupStatusChange.objects.create(
            group=group, status=group.status, date=timezone.localdate(), reason=status_reason
        )
    logged = diff(before, snapshot(group)) | {k: v for k, v in changes.items() if k in ("themes", "languages")}
    if "schedules" in changes:
        logged["schedules"] = [
            [_json_spec(s) for s in changes["schedules"][0]],
            [_json_spec(s) for s in changes["schedules"][1]],
        ]
    log_action(obj=group, action="changed", actor=actor, actor_label=actor_label, changes=logged)
    return logged


def _json_spec(spec: ScheduleSpec) -> dict[str, Any]:
    return {k: plain(v) for k, v in spec.items()}


@transaction.atomic
def group_set_status(
    *, group: Group, status: GroupStatus, actor: Actor, reason: str = "", date: datetime.date | None = None
) -> GroupStatusChange:
    """Move a group to another lifecycle stage and keep the dated history."""
    if status not in GroupStatus.values:
        raise ValidationError(_("Unknown status."))
    old = group.status
    group.status = status
    group.save(update_fields=["status", "updated_at"])
    change = GroupStatusChange.objects.create(
        group=group, status=status, date=date or timezone.localdate(), reason=reason
    )
    log_action(obj=group, action="status", actor=actor, changes={"status": [old, status], "reason": reason})
    return change


@transaction.atomic
def group_verify(*, group: Group, actor: Actor) -> Group:
    """Record that someone checked the group's entry is still right."""
    group.last_verified_at = timezone.now()
    group.last_verified_by = acting_user(actor)
    group.save(update_fields=["last_verified_at", "last_verified_by", "updated_at"])
    log_action(obj=group, action="verified", actor=actor)
    return group


BULK_BATCH = 500


@transaction.atomic
def groups_bulk_create(
    *,
    actor: Actor,
    rows: Iterable[dict[str, Any]],
    status_reason: str = "",
    actor_label: str = "",
) -> list[int]:
    """Create many checked groups at once, with what group_create writes for each: the same rows, in batches.
    Returns the new groups' ids.

    Each row is {"fields": {...}, "themes": [theme ids], "languages": [language ids], "status": str}, and
    optionally "location": {Location's fields} (a new place of its own) and "schedules": [ScheduleSpec]; the
    caller has validated every row (the import's dry run checks each). One transaction: the places, the
    groups, their themes, languages and meeting times, the first status entry, one audit entry per group and
    place, and the search documents are all written, or none. bulk_create sends no signals, so the search
    index is built here. Rows may come from a generator and only one batch of groups is held at a time: a 10,000-row
    import held every group, its places and audit entries at once (bench/workspace_import.py: 356 MB peak).
    """
    from samenspel.core.models import AuditEntry
    from samenspel.directory import search_index

    today = timezone.localdate()
    user: Any = acting_user(actor)
    label = (actor_label or (user.get_username() if user is not None else "system"))[:150]
    created: list[int] = []
    template = Group()
    place_template, schedule_template = Location(), Schedule(start_time=datetime.time(), end_time=datetime.time())
    pending = iter(rows)
    while chunk := list(itertools.islice(pending, BULK_BATCH)):
        groups = [
            _new_group(template, status=row.get("status") or GroupStatus.ACTIVE, **row["fields"]) for row in chunk
        ]
        if any(not row["themes"] for row in chunk):
            raise ValidationError({"themes": _("Choose at least one theme.")})
        places = [
            (g, _new_location(place_template, **row["location"]))
            for g, row in zip(groups, chunk, strict=True)
            if row.get("location")
        ]
        if places:
            Location.objects.bulk_create([place for _g, place in places])
            for g, place in places:
                g.location_id = place.pk
            AuditEntry.objects.bulk_create([_created_entry(place, user, label) for _g, place in places])
        Group.objects.bulk_create(groups)
        if any(g.pk is None for g in groups):  # a backend that cannot return ids: read them back by slug
            ids = dict(Group.objects.filter(slug__in=[g.slug for g in groups]).values_list("slug", "pk"))
            for g in groups:
                g.pk = ids[g.slug]
        ThemeLink = Group.themes.through
        LanguageLink = Group.languages.through
        ThemeLink.objects.bulk_create(
            [ThemeLink(group_id=g.pk, theme_id=t) for g, row in zip(groups, chunk, strict=True) for t in row["themes"]]
        )
        LanguageLink.objects.bulk_create(
            [
                LanguageLink(group_id=g.pk, language_id=lang)
                for g, row in zip(groups, chunk, strict=True)
                for lang in row["languages"]
            ]
        )
        GroupStatusChange.objects.bulk_create(
            [GroupStatusChange(group_id=g.pk, status=g.status, date=today, reason=status_reason) for g in groups]
        )
        Schedule.objects.bulk_create(
            [
                _copy_of(schedule_template, group_id=g.pk, **{k: v for k, v in spec.items() if k != "cancelled"})
                for g, row in zip(groups, chunk, strict=True)
                for spec in row.get("schedules") or ()
            ]
        )
        # The same entry log_action writes for a created group, without a query per group.
        AuditEntry.objects.bulk_create([_created_entry(g, user, label) for g in groups])
        created.extend(g.pk for g in groups)
    # Inside the transaction: the groups and their search documents arrive together.
    if created:
        search_index.index_groups(created)
    return created


def _created_entry(obj: models.Model, user: Any, label: str) -> Any:
    """The entry log_action writes for a created row, without a query per row."""
    from samenspel.core.models import AuditEntry

    return AuditEntry(
        actor=user,
        actor_label=label,
        action="created",
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        changes=diff({}, snapshot(obj)),
    )


@transaction.atomic
def group_place_set(
    *, group: Group, actor: Actor, fields: dict[str, Any], check: bool = True, actor_label: str = ""
) -> dict[str, list[Any]]:
    """Give a group this place: its own place changed in place, else a new one. Returns what changed.

    A place shared with other groups is not changed under them: the group gets a new place of its own.
    """
    current = group.location
    if current is not None and not Group.objects.filter(location=current).exclude(pk=group.pk).exists():
        return location_update(location=current, actor=actor, actor_label=actor_label, check=check, **fields)
    location = location_create(actor=actor, actor_label=actor_label, check=check, **fields)
    group.location = location
    group.save(update_fields=["location", "updated_at"])
    log_action(
        obj=group, action="changed", actor=actor, actor_label=actor_label,
        changes={"location": [current.pk if current else None, location.pk]},
    )  # fmt: skip
    return {"location": [current.pk if current else None, location.pk]}


def _new_location(template: Location, **fields: Any) -> Location:
    place = _copy_of(template, **fields)
    place.uuid = uuid.uuid4()
    return place


def _copy_of(template: Any, **fields: Any) -> Any:
    """A new unsaved row as a copy of an empty one (see _new_group: far cheaper than the model's __init__)."""
    row = copy.copy(template)
    for name, value in fields.items():
        setattr(row, name, value)
    return row


def _new_group(template: Group, **fields: Any) -> Group:
    """A new unsaved group: a copy of an empty one with these fields set.

    Group() fills some 40 translation columns with their defaults, each under a language switch; copying
    an empty group (Model.__getstate__ gives the copy its own state) is many times faster for 10,000 rows.
    """
    group = copy.copy(template)
    group.uuid = uuid.uuid4()  # the one default that must differ per group
    for name, value in fields.items():
        setattr(group, name, value)
    return group
