"""The spreadsheet import writes through the directory's services: a row that changes nothing leaves no trace."""

from __future__ import annotations

from typing import Any

from samenspel.core.models import AuditEntry
from samenspel.directory.models import Group, Organisation
from samenspel.workspace.importer import guess_mapping
from samenspel.workspace.models import ImportBatch
from samenspel.workspace.services.imports import import_batch_apply, import_batch_check

HEADERS = ["slug", "Naam", "E-mail", "Thema"]


def _import(support_point: Organisation, rows: list[list[str]], actor: Any) -> dict[str, int]:
    batch = ImportBatch.objects.create(support_point=support_point, filename="groepen.csv", headers=HEADERS, rows=rows)
    import_batch_check(batch=batch, mapping=guess_mapping(HEADERS), actor=actor)
    counts = import_batch_apply(batch=batch, actor=actor)
    # The dry run's plan already said whether the row changes the group.
    assert [r["changed"] for r in batch.results] == [counts["unchanged"] == 0]
    return counts


def test_an_updating_row_is_audited_only_when_it_changes_the_group(
    support_point: Organisation, group: Group, django_user_model: Any
) -> None:
    editor = django_user_model.objects.create_user(username="editor", email="editor@example.org")
    group.contact_email = "groep@example.org"
    group.save()
    theme = group.themes.first()
    assert theme is not None
    same = [[group.slug, group.name_nl, "groep@example.org", theme.slug]]
    entries = AuditEntry.objects.filter(object_type="directory.group", object_id=str(group.pk))
    before = entries.count()

    counts = _import(support_point, same, editor)
    assert (counts["updated"], counts["unchanged"]) == (0, 1)  # "updated" counts the groups that changed
    assert entries.count() == before

    counts = _import(support_point, [[group.slug, "Nieuwe naam", "groep@example.org", theme.slug]], editor)
    assert (counts["updated"], counts["unchanged"]) == (1, 0)
    entry = entries.latest("pk")
    assert (entry.action, entry.actor_id, entry.changes["name_nl"]) == (
        "changed",
        editor.pk,
        [group.name_nl, "Nieuwe naam"],
    )
    assert entries.count() == before + 1
