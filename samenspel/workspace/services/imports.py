"""The spreadsheet import's writes: the dry run and the import of a checked batch.

The rows are planned by workspace/importer.py (pure: read, check, new or update per row); every write
goes through samenspel.directory.services, the directory's one door, like the HSDS import's.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.core.audit import log_action
from samenspel.core.services import Actor
from samenspel.directory.models import Group, GroupStatus, SupportPointSettings
from samenspel.directory.services import group_set_status, group_update, groups_bulk_create
from samenspel.workspace.importer import FIELDS, check_rows
from samenspel.workspace.models import ImportBatch


@transaction.atomic
def import_batch_check(*, batch: ImportBatch, mapping: dict[str, str], actor: Actor) -> ImportBatch:
    """The dry run: check every row with this mapping and remember the mapping for next time."""
    batch.mapping = {field: header for field, header in mapping.items() if field in FIELDS and header in batch.headers}
    batch.results = check_rows(
        support_point=batch.support_point, headers=batch.headers, rows=batch.rows, mapping=batch.mapping
    )
    batch.save()
    config = SupportPointSettings.for_support_point(batch.support_point)
    if config.import_mapping != batch.mapping:
        config.import_mapping = batch.mapping
        config.save()
    return batch


@transaction.atomic
def import_batch_apply(*, batch: ImportBatch, actor: Actor, only_valid: bool = False) -> dict[str, int]:
    """Write the checked rows. Nothing at all unless every row is valid or `only_valid` is chosen."""
    if batch.imported_at is not None:
        raise ValidationError(_("This file was already imported."))
    if batch.error_count and not only_valid:
        raise ValidationError(_("Some rows have errors. Fix the file, or import only the valid rows."))
    # Check again: the map may have changed since the dry run.
    results = check_rows(
        support_point=batch.support_point,
        headers=batch.headers,
        rows=batch.rows,
        mapping=batch.mapping,
        passed={r["row"] for r in batch.results or [] if r["action"] == "create"},
    )
    if any(r["action"] == "error" for r in results) and not only_valid:
        raise ValidationError(_("Some rows have errors. Fix the file, or import only the valid rows."))
    # "unchanged": of the updated rows, those that changed nothing (group_update then writes and logs nothing).
    counts = {"created": 0, "updated": 0, "unchanged": 0, "skipped": 0}
    # New groups go in batches (a list of 10,000 rows takes seconds, not minutes); updates go one by one
    # through group_update, which diffs each group for the audit log.
    new_rows = [
        {
            "fields": {"slug": r["slug"], "support_point_id": batch.support_point_id, **r["fields"]},
            "themes": r["themes"],
            "languages": r["languages"],
            "status": GroupStatus(r["status"]),
        }
        for r in results
        if r["action"] == "create"
    ]
    if new_rows:
        groups_bulk_create(actor=actor, rows=new_rows, status_reason=_("Imported"))
    counts["created"] = len(new_rows)
    for result in results:
        if result["action"] == "error":
            counts["skipped"] += 1
        elif result["action"] == "create":
            continue
        else:
            group = Group.objects.get(slug=result["slug"], support_point=batch.support_point)
            changed = bool(group_update(group=group, actor=actor, **result["fields"]))
            if result["status"] != group.status:
                group_set_status(group=group, status=GroupStatus(result["status"]), actor=actor, reason=_("Imported"))
                changed = True
            counts["updated"] += 1
            counts["unchanged"] += 0 if changed else 1
    batch.results = results
    batch.imported_at = timezone.now()
    # The cells were only needed to check and write: they are not kept.
    batch.rows = []
    batch.save()
    log_action(obj=batch, action="imported", actor=actor, changes=counts)
    return counts
