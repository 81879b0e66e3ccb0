from __future__ import annotations

from samenspel.core.models import AuditEntry
from samenspel.directory.models import Group, GroupStatusChange
from samenspel.workspace.models import GroupEvent, Role
from tests.workspace.conftest import sign_in


def test_an_editor_moves_a_group_to_another_stage_with_date_and_reason(client, group, member):
    sign_in(client, member(Role.EDITOR))
    response = client.post(
        f"/werkplek/groep/{group.uuid}/status/", {"status": "paused", "date": "2026-06-01", "reason": "Summer break"}
    )
    assert response.status_code == 302
    group.refresh_from_db()
    assert group.status == "paused"
    change = GroupStatusChange.objects.get(group=group)
    assert (str(change.date), change.reason) == ("2026-06-01", "Summer break")
    assert AuditEntry.objects.filter(object_id=str(group.pk), action="status").exists()


def test_a_stopped_group_leaves_the_public_map_and_keeps_its_history(client, group, contact):
    sign_in(client, contact)
    client.post(f"/werkplek/groep/{group.uuid}/status/", {"status": "stopped", "date": "2026-06-01", "reason": "Done"})
    assert not Group.objects.public().filter(pk=group.pk).exists()
    assert client.get(f"/groep/{group.slug}/").status_code == 404
    page = client.get(f"/werkplek/groep/{group.uuid}/")
    assert "Done" in page.content.decode()


def test_a_leadership_handover_is_recorded_as_an_event(client, group, member):
    sign_in(client, member(Role.MANAGER))
    client.post(
        f"/werkplek/groep/{group.uuid}/gebeurtenis/",
        {"kind": "leadership_handover", "date": "2026-03-01", "note": "Members lead now"},
    )
    event = GroupEvent.objects.get(group=group)
    assert (event.kind, event.note) == ("leadership_handover", "Members lead now")
    assert AuditEntry.objects.filter(object_id=str(group.pk), action="event").exists()


def test_a_read_only_member_cannot_change_the_status(client, group, member):
    sign_in(client, member(Role.VIEWER))
    response = client.post(f"/werkplek/groep/{group.uuid}/status/", {"status": "stopped", "date": "2026-06-01"})
    assert response.status_code == 403
    group.refresh_from_db()
    assert group.status == "active"
