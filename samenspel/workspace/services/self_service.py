"""A contact person changes the group's entry; with review on, an editor approves or rejects the change first.

Group fields go through samenspel.directory.services, the directory's one door for its writes; rows the
directory has no service for yet (schedule times, a location's disclosure, a cancellation) are written here.
Each write runs in one transaction and is audited.
"""

from __future__ import annotations

import datetime
import decimal
import uuid
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.core.audit import acting_user, diff, log_action, plain, snapshot
from samenspel.core.services import Actor, model_update
from samenspel.directory.models import (
    Cancellation,
    Disclosure,
    Group,
    GroupStatus,
    Location,
    Schedule,
    SupportPointSettings,
)
from samenspel.directory.services import group_set_status, group_update
from samenspel.workspace import notices
from samenspel.workspace.models import ChangeRequest, ChangeStatus
from samenspel.workspace.services.lifecycle import group_confirm

# Every language of the interface; a group writes its texts in any of them (modeltranslation: name_<code> ...).
TEXT_LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)
TEXT_FIELDS = ("name", "description", "first_visit", "house_rules")
TRANSLATED_FIELDS = tuple(f"{field}_{code}" for field in TEXT_FIELDS for code in TEXT_LANGUAGES)
# What a contact person may change on the group row itself: everything the public page shows.
GROUP_FIELDS = (
    *TRANSLATED_FIELDS,
    "audience",
    "gender",
    "age_min",
    "age_max",
    "kind",
    "working_method",
    "led_by",
    "leader_count",
    "typical_size",
    "intake",
    "next_intake_date",
    "cost",
    "cost_amount",
    "activity",
    "one_to_one",
    "phone_contact",
    "hybrid",
    "website",
    "contact_email",
    "contact_phone",
    "contact_name",
    "contact_name_public",
    "seeking_others",
)
# Fields whose empty value is NULL (not ""), and the group's links to themes and meeting languages (lists of ids).
NULLABLE_FIELDS = ("age_min", "age_max", "typical_size", "cost_amount", "next_intake_date")
M2M_FIELDS = ("themes", "languages")
# Keys of a change (ChangeRequest.changes and the audit log), one per field a person can see:
#   schedule.<id>.weekday / .start_time / .end_time   a meeting time of the group
#   schedule.<id>.remove                              [False, True]: that meeting time ends
#   schedule.<id>.kind / .interval / .nth / .day_of_month / .dates   its rhythm (directory.recurrence.Rule)
#   schedule.<id>.place                               the pk of the place of these meetings (None: the group's own;
#                                                     "new": the place of place.add)
#   schedule.add                                      [None, {weekday, start_time, end_time, kind, interval, nth,
#                                                     day_of_month, dates, place}]: a new meeting time
#   place.add                                         [None, {name, street, postcode, disclosure}]: a new place,
#                                                     for a meeting time (a group meeting at several places)
#   status.change                                     [None, {status, date, reason}]: the group's lifecycle stage
#   cancellation.add                                  [None, {date, reason, schedule}]: one meeting does not happen
#   cancellation.<id>.remove                          [False, True]: a cancelled meeting happens after all
# Change requests from before groups could have several times use schedule.weekday etc.: the first schedule.
SCHEDULE_FIELDS = ("schedule.weekday", "schedule.start_time", "schedule.end_time")
# The place: what is public of it, and what it offers (shown on the public page and searched).
LOCATION_FIELDS = (
    "location.disclosure",
    "location.wheelchair_accessible",
    "location.hearing_loop",
    "location.quiet_room",
    "location.childcare",
    "location.accessibility_note_nl",
)
CANCELLATION_KEY = "cancellation.add"
SCHEDULE_ADD_KEY = "schedule.add"
PLACE_ADD_KEY = "place.add"
STATUS_KEY = "status.change"
NEW_PLACE = "new"
# Parts of a meeting time a contact person can change, beside its day and times.
RHYTHM_PARTS = ("kind", "interval", "nth", "day_of_month", "dates", "place")
# Keys whose value is a new thing, not a change of an old one: always a change when given.
ADD_KEYS = (CANCELLATION_KEY, SCHEDULE_ADD_KEY, PLACE_ADD_KEY, STATUS_KEY)


