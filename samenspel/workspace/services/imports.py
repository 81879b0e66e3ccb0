"""The spreadsheet import's writes: the check, the volunteer's choices, and the import of a checked batch.

The rows are planned by workspace/importing/plan.py (pure: read, match, diff per row); every write goes
through samenspel.directory.services, the directory's one door, like the HSDS import's.

The import runs as a task (django-tasks; `manage.py db_worker` runs it): pressing "Import" only queues the
batch, under a row lock, so pressing it twice or running the task twice imports once. The task re-plans the
rows (progress is saved every 500 rows, so the page can show it) and then writes them all in one
transaction: a failure writes nothing and leaves the batch "failed" with its reason.
"""

from __future__ import annotations

import datetime
import logging
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from samenspel.core.audit import log_action
from samenspel.core.services import Actor
from samenspel.directory.models import Group, GroupStatus, SupportPointSettings
from samenspel.directory.services import group_place_set, group_update, groups_bulk_create
from samenspel.workspace.importing import words
from samenspel.workspace.importing.plan import FIELDS, Options, check_rows, schedule_specs
from samenspel.workspace.models import ImportBatch, ImportState, ImportWord

logger = logging.getLogger(__name__)

# A file with more rows than this is checked by the worker too, with a progress bar, not in the request.
CHECK_IN_REQUEST_ROWS = 2000


def options_of(batch: ImportBatch) -> Options:
    return Options(
        without_schedule={int(n) for n in batch.options.get("without_schedule", [])},
        theme_words=dict(ImportWord.objects.filter(support_point=batch.support_point).values_list("word", "theme_id")),
    )


def _plan(batch: ImportBatch, *, progress: bool = False) -> list[dict[str, Any]]:
    def report(done: int) -> None:
        # Its own small write, outside any transaction of the import, so the page sees it while it runs.
        ImportBatch.objects.filter(pk=batch.pk).update(progress_done=done)

    return check_rows(
        support_point=batch.support_point,
        headers=batch.headers,
        rows=batch.rows,
        mapping=batch.mapping,
        row_numbers=batch.row_numbers or None,
        options=options_of(batch),
        progress=report if progress else None,
    )


def import_batch_check(
    *, batch: ImportBatch, mapping: dict[str, str], actor: Actor, background: bool | None = None
) -> ImportBatch:
    """The dry run: check every row with this mapping, and remember the mapping for next time.

    A big file (or background=True) is checked by the worker; the page shows its progress meanwhile.
    """
    with transaction.atomic():
        batch.mapping = {f: h for f, h in mapping.items() if f in FIELDS and h in batch.headers}
        config = SupportPointSettings.for_support_point(batch.support_point)
        if config.import_mapping != batch.mapping:
            config.import_mapping = batch.mapping
            config.save()
        if background is None:
            background = len(batch.rows) > CHECK_IN_REQUEST_ROWS
        if background:
            batch.state, batch.progress_done, batch.progress_total = ImportState.CHECKING, 0, len(batch.rows)
            batch.save()
            run_check.enqueue(batch_id=batch.pk)
            return batch
        batch.results = _plan(batch)
        batch.options = batch.options | {"checked_at": timezone.now().isoformat()}
        batch.state, batch.progress_done, batch.progress_total = ImportState.CHECKED, len(batch.rows), len(batch.rows)
        batch.save()
    return batch


@task()
def run_check(batch_id: int) -> str:
    batch = ImportBatch.objects.filter(pk=batch_id, state=ImportState.CHECKING).first()
    if batch is None:
        return "skipped"
    started = timezone.now()
    results = _plan(batch, progress=True)
    with transaction.atomic():
        locked = ImportBatch.objects.select_for_update().filter(pk=batch_id, state=ImportState.CHECKING).first()
        if locked is None:
            return "skipped"
        locked.results, locked.state, locked.progress_done = results, ImportState.CHECKED, len(results)
        locked.options = locked.options | {"checked_at": started.isoformat()}
        locked.save(update_fields=["results", "state", "progress_done", "options"])
    return "checked"


