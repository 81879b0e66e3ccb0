"""The audit log: every state change is written here with its actor."""

from __future__ import annotations

import datetime
import decimal
import uuid
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import models

from samenspel.core.models import AuditEntry

# Who does it: a signed-in person, an anonymous visitor, or the system (a command, an import).
Actor = AbstractBaseUser | AnonymousUser | None


class LinkActor(AnonymousUser):
    """Someone acting through a signed link without an account (a group's contact answering the freshness e-mail).

    Not signed in, so no `*_by` column names them; the audit log does, by the address the link was sent to.
    """

    def __init__(self, label: str) -> None:
        self.label = label


def acting_user(actor: Actor) -> Any:
    """The signed-in person behind an actor, or None for a visitor or the system (what a `*_by` column holds)."""
    return actor if actor is not None and getattr(actor, "is_authenticated", False) else None


def plain(value: Any) -> Any:
    """Turn a field value into something JSON can hold."""
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, (datetime.date, datetime.time, datetime.datetime, decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, (list, tuple, set)):
        return [plain(v) for v in value]
    return value


def snapshot(obj: models.Model) -> dict[str, Any]:
    """The concrete field values of a model instance, for diffing."""
    return {f.attname: plain(getattr(obj, f.attname)) for f in obj._meta.concrete_fields}


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """Fields whose value changed, as {field: [old, new]}."""
    return {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}


def log_action(
    *,
    obj: models.Model,
    action: str,
    actor: Actor = None,
    actor_label: str = "",
    changes: dict[str, Any] | None = None,
) -> AuditEntry:
    user = acting_user(actor)
    label = actor_label or (user.get_username() if user is not None else getattr(actor, "label", "") or "system")
    return AuditEntry.objects.create(
        actor=user,
        actor_label=label[:150],
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        changes=changes or {},
    )