def first_schedule(group: Group) -> Schedule | None:
    return group.schedules.order_by("id").first()


def group_editable_values(group: Group) -> dict[str, Any]:
    """The current values of everything self-service can change, as JSON-safe values."""
    values = {name: plain(getattr(group, name)) for name in GROUP_FIELDS}
    # An empty translation column may be NULL or "": the same to a person, so the same here.
    values.update({name: "" for name, value in values.items() if value is None and name not in NULLABLE_FIELDS})
    values["themes"] = sorted(group.themes.values_list("pk", flat=True))
    values["languages"] = sorted(group.languages.values_list("pk", flat=True))
    for schedule in group.schedules.order_by("id"):
        values.update(schedule_values(schedule))
    for cancellation in upcoming_cancellations(group):
        values[f"cancellation.{cancellation.pk}.remove"] = False
    for key in LOCATION_FIELDS:
        value = getattr(group.location, key.split(".", 1)[1]) if group.location else None
        values[key] = "" if value is None and group.location else value
    return values


def schedule_values(schedule: Schedule) -> dict[str, Any]:
    weekdays = list(schedule.weekdays or [])
    return {
        # One day can be changed here; a rhythm of several days or a monthly one keeps its days.
        f"schedule.{schedule.pk}.weekday": int(weekdays[0]) if len(weekdays) == 1 else None,
        f"schedule.{schedule.pk}.start_time": plain(schedule.start_time),
        f"schedule.{schedule.pk}.end_time": plain(schedule.end_time),
        f"schedule.{schedule.pk}.valid_until": plain(schedule.valid_until),
        f"schedule.{schedule.pk}.remove": False,
        f"schedule.{schedule.pk}.kind": schedule.kind,
        f"schedule.{schedule.pk}.interval": schedule.interval,
        f"schedule.{schedule.pk}.nth": schedule.nth,
        f"schedule.{schedule.pk}.day_of_month": schedule.day_of_month,
        f"schedule.{schedule.pk}.dates": sorted(str(d) for d in schedule.dates or ()),
        f"schedule.{schedule.pk}.place": schedule.location_id,
    }


def group_places(group: Group) -> list[Location]:
    """The places a group meets at: its own, then those of its meeting times, in order of first use."""
    places: dict[int, Location] = {}
    if group.location is not None:
        places[group.location.pk] = group.location
    for schedule in group.schedules.select_related("location").order_by("id"):
        if schedule.location is not None:
            places.setdefault(schedule.location.pk, schedule.location)
    return list(places.values())


def upcoming_cancellations(group: Group) -> list[Cancellation]:
    return list(
        Cancellation.objects.filter(schedule__group=group, date__gte=timezone.localdate()).order_by("date", "id")
    )


