from __future__ import annotations

from samenspel.core.models import AuditEntry
from samenspel.workspace.models import GroupContact, Membership, Role
from tests.workspace.conftest import sign_in


def test_a_manager_adds_a_member_who_then_signs_in_by_link(client, support_point, member):
    sign_in(client, member(Role.MANAGER))
    response = client.post(f"/werkplek/{support_point.slug}/mensen/", {"email": "New@Example.org", "role": "editor"})
    assert response.status_code == 302
    membership = Membership.objects.get(user__email="new@example.org")
    assert membership.role == Role.EDITOR
    assert not membership.user.has_usable_password()
    assert AuditEntry.objects.filter(object_type="workspace.membership", action="created").exists()


def test_the_last_manager_cannot_be_removed(client, support_point, member):
    manager = member(Role.MANAGER)
    sign_in(client, manager)
    client.post(f"/werkplek/{support_point.slug}/mensen/{manager.pk}/weg/")
    assert Membership.objects.filter(user=manager).exists()


def test_an_editor_adds_a_contact_person_to_a_group(client, group, member):
    sign_in(client, member(Role.EDITOR))
    client.post(f"/werkplek/groep/{group.uuid}/contactpersonen/", {"email": "leider@example.org"})
    contact = GroupContact.objects.get(group=group)
    assert contact.user.email == "leider@example.org"
    # No role at a support point, so no second factor is asked.
    client.logout()
    sign_in(client, contact.user)
    assert client.get(f"/werkplek/groep/{group.uuid}/").status_code == 200


def test_a_contact_person_cannot_add_others_to_their_group(client, group, contact):
    sign_in(client, contact)
    response = client.post(f"/werkplek/groep/{group.uuid}/contactpersonen/", {"email": "friend@example.org"})
    assert response.status_code == 403
    assert GroupContact.objects.filter(group=group).count() == 1
