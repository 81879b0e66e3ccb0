from __future__ import annotations

import datetime

from django.utils import timezone

from samenspel.core.models import AuditEntry
from samenspel.directory.models import Cancellation, Location
from samenspel.workspace.models import ChangeRequest, ChangeStatus, Role, SupportPointSettings
from samenspel.workspace.services import group_editable_values
from tests.workspace.conftest import sign_in


def _form(group, **overrides):
    values = group_editable_values(group)
    data = {
        "name_nl": values["name_nl"],
        "name_en": values["name_en"] or "",
        "description_nl": values["description_nl"] or "",
        "description_en": values["description_en"] or "",
        "first_visit_nl": values["first_visit_nl"] or "",
        "first_visit_en": values["first_visit_en"] or "",
        "intake": values["intake"],
        "cost": values["cost"],
        "cost_amount": "",
        "weekday": values["schedule.weekday"],
        "start_time": values["schedule.start_time"][:5],
        "end_time": values["schedule.end_time"][:5],
        "disclosure": values["location.disclosure"],
    }
    data.update(overrides)
    return data


def _review_on(support_point):
    SupportPointSettings.objects.create(support_point=support_point, review_changes=True)


def test_without_review_a_contact_persons_change_goes_live_at_once(client, group, contact):
    sign_in(client, contact)
    response = client.post(
        f"/werkplek/groep/{group.uuid}/bewerken/",
        _form(group, start_time="20:00", end_time="21:30", name_en="Low mood"),
    )
    assert response.status_code == 302
    group.refresh_from_db()
    schedule = group.schedules.get()
    assert (schedule.start_time, schedule.end_time) == (datetime.time(20, 0), datetime.time(21, 30))
    assert group.name_en == "Low mood"
    assert not ChangeRequest.objects.exists()
    assert AuditEntry.objects.filter(object_type="directory.schedule", action="changed").exists()
    assert AuditEntry.objects.filter(object_type="directory.group", action="changed").exists()


def test_with_review_a_change_waits_and_shows_a_diff_per_field(client, group, contact, member):
    _review_on(group.support_point)
    sign_in(client, contact)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    client.post(
        f"/werkplek/groep/{group.uuid}/bewerken/",
        _form(group, start_time="20:00", cancel_date=tomorrow.isoformat(), cancel_reason="Holiday"),
    )
    group.refresh_from_db()
    assert group.schedules.get().start_time == datetime.time(19, 30)
    change = ChangeRequest.objects.get()
    assert change.changes["schedule.start_time"] == ["19:30:00", "20:00:00"]
    assert change.changes["cancellation.add"][1]["date"] == tomorrow.isoformat()
    assert set(change.changes) == {"schedule.start_time", "cancellation.add"}

    client.logout()
    sign_in(client, member(Role.EDITOR))
    page = client.get(f"/werkplek/wijziging/{change.uuid}/").content.decode()
    assert "19:30:00" in page and "20:00:00" in page
    assert client.post(f"/werkplek/wijziging/{change.uuid}/goedkeuren/").status_code == 302
    change.refresh_from_db()
    assert change.status == ChangeStatus.APPROVED
    assert group.schedules.get().start_time == datetime.time(20, 0)
    assert Cancellation.objects.filter(date=tomorrow, reason="Holiday").exists()
    assert AuditEntry.objects.filter(object_type="workspace.changerequest", action="approved").exists()
    # The public page shows the new time.
    assert "20:00" in client.get(f"/groep/{group.slug}/").content.decode()


def test_a_rejected_change_changes_nothing(client, group, member, change_request):
    sign_in(client, member(Role.EDITOR))
    client.post(f"/werkplek/wijziging/{change_request.uuid}/afwijzen/", {"note": "Not now"})
    change_request.refresh_from_db()
    group.refresh_from_db()
    assert change_request.status == ChangeStatus.REJECTED
    assert group.name_en == "Peer group depression"


def test_a_contact_person_cannot_approve_their_own_change(client, group, contact, change_request):
    sign_in(client, contact)
    assert client.get(f"/werkplek/wijziging/{change_request.uuid}/").status_code == 200
    assert client.post(f"/werkplek/wijziging/{change_request.uuid}/goedkeuren/").status_code == 403


def test_a_change_that_breaks_a_rule_is_shown_and_nothing_is_written(client, group, contact):
    sign_in(client, contact)
    group.location.street = ""
    group.location.disclosure = "area"
    group.location.save()
    response = client.post(f"/werkplek/groep/{group.uuid}/bewerken/", _form(group, disclosure="public", name_en="X"))
    assert response.status_code == 200
    assert response.context["errors"]
    assert "ws-error" in response.content.decode()
    group.refresh_from_db()
    assert group.name_en == "Peer group depression"


def test_changing_the_disclosure_of_a_shared_place_leaves_other_groups_alone(client, group, other_group, contact):
    other_group.location = group.location
    other_group.save()
    sign_in(client, contact)
    client.post(f"/werkplek/groep/{group.uuid}/bewerken/", _form(group, disclosure="on_request"))
    group.refresh_from_db()
    other_group.refresh_from_db()
    assert group.location.disclosure == "on_request"
    assert other_group.location.disclosure == "public"
    assert Location.objects.count() == 2


def test_an_end_before_the_start_is_refused(client, group, contact):
    sign_in(client, contact)
    response = client.post(
        f"/werkplek/groep/{group.uuid}/bewerken/", _form(group, start_time="21:00", end_time="20:00")
    )
    assert response.status_code == 200
    assert group.schedules.get().start_time == datetime.time(19, 30)
