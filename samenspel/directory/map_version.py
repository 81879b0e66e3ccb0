"""A number that grows whenever what the public map shows changes; public page caches key on it.

Every write to a directory row that a public page, feed or download shows bumps it once its transaction
commits (one bump per transaction, however many rows it wrote). Writes that bypass signals (bulk creates,
queryset updates) are followed by `search_index.index_groups`, which bumps it too.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from samenspel.directory.models import (
    Cancellation,
    Group,
    GroupFreshness,
    Language,
    Location,
    MapVersion,
    Organisation,
    Schedule,
    Theme,
    ThemeSynonym,
)

ROW = 1


def map_version() -> int:
    """The current version: one indexed read of a one-row table."""
    return MapVersion.objects.filter(pk=ROW).values_list("version", flat=True).first() or 0


def bump_map_version() -> None:
    """Count one change now (outside a transaction, or from an on-commit callback)."""
    if not MapVersion.objects.filter(pk=ROW).update(version=F("version") + 1, changed_at=timezone.now()):
        MapVersion.objects.get_or_create(pk=ROW, defaults={"version": 1})


def bump_on_commit() -> None:
    """Count one change when the current transaction commits; several calls in one transaction count once.

    Django forgets the callbacks of a transaction that rolls back, so a rolled-back change counts nothing
    and the next transaction registers its own.
    """
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(entry[1] is bump_map_version for entry in connection.run_on_commit):
        return
    transaction.on_commit(bump_map_version)


def _changed(sender: type, **kwargs: object) -> None:
    if kwargs.get("raw"):  # loading fixtures
        return
    bump_on_commit()


def _links_changed(sender: type, action: str, **kwargs: object) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        bump_on_commit()


SHOWN = (Group, Schedule, Cancellation, Location, Organisation, Theme, ThemeSynonym, Language, GroupFreshness)

for _model in SHOWN:
    post_save.connect(_changed, sender=_model, dispatch_uid=f"map_version_save_{_model.__name__}")
    post_delete.connect(_changed, sender=_model, dispatch_uid=f"map_version_delete_{_model.__name__}")
for _through in (Group.themes.through, Group.languages.through):
    m2m_changed.connect(_links_changed, sender=_through, dispatch_uid=f"map_version_links_{_through.__name__}")
