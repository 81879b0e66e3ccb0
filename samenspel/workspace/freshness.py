"""How current a group's entry is. The public group page may call `freshness_of(group)`.

A group never checked counts from the day it was created, so a new entry is fresh.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.directory.models import Group
from samenspel.workspace.models import SupportPointSettings


class FreshnessState(models.TextChoices):
    FRESH = "fresh", _("Checked")
    DUE = "due", _("Check due")
    OVERDUE = "overdue", _("Overdue")


@dataclass(frozen=True)
class Freshness:
    state: FreshnessState
    verified_since: datetime.datetime
    # Public: the group page says "not checked since …".
    show_note: bool
    # Public: the group leaves the map until someone confirms it.
    hidden: bool


def verified_since(group: Group) -> datetime.datetime:
    return group.last_verified_at or group.created_at


def freshness_of(
    group: Group, *, config: SupportPointSettings | None = None, now: datetime.datetime | None = None
) -> Freshness:
    config = config or SupportPointSettings.for_support_point(group.support_point)
    since = verified_since(group)
    age = ((now or timezone.now()) - since).days
    if age < config.verify_every_days:
        state = FreshnessState.FRESH
    elif age < config.verify_every_days + config.overdue_after_days:
        state = FreshnessState.DUE
    else:
        state = FreshnessState.OVERDUE
    return Freshness(
        state=state,
        verified_since=since,
        show_note=age >= config.note_after_days,
        hidden=age >= config.hide_after_days,
    )


def annotate_verified_since(queryset: models.QuerySet[Group]) -> models.QuerySet[Any]:
    return queryset.annotate(verified_since=Coalesce("last_verified_at", "created_at"))


def filter_by_freshness(
    queryset: models.QuerySet[Group],
    state: str,
    *,
    config: SupportPointSettings,
    now: datetime.datetime | None = None,
) -> models.QuerySet[Group]:
    """The same boundaries as `freshness_of`, in SQL, for one support point's settings."""
    now = now or timezone.now()
    due_from = now - datetime.timedelta(days=config.verify_every_days)
    overdue_from = due_from - datetime.timedelta(days=config.overdue_after_days)
    annotated = annotate_verified_since(queryset)
    if state == FreshnessState.FRESH:
        return annotated.filter(verified_since__gt=due_from)
    if state == FreshnessState.DUE:
        return annotated.filter(verified_since__lte=due_from, verified_since__gt=overdue_from)
    if state == FreshnessState.OVERDUE:
        return annotated.filter(verified_since__lte=overdue_from)
    return queryset


def exclude_hidden(queryset: models.QuerySet[Group]) -> models.QuerySet[Group]:
    """For the public map: leave out groups that `send_freshness_checks` hid for being unchecked too long."""
    return queryset.exclude(freshness__hidden_at__isnull=False)
