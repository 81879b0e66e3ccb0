"""What every app's services share: who acts, and the one way to change one row.

Services are keyword-only functions named `<thing>_<action>` (DESIGN.md); each change of a row is validated,
saved and written to the audit log with its actor. `model_update` is that pattern, once.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import models

from samenspel.core.audit import Actor, diff, log_action, snapshot

__all__ = ["Actor", "model_update"]

M = TypeVar("M", bound=models.Model)


def model_update(obj: M, *, actor: Actor, action: str = "changed", **fields: Any) -> M:
    """Set fields, validate the whole row, save it and log what changed (for a new row: everything)."""
    before = snapshot(obj) if obj.pk else {}
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.full_clean()
    obj.save()
    log_action(obj=obj, action=action, actor=actor, changes=diff(before, snapshot(obj)))
    return obj
