"""An initiative that looks for others in the same situation is on the public map; without that wish it is not."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from samenspel.core.models import AuditEntry
from samenspel.directory.models import Group, SearchDocument, SupportPointSettings
from samenspel.directory.search import Filters, search
from samenspel.finder.models import Question
from samenspel.workspace.models import ChangeRequest, GroupContact, Membership, Role
from tests.personas import make_user, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    cache.clear()


@pytest.fixture
def initiative(group: Group) -> Group:
    group.status = "initiative"
    group.save()
    return group


@pytest.fixture
def initiator(initiative: Group) -> Any:
    user = make_user("initiator@example.org")
    GroupContact.objects.create(user=user, group=initiative)
    return user


def _edit_form(group: Group, **changes: Any) -> dict[str, Any]:
    from samenspel.workspace.services.self_service import GROUP_FIELDS, group_editable_values

    values = group_editable_values(group)
    data = {name: values[name] or "" for name in GROUP_FIELDS if name not in ("seeking_others", "cost_amount")}
    data.update(changes)
    return data


def _on_the_map(group: Group) -> bool:
    found = search("somber", Filters(), interface_language="nl")
    return any(hit.group.pk == group.pk for hit in found.hits)


def test_an_initiative_without_the_wish_is_not_on_the_map(initiative: Group) -> None:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    assert not Group.objects.public().filter(pk=initiative.pk).exists()
    assert not SearchDocument.objects.filter(group=initiative).exists()
    assert not _on_the_map(initiative)
    assert client.get(f"/groep/{initiative.slug}/").status_code == 404
    assert client.get(f"/groep/{initiative.slug}/vraag/").status_code == 404
    assert initiative.slug not in client.get("/api/hsds/services").content.decode()


def test_the_initiator_puts_the_initiative_on_the_map_and_people_can_ask_to_join(
    initiative: Group, initiator: Any, django_capture_on_commit_callbacks: Any
) -> None:
    workspace = sign_in(Client(HTTP_ACCEPT_LANGUAGE="en"), initiator)
    edit_page = workspace.get(f"/werkplek/groep/{initiative.uuid}/bewerken/").content.decode()
    assert 'name="seeking_others"' in edit_page
    with django_capture_on_commit_callbacks(execute=True):
        response = workspace.post(
            f"/werkplek/groep/{initiative.uuid}/bewerken/", _edit_form(initiative, seeking_others="on")
        )
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.seeking_others
    entry = AuditEntry.objects.get(object_type="directory.group", object_id=str(initiative.pk), action="changed")
    assert entry.changes["seeking_others"] == [False, True]
    assert entry.actor_id == initiator.pk

    # Found by search, labelled as an initiative looking for others.
    assert _on_the_map(initiative)
    public = Client(HTTP_ACCEPT_LANGUAGE="en")
    results = public.get("/", {"q": "somber"}).content.decode()
    assert initiative.name_en in results
    assert "new initiative, looking for others in the same situation" in results
    page = public.get(f"/groep/{initiative.slug}/").content.decode()
    assert "This is a new initiative: there is no group yet." in page
    assert f'href="/groep/{initiative.slug}/vraag/"' in page

    # Getting in touch goes through the anonymous question form.
    answer = {
        "message": "Ik zou graag meedoen.",
        "reply_by": "email",
        "reply_email": "lotgenoot@example.net",
        "reply_phone": "",
        "preferred_language": "nl",
        "website": "",
    }
    assert public.post(f"/groep/{initiative.slug}/vraag/", answer).status_code == 302
    assert Question.objects.get().group == initiative

    # Open data reads the same public groups.
    assert initiative.slug in public.get("/api/hsds/services").content.decode() or str(initiative.uuid) in (
        public.get("/api/hsds/services").content.decode()
    )

    # Taking the wish back takes it off the map.
    with django_capture_on_commit_callbacks(execute=True):
        workspace.post(f"/werkplek/groep/{initiative.uuid}/bewerken/", _edit_form(initiative))
    assert not _on_the_map(initiative)
    assert public.get(f"/groep/{initiative.slug}/").status_code == 404


def test_with_review_the_wish_waits_for_the_support_point(
    initiative: Group, initiator: Any, django_capture_on_commit_callbacks: Any
) -> None:
    SupportPointSettings.objects.create(support_point=initiative.support_point, review_changes=True)
    workspace = sign_in(Client(HTTP_ACCEPT_LANGUAGE="en"), initiator)
    workspace.post(f"/werkplek/groep/{initiative.uuid}/bewerken/", _edit_form(initiative, seeking_others="on"))
    change = ChangeRequest.objects.get()
    assert change.changes == {"seeking_others": [False, True]}
    initiative.refresh_from_db()
    assert not initiative.seeking_others

    editor = make_user("editor@steunpunt.example.org")
    Membership.objects.create(user=editor, support_point=initiative.support_point, role=Role.EDITOR)
    staff = sign_in(Client(HTTP_ACCEPT_LANGUAGE="en"), editor)
    review = staff.get(f"/werkplek/wijziging/{change.uuid}/").content.decode()
    assert "show this initiative on the map to find others in the same situation" in review
    assert "<del>no</del>" in review and "<ins>yes</ins>" in review
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(f"/werkplek/wijziging/{change.uuid}/goedkeuren/")
    assert _on_the_map(initiative)


def test_only_an_initiative_is_offered_the_choice(group: Group) -> None:
    contact = make_user("contact@example.org")
    GroupContact.objects.create(user=contact, group=group)
    workspace = sign_in(Client(HTTP_ACCEPT_LANGUAGE="en"), contact)
    assert 'name="seeking_others"' not in workspace.get(f"/werkplek/groep/{group.uuid}/bewerken/").content.decode()
    # Saving the page of an active group does not touch the flag.
    workspace.post(f"/werkplek/groep/{group.uuid}/bewerken/", _edit_form(group, name_en="Low mood"))
    group.refresh_from_db()
    assert group.name_en == "Low mood"
    assert not group.seeking_others


def test_a_stopped_group_stays_off_the_map_whatever_the_flag(group: Group) -> None:
    group.status = "stopped"
    group.seeking_others = True
    group.save()
    assert not Group.objects.public().filter(pk=group.pk).exists()