@transaction.atomic
def import_batch_accept(*, batch: ImportBatch, accepted: list[str], without_schedule: list[int], actor: Actor) -> None:
    """Remember the suggestions the volunteer accepted (per support point) and the rows to import without
    their meeting times (this batch), then check again."""
    suggested = {s["word"]: s["theme"] for r in batch.results for s in r.get("suggestions", ())}
    for word in accepted:
        if word in suggested:
            ImportWord.objects.update_or_create(
                support_point=batch.support_point, word=words.fold(word), defaults={"theme_id": suggested[word]}
            )
            log_action(obj=batch, action="import_word", actor=actor, changes={"word": [None, word]})
    unread = {r["row"] for r in batch.results if r.get("schedule_text")}
    batch.options = batch.options | {"without_schedule": sorted(n for n in without_schedule if n in unread)}
    batch.save(update_fields=["options"])
    import_batch_check(batch=batch, mapping=batch.mapping, actor=actor)


@transaction.atomic
def import_batch_queue(*, batch: ImportBatch, actor: Actor, only_valid: bool = False) -> ImportBatch:
    """Press "Import": the batch waits for the worker. Pressing it again (or in two tabs) queues nothing more."""
    locked = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if locked.state == ImportState.RUNNING and locked.imported_at is None and _run_was_lost(locked.pk):
        # Its worker died while writing (its transaction rolled back, nothing of it is there): run it again.
        locked.state = ImportState.QUEUED
    elif locked.imported_at is not None or locked.state in (
        ImportState.QUEUED,
        ImportState.RUNNING,
        ImportState.DONE,
    ):
        raise ValidationError(_("This file is already being imported or was imported."))
    if locked.state == ImportState.CHECKING:
        raise ValidationError(_("The check is still running. Wait until it is done."))
    if locked.error_count and not only_valid:
        raise ValidationError(_("Some rows have errors. Fix the file, or import only the valid rows."))
    locked.state, locked.progress_done, locked.progress_total = ImportState.QUEUED, 0, len(locked.rows)
    user = getattr(actor, "pk", None)
    locked.options = locked.options | {"only_valid": only_valid, "actor_id": user}
    locked.failure = ""
    locked.save()
    run_import.enqueue(batch_id=locked.pk)
    return locked


@task()
def run_import(batch_id: int) -> str:
    return import_batch_run(batch_id)


# A running import holds this lock for as long as its database session lives (PostgreSQL's session advisory lock):
# a worker killed mid-import loses it with its connection, so a RUNNING batch nobody holds was lost, not busy.
RUN_LOCK = 7_414_301


def _run_lock(batch_id: int) -> bool:
    if connection.vendor != "postgresql":
        return True  # SQLite: one process (./run), no lost runs to tell apart
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [RUN_LOCK, batch_id])
        return bool(cursor.fetchone()[0])


def _run_unlock(batch_id: int) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [RUN_LOCK, batch_id])


def _run_was_lost(batch_id: int) -> bool:
    if connection.vendor != "postgresql" or not _run_lock(batch_id):
        return False
    _run_unlock(batch_id)
    return True


def import_batch_run(batch_id: int) -> str:
    """The worker's part: take the queued batch (once), plan it again, write it in one transaction."""
    if not _run_lock(batch_id):
        return "skipped"  # another worker runs it now
    try:
        return _run_locked(batch_id)
    finally:
        _run_unlock(batch_id)


def _run_locked(batch_id: int) -> str:
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().filter(pk=batch_id, state=ImportState.QUEUED).first()
        if batch is None:
            return "skipped"  # run already, or never queued
        batch.state = ImportState.RUNNING
        batch.save(update_fields=["state"])
    actor = get_user_model().objects.filter(pk=batch.options.get("actor_id")).first()
    try:
        results = batch.results if _plan_is_fresh(batch) else _plan(batch, progress=True)
        counts = _write(batch, results, actor=actor, only_valid=bool(batch.options.get("only_valid")))
    except Exception as exc:  # a failure writes nothing: the transaction of _write rolled back
        logger.exception("Import of batch %s failed", batch_id)
        message = exc.messages[0] if isinstance(exc, ValidationError) else _("Something went wrong while importing.")
        ImportBatch.objects.filter(pk=batch_id).update(state=ImportState.FAILED, failure=str(message)[:500])
        return "failed"
    logger.info("Imported batch %s: %s", batch_id, counts)
    return "done"


