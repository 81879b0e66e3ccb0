"""How current a group's entry is: the one statement of the freshness rule.

Every reader asks here: the public map (`Group.objects.public()` leaves out what `freshness_sync` hid), the
public group page's note, the workspace's dashboard and filters, and the daily freshness run. The thresholds are
the support point's own (`SupportPointSettings`); a group without a support point uses the defaults.

A group never checked counts from the day it was created, so a new entry is fresh. A group someone reported as
possibly wrong (`freshness_report`: a public correction saying it stopped or meets at another time) counts as
"check due" at least, until the report is handled (`freshness_report_clear`) or the entry is confirmed.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.core.audit import log_action
from samenspel.directory import search_index
from samenspel.directory.models import Group, GroupFreshness, GroupStatus, SupportPointSettings


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


@dataclass(frozen=True)
class Boundaries:
    """The moments that separate the states, for one support point's settings at one time."""

    due_from: datetime.datetime
    overdue_from: datetime.datetime
    note_from: datetime.datetime
    hide_from: datetime.datetime

    @classmethod
    def of(cls, config: SupportPointSettings, now: datetime.datetime | None = None) -> Boundaries:
        now = now or timezone.now()
        due_from = now - datetime.timedelta(days=config.verify_every_days)
        return cls(
            due_from=due_from,
            overdue_from=due_from - datetime.timedelta(days=config.overdue_after_days),
            note_from=now - datetime.timedelta(days=config.note_after_days),
            hide_from=now - datetime.timedelta(days=config.hide_after_days),
        )


def verified_since(group: Group) -> datetime.datetime:
    return group.last_verified_at or group.created_at


def is_reported(group: Group) -> bool:
    """Whether someone reported the entry; free for a list that loads groups with `select_related("freshness")`."""
    try:
        state = group.freshness
    except GroupFreshness.DoesNotExist:
        return False
    return state.reported_at is not None


def freshness_of(
    group: Group, *, config: SupportPointSettings | None = None, now: datetime.datetime | None = None
) -> Freshness:
    config = config or SupportPointSettings.for_support_point(group.support_point)
    bounds = Boundaries.of(config, now)
    since = verified_since(group)
    if since > bounds.due_from and is_reported(group):
        state = FreshnessState.DUE
    elif since > bounds.due_from:
        state = FreshnessState.FRESH
    elif since > bounds.overdue_from:
        state = FreshnessState.DUE
    else:
        state = FreshnessState.OVERDUE
    return Freshness(
        state=state,
        verified_since=since,
        show_note=since <= bounds.note_from,
        hidden=since <= bounds.hide_from,
    )


def annotate_verified_since(queryset: models.QuerySet[Group]) -> models.QuerySet[Any]:
    return queryset.annotate(verified_since=Coalesce("last_verified_at", "created_at"))


def _state_filters(bounds: Boundaries) -> dict[str, Q]:
    """The same boundaries as `freshness_of`, as filters on `annotate_verified_since`."""
    reported = Q(freshness__reported_at__isnull=False)
    return {
        FreshnessState.FRESH: Q(verified_since__gt=bounds.due_from, freshness__reported_at__isnull=True),
        FreshnessState.DUE: Q(verified_since__lte=bounds.due_from, verified_since__gt=bounds.overdue_from)
        | (Q(verified_since__gt=bounds.due_from) & reported),
        FreshnessState.OVERDUE: Q(verified_since__lte=bounds.overdue_from),
    }


def filter_by_freshness(
    queryset: models.QuerySet[Group],
    state: str,
    *,
    config: SupportPointSettings,
    now: datetime.datetime | None = None,
) -> models.QuerySet[Group]:
    """The groups in one state, in SQL, for one support point's settings."""
    condition = _state_filters(Boundaries.of(config, now)).get(state)
    if condition is None:
        return queryset
    return annotate_verified_since(queryset).filter(condition)


def freshness_counts(
    queryset: models.QuerySet[Group], *, config: SupportPointSettings, now: datetime.datetime | None = None
) -> dict[str, int]:
    """How many groups are in each state. A stopped group is history: it needs no check."""
    filters = _state_filters(Boundaries.of(config, now))
    counts = annotate_verified_since(queryset.exclude(status=GroupStatus.STOPPED)).aggregate(
        **{str(state): Count("id", filter=condition) for state, condition in filters.items()}
    )
    return {state: counts[state] or 0 for state in counts}


def freshness_sync(*, group: Group, now: datetime.datetime, config: SupportPointSettings) -> GroupFreshness:
    """Flag, hide or clear a group from its dates. Writes only what changed, so repeated runs are no-ops."""
    state, _created = GroupFreshness.objects.get_or_create(group=group)
    fresh = freshness_of(group, config=config, now=now)
    flagged = fresh.state == FreshnessState.OVERDUE
    updates: dict[str, Any] = {}
    if flagged and state.flagged_at is None:
        updates["flagged_at"] = now
    if not flagged and state.flagged_at is not None:
        updates["flagged_at"] = None
    if fresh.hidden and state.hidden_at is None:
        updates["hidden_at"] = now
    if not fresh.hidden and state.hidden_at is not None:
        updates["hidden_at"] = None
    if updates:
        for name, value in updates.items():
            setattr(state, name, value)
        state.save(update_fields=list(updates))
        if "hidden_at" in updates:
            # Hiding or showing again changes the public map: bring the search index in step.
            transaction.on_commit(lambda: search_index.index_groups([group.pk]))
        log_action(
            obj=group,
            action="freshness",
            actor_label="send_freshness_checks",
            changes={k: [None, str(v) if v else None] for k, v in updates.items()},
        )
    return state


def freshness_clear(*, group: Group) -> None:
    """Someone confirmed the entry: lift any flag, hiding or report (the caller verifies the group)."""
    GroupFreshness.objects.filter(group=group).update(flagged_at=None, hidden_at=None, reported_at=None)


def freshness_report(*, group: Group, at: datetime.datetime | None = None) -> None:
    """Someone reported that the entry may be wrong: the group needs a check (it counts as "check due")."""
    state, _created = GroupFreshness.objects.get_or_create(group=group)
    if state.reported_at is None:
        state.reported_at = at or timezone.now()
        state.save(update_fields=["reported_at"])


def freshness_report_clear(*, group: Group) -> None:
    """The reports about the group were handled: it counts by its dates again."""
    GroupFreshness.objects.filter(group=group).update(reported_at=None)
