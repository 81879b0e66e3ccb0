"""What every app's services share: who acts, and the one way to change one row.

Services are keyword-only functions named `<thing>_<action>` (DESIGN.md); each change of a row is validated,
saved and written to the audit log with its actor. `model_update` is that pattern, once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.db import models

from samenspel.core.audit import Actor, diff, log_action, snapshot

__all__ = ["Actor", "field_changes", "model_update"]

M = TypeVar("M", bound=models.Model)


def full_clean(obj: models.Model) -> None:
    obj.full_clean()


def field_changes(obj: models.Model, fields: dict[str, Any]) -> dict[str, list[Any]]:
    """What setting these fields would change on obj, as {field: [old, new]}; reads only the instance."""
    changes: dict[str, list[Any]] = {}
    for name, value in fields.items():
        field: Any = obj._meta.get_field(name)
        if field.is_relation and field.many_to_one:
            old, new = getattr(obj, field.attname), (value.pk if isinstance(value, models.Model) else value)
            if value is not None and new is None:  # an unsaved related object: the link changes for sure
                old = object()
        else:
            old, new = getattr(obj, name), value
        if old != new:
            changes[name] = [old, new]
    return changes


def model_update(
    obj: M,
    *,
    actor: Actor,
    actor_label: str = "",
    action: str = "changed",
    validate: Callable[[M], None] | None = full_clean,
    **fields: Any,
) -> dict[str, list[Any]]:
    """Set fields, validate the row, save it and log what changed (for a new row: everything).

    Returns what changed, as the audit entry records it. When a saved row would not change, nothing is
    written and nothing logged (importing the same file twice leaves no trace). `validate=None`: the caller
    vouches for the row.
    """
    if obj.pk is not None and not field_changes(obj, fields):
        return {}
    before = snapshot(obj) if obj.pk is not None else {}
    for name, value in fields.items():
        setattr(obj, name, value)
    if validate is not None:
        validate(obj)
    obj.save()
    changes = diff(before, snapshot(obj))
    log_action(obj=obj, action=action, actor=actor, actor_label=actor_label, changes=changes)
    return changes