def changes_between(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [old, new]} for the fields that differ; a cancellation is always a change."""
    changes = {k: [before.get(k), v] for k, v in after.items() if k not in ADD_KEYS and before.get(k) != v}
    for key in ADD_KEYS:
        if after.get(key):
            changes[key] = [None, after[key]]
    return changes


def _parse_time(value: Any) -> datetime.time:
    return value if isinstance(value, datetime.time) else datetime.time.fromisoformat(str(value))


@transaction.atomic
def group_changes_apply(*, group: Group, changes: dict[str, list[Any]], actor: Actor) -> Group:
    """Make changes live. Validates every row; on any error nothing is written (one transaction)."""
    group_fields: dict[str, Any] = {}
    for key, (_old, new) in changes.items():
        if key in GROUP_FIELDS:
            if key == "cost_amount":
                new = decimal.Decimal(new) if new not in (None, "") else None
            if key == "next_intake_date":
                new = datetime.date.fromisoformat(str(new)) if new not in (None, "") else None
            group_fields[key] = new if new is not None or key in NULLABLE_FIELDS else ""
    themes = list(changes["themes"][1] or []) if "themes" in changes else None
    languages = list(changes["languages"][1] or []) if "languages" in changes else None
    if group_fields or themes is not None or languages is not None:
        group_update(group=group, actor=actor, themes=themes, languages=languages, **group_fields)

    schedule_changes = {k.split(".", 1)[1]: v[1] for k, v in changes.items() if k in SCHEDULE_FIELDS}
    if schedule_changes:
        _schedule_apply(group=group, values=schedule_changes, actor=actor)

    new_place = (
        _place_add(group=group, values=changes[PLACE_ADD_KEY][1], actor=actor) if changes.get(PLACE_ADD_KEY) else None
    )

    per_schedule: dict[int, dict[str, Any]] = {}
    for key, (_old, new) in changes.items():
        parts = key.split(".")
        if len(parts) == 3 and parts[0] == "schedule" and parts[1].isdigit():
            per_schedule.setdefault(int(parts[1]), {})[parts[2]] = new
    for pk, values in per_schedule.items():
        schedule = _schedule_of(group, pk)
        if values.get("remove"):
            _schedule_remove(schedule=schedule, actor=actor)
        else:
            _schedule_apply(group=group, values=values, actor=actor, schedule=schedule, new_place=new_place)

    if changes.get(SCHEDULE_ADD_KEY):
        _schedule_add(group=group, values=changes[SCHEDULE_ADD_KEY][1], actor=actor, new_place=new_place)

    for key, (_old, new) in changes.items():
        parts = key.split(".")
        if len(parts) == 3 and parts[0] == "cancellation" and parts[1].isdigit() and new:
            _cancellation_remove(group=group, pk=int(parts[1]), actor=actor)

    place = {key.split(".", 1)[1]: changes[key][1] for key in LOCATION_FIELDS if key in changes}
    if place:
        _location_apply(group=group, fields=place, actor=actor)

    if changes.get(STATUS_KEY):
        status = changes[STATUS_KEY][1]
        if status.get("status") not in GroupStatus.values:
            raise ValidationError(_("Unknown status."))
        group_set_status(
            group=group,
            status=GroupStatus(status["status"]),
            actor=actor,
            reason=status.get("reason", ""),
            date=datetime.date.fromisoformat(status["date"]) if status.get("date") else None,
        )

    if changes.get(CANCELLATION_KEY):
        cancellation = changes[CANCELLATION_KEY][1]
        cancellation_add(
            group=group,
            date=datetime.date.fromisoformat(cancellation["date"]),
            reason=cancellation.get("reason", ""),
            actor=actor,
            schedule=_schedule_of(group, int(cancellation["schedule"])) if cancellation.get("schedule") else None,
        )
    return group


def _schedule_of(group: Group, pk: int) -> Schedule:
    schedule = group.schedules.filter(pk=pk).first()
    if schedule is None:
        # Removed since the change was proposed: approving it cannot mean anything sensible.
        raise ValidationError(_("A meeting time in this change no longer exists. Reject the change."))
    return schedule


def _schedule_remove(*, schedule: Schedule, actor: Actor) -> None:
    gone = {name: [value, None] for name, value in snapshot(schedule).items() if value not in (None, "", [])}
    log_action(obj=schedule, action="removed", actor=actor, changes=gone)
    schedule.delete()


def _place_add(*, group: Group, values: dict[str, Any], actor: Actor) -> Location:
    """A new place for one or more meeting times; checked as every place is (a postcode we know ...)."""
    place = Location(
        name=values.get("name", ""),
        street=values.get("street", ""),
        postcode=values.get("postcode", ""),
        disclosure=values.get("disclosure") or Disclosure.PUBLIC,
    )
    if place.disclosure == Disclosure.ONLINE:
        raise ValidationError(_("A place for meetings in a room cannot be online."))
    place.full_clean()
    place.save()
    log_action(obj=place, action="created", actor=actor, changes=diff({}, snapshot(place)))
    return place


def _place_of(group: Group, value: Any, new_place: Location | None) -> Location | None:
    """The place a meeting time is at: None for the group's own place, one of the group's places, or the new one."""
    if value in (None, ""):
        return None
    if value == NEW_PLACE:
        if new_place is None:
            raise ValidationError(_("Fill in the new place: its name, street and postcode."))
        return new_place
    place = next((p for p in group_places(group) if p.pk == int(value)), None)
    if place is None:
        raise ValidationError(_("A place in this change is no longer one of the group's places. Reject the change."))
    return None if place.pk == group.location_id else place


def _rhythm_fields(values: dict[str, Any], kind: str, weekday: Any) -> dict[str, Any]:
    """The Schedule fields of a rhythm, from the parts a form sends; those of other rhythms are emptied."""
    fields: dict[str, Any] = {"kind": kind}
    needs_day = kind in (Schedule.Kind.WEEKLY, Schedule.Kind.EVERY_N_WEEKS, Schedule.Kind.MONTHLY_NTH_WEEKDAY)
    if not needs_day:
        fields["weekdays"] = []
    elif weekday is not None:
        fields["weekdays"] = [int(weekday)]
    fields["interval"] = int(values.get("interval") or 1) if kind == Schedule.Kind.EVERY_N_WEEKS else 1
    fields["nth"] = int(values["nth"]) if kind == Schedule.Kind.MONTHLY_NTH_WEEKDAY and values.get("nth") else None
    fields["day_of_month"] = (
        int(values["day_of_month"]) if kind == Schedule.Kind.MONTHLY_DATE and values.get("day_of_month") else None
    )
    fields["dates"] = sorted(str(d) for d in values.get("dates") or ()) if kind == Schedule.Kind.DATES else []
    return fields


def _schedule_add(*, group: Group, values: dict[str, Any], actor: Actor, new_place: Location | None = None) -> Schedule:
    kind = values.get("kind") or Schedule.Kind.WEEKLY
    needs_day = kind in (Schedule.Kind.WEEKLY, Schedule.Kind.EVERY_N_WEEKS, Schedule.Kind.MONTHLY_NTH_WEEKDAY)
    if not values.get("start_time") or not values.get("end_time") or (needs_day and values.get("weekday") is None):
        raise ValidationError(_("Fill in the day and when the new meeting starts and ends."))
    schedule = Schedule(
        group=group,
        start_time=_parse_time(values["start_time"]),
        end_time=_parse_time(values["end_time"]),
        valid_from=timezone.localdate(),
        location=_place_of(group, values.get("place"), new_place),
        **_rhythm_fields(values, kind, values.get("weekday")),
    )
    schedule.full_clean()
    schedule.save()
    log_action(obj=schedule, action="created", actor=actor, changes=diff({}, snapshot(schedule)))
    return schedule


def _cancellation_remove(*, group: Group, pk: int, actor: Actor) -> None:
    cancellation = Cancellation.objects.filter(pk=pk, schedule__group=group).first()
    if cancellation is None:
        return  # already gone: the meeting happens, which is what was asked
    log_action(
        obj=group, action="cancellation_removed", actor=actor, changes={"cancellation": [str(cancellation.date), None]}
    )
    cancellation.delete()


def _schedule_apply(
    *,
    group: Group,
    values: dict[str, Any],
    actor: Actor,
    schedule: Schedule | None = None,
    new_place: Location | None = None,
) -> Schedule:
    schedule = schedule or first_schedule(group)
    if schedule is None:
        if not values.get("start_time") or not values.get("end_time"):
            raise ValidationError(_("Fill in when the meeting starts and ends."))
        schedule = Schedule(group=group, kind=Schedule.Kind.WEEKLY)
    fields: dict[str, Any] = {}
    if "weekday" in values and values["weekday"] is not None:
        fields["weekdays"] = [int(values["weekday"])]
    if values.get("start_time"):
        fields["start_time"] = _parse_time(values["start_time"])
    if values.get("end_time"):
        fields["end_time"] = _parse_time(values["end_time"])
    if "valid_until" in values:
        until = values["valid_until"]
        fields["valid_until"] = datetime.date.fromisoformat(str(until)) if until else None
        if fields["valid_until"] is not None and schedule.valid_from and fields["valid_until"] < schedule.valid_from:
            raise ValidationError(_("The schedule ends before it starts."))
    if any(part in values for part in RHYTHM_PARTS if part != "place"):
        merged = {part: getattr(schedule, part) for part in RHYTHM_PARTS if part != "place"} | {
            k: v for k, v in values.items() if k in RHYTHM_PARTS
        }
        fields |= _rhythm_fields(merged, merged["kind"] or Schedule.Kind.WEEKLY, values.get("weekday"))
        if "weekdays" not in fields and schedule.weekdays:
            fields["weekdays"] = list(schedule.weekdays)
    if "place" in values:
        fields["location"] = _place_of(group, values["place"], new_place)
    model_update(schedule, actor=actor, **fields)
    return schedule


def _location_apply(*, group: Group, fields: dict[str, Any], actor: Actor) -> Location:
    location = group.location
    if location is None:
        raise ValidationError(_("This group has no place yet. Ask the support point to add it."))
    before = snapshot(location)
    if location.groups.exclude(pk=group.pk).exists():
        # Other groups meet there too: they keep their own choice, this group gets its own copy.
        location.pk = None
        location.uuid = uuid.uuid4()
    for name, value in fields.items():
        setattr(location, name, value)
    location.full_clean()
    location.save()
    if group.location_id != location.pk:
        group_update(group=group, actor=actor, location=location)
    log_action(obj=location, action="changed", actor=actor, changes=diff(before, snapshot(location)))
    return location


@transaction.atomic
def cancellation_add(
    *, group: Group, date: datetime.date, reason: str, actor: Actor, schedule: Schedule | None = None
) -> Cancellation:
    schedule = schedule or first_schedule(group)
    if schedule is None:
        raise ValidationError(_("This group has no meeting times, so there is nothing to cancel."))
    cancellation, _created = Cancellation.objects.update_or_create(
        schedule=schedule, date=date, defaults={"reason": reason}
    )
    log_action(
        obj=group,
        action="cancellation",
        actor=actor,
        changes={"cancellation": [None, str(date)], "schedule": [None, schedule.pk]},
    )
    return cancellation


@transaction.atomic
def group_change_submit(
    *, group: Group, changes: dict[str, list[Any]], actor: Actor, email: str = "", translator: bool = False
) -> ChangeRequest | None:
    """A contact person's edit: live at once, or a change request when the support point reviews first.

    Returns the change request, or None when the change went live. `email`: the address of someone acting by
    the freshness e-mail's link, told of the decision when the change waits for review.

    A saved change counts as a check of the entry (the freshness rule's "last verified"), also when it waits
    for review: whoever changed the entry has looked at all of it, which is what the check asks. What they
    changed still waits for the support point; the confirmation that they looked does not.
    """
    if not changes:
        return None
    if translator and any(key not in TRANSLATED_FIELDS for key in changes):
        raise ValidationError(_("A translator changes only the texts of a group."))
    config = SupportPointSettings.for_support_point(group.support_point)
    change = None
    # A volunteer translator's texts always wait for the support point, whatever its review setting.
    if config.review_changes or translator:
        change = ChangeRequest.objects.create(
            group=group,
            changes=changes,
            submitted_by=acting_user(actor),
            submitted_email=email or getattr(acting_user(actor), "email", ""),
        )
        log_action(obj=change, action="submitted", actor=actor, changes=changes)
    else:
        group_changes_apply(group=group, changes=changes, actor=actor)
    if not translator:  # translating is not checking the whole entry
        group_confirm(group=group, actor=actor)
    if change is not None:
        notices.change_waiting(change)
    return change


@transaction.atomic
def change_request_approve(*, change: ChangeRequest, actor: Actor) -> ChangeRequest:
    if change.status != ChangeStatus.PENDING:
        raise ValidationError(_("This change was already decided."))
    group_changes_apply(group=change.group, changes=change.changes, actor=actor)
    change.status = ChangeStatus.APPROVED
    change.decided_by = actor  # type: ignore[assignment]
    change.decided_at = timezone.now()
    change.save(update_fields=["status", "decided_by", "decided_at"])
    log_action(obj=change, action="approved", actor=actor)
    notices.change_decided(change)
    return change


@transaction.atomic
def change_request_reject(*, change: ChangeRequest, actor: Actor, note: str = "") -> ChangeRequest:
    if change.status != ChangeStatus.PENDING:
        raise ValidationError(_("This change was already decided."))
    change.status = ChangeStatus.REJECTED
    change.decided_by = actor  # type: ignore[assignment]
    change.decided_at = timezone.now()
    change.decision_note = note
    change.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    log_action(obj=change, action="rejected", actor=actor, changes={"note": note})
    notices.change_decided(change)
    return change