def _plan_is_fresh(batch: ImportBatch) -> bool:
    """Whether the check's plan still holds: no group of the support point and no accepted word changed since.

    Planning 10,000 rows again costs as much as the check did; the writes still go through the services,
    which validate each change again. A group deleted since the check makes the import fail, writing nothing.
    """
    checked = batch.options.get("checked_at")
    if not checked or not batch.results:
        return False
    since = datetime.datetime.fromisoformat(checked)
    changed = Group.objects.filter(support_point=batch.support_point, updated_at__gt=since).exists()
    words_changed = ImportWord.objects.filter(support_point=batch.support_point, created_at__gt=since).exists()
    return not changed and not words_changed


@transaction.atomic
def _write(batch: ImportBatch, results: list[dict[str, Any]], *, actor: Actor, only_valid: bool) -> dict[str, int]:
    # The lock and the state only: the worker holds the rows and the plan already (one copy of 10,000 rows, not two).
    locked = ImportBatch.objects.select_for_update().defer("rows", "results").get(pk=batch.pk)
    if locked.state != ImportState.RUNNING or locked.imported_at is not None:
        raise ValidationError(_("This file is already being imported or was imported."))
    if any(r["action"] == "error" for r in results) and not only_valid:
        raise ValidationError(_("Some rows have errors. Fix the file, or import only the valid rows."))
    counts = {"created": 0, "updated": 0, "unchanged": 0, "skipped": 0}
    # A generator: the groups are created a batch at a time, never all 10,000 rows' objects at once.
    new_rows = (
        {
            "fields": {
                "slug": r["slug"],
                "support_point_id": batch.support_point_id,
                **{k: v for k, v in r["fields"].items() if k != "status"},
            },
            "themes": r["themes"] or [],
            "languages": r["languages"] or [],
            "status": GroupStatus(r["fields"].get("status") or GroupStatus.ACTIVE),
            "location": r["location"],
            "schedules": schedule_specs(r["schedules"]) or [],
        }
        for r in results
        if r["action"] == "new"
    )
    counts["created"] = len(groups_bulk_create(actor=actor, rows=new_rows, status_reason=_("Imported")))
    changing = [r for r in results if r["action"] == "update"]
    groups = Group.objects.select_related("location").prefetch_related("themes", "languages", "schedules")
    by_id = groups.in_bulk([r["group_id"] for r in changing])
    for number, result in enumerate(changing):
        group = by_id[result["group_id"]]
        group_update(
            group=group,
            actor=actor,
            themes=result["themes"],
            languages=result["languages"],
            schedules=schedule_specs(result["schedules"]),
            status_reason=_("Imported"),
            **result["fields"],
        )
        if result["location"] is not None:
            place = result["location"]
            group_place_set(group=group, actor=actor, fields=place, check=place["disclosure"] != "online")
        if number % 500 == 499:
            ImportBatch.objects.filter(pk=batch.pk).update(progress_done=number + 1)
    counts["updated"] = len(changing)
    counts["unchanged"] = sum(1 for r in results if r["action"] == "unchanged")
    counts["skipped"] = sum(1 for r in results if r["action"] == "error")
    locked.results = results
    locked.imported_at = timezone.now()
    locked.state = ImportState.DONE
    locked.progress_done = len(results)
    # The cells were only needed to check and write: they are not kept.
    locked.rows = []
    locked.options = locked.options | {"counts": counts}
    locked.save()
    log_action(obj=locked, action="imported", actor=actor, changes=counts)
    return counts


def import_batch_apply(*, batch: ImportBatch, actor: Actor, only_valid: bool = False) -> dict[str, int]:
    """Queue the batch and run it now (tests, the benchmark, and the ImmediateBackend do the same)."""
    queued = import_batch_queue(batch=batch, actor=actor, only_valid=only_valid).state == ImportState.QUEUED
    if queued:
        import_batch_run(batch.pk)
    batch.refresh_from_db()
    if batch.state == ImportState.FAILED:
        raise ValidationError(batch.failure)
    return dict(batch.options.get("counts", {}))
