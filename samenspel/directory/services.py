"""Writes to the social map that touch more than one row. Each runs in one transaction and is audited."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.core.audit import diff, log_action, snapshot
from samenspel.directory.models import Group, GroupStatus, GroupStatusChange, Theme

Actor = AbstractBaseUser | AnonymousUser | None


@transaction.atomic
def group_create(
    *,
    actor: Actor,
    themes: list[Theme],
    languages: list[Any],
    status: GroupStatus = GroupStatus.ACTIVE,
    status_reason: str = "",
    **fields: Any,
) -> Group:
    """Create a group with its themes, languages and first status entry; validate everything first."""
    group = Group(status=status, **fields)
    group.full_clean()
    if not themes:
        raise ValidationError({"themes": _("Choose at least one theme.")})
    group.save()
    group.themes.set(themes)
    group.languages.set(languages)
    GroupStatusChange.objects.create(group=group, status=status, date=timezone.localdate(), reason=status_reason)
    log_action(obj=group, action="created", actor=actor, changes=diff({}, snapshot(group)))
    return group


@transaction.atomic
def group_update(*, group: Group, actor: Actor, **fields: Any) -> Group:
    before = snapshot(group)
    for name, value in fields.items():
        setattr(group, name, value)
    group.full_clean()
    group.save()
    log_action(obj=group, action="changed", actor=actor, changes=diff(before, snapshot(group)))
    return group


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
    user = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    group.last_verified_by = user  # type: ignore[assignment]
    group.save(update_fields=["last_verified_at", "last_verified_by", "updated_at"])
    log_action(obj=group, action="verified", actor=actor)
    return group
