"""A group's life in the workspace: events (a new leader, a merger) and the confirmation that its entry is right."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from samenspel.core.audit import acting_user, log_action
from samenspel.core.services import Actor
from samenspel.directory.freshness import freshness_clear
from samenspel.directory.models import Group
from samenspel.directory.services import group_verify
from samenspel.workspace.models import EventKind, GroupEvent


@transaction.atomic
def group_event_record(
    *, group: Group, kind: EventKind, actor: Actor, date: datetime.date | None = None, note: str = ""
) -> GroupEvent:
    event = GroupEvent.objects.create(
        group=group,
        kind=kind,
        date=date or timezone.localdate(),
        note=note,
        created_by=acting_user(actor),
    )
    log_action(obj=group, action="event", actor=actor, changes={"event": [None, kind], "note": note})
    return event


@transaction.atomic
def group_confirm(*, group: Group, actor: Actor, actor_label: str = "") -> Group:
    """Someone confirmed the entry is still right: verify it and lift any flag or hiding."""
    group_verify(group=group, actor=actor)
    freshness_clear(group=group)
    if actor_label:
        log_action(obj=group, action="confirmed", actor=actor, actor_label=actor_label)
    return group
