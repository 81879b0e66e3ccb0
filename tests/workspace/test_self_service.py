from __future__ import annotations

import datetime

from django.utils import timezone

from samenspel.core.models import AuditEntry
from samenspel.directory.models import Cancellation, Location, SupportPointSettings
from samenspel.workspace.models import ChangeRequest, ChangeStatus, Role
from samenspel.workspace.services.self_service import GROUP_FIELDS, group_editable_values
from tests.workspace.conftest import sign_in


def _form(group, **overrides):
    """The edit form as a browser posts it, every field at its current value; `start_time` etc. mean the first time."""
    values = group_editable_values(group)
    data = {name: values[name] or "" for name in GROUP_FIELDS if name not in ("seeking_others", "cost_amount")}
    data["cost_amount"] = ""
    data["disclosure"] = values["location.disclosure"]
    for schedule in group.schedules.order_by("id"):
        pk = schedule.pk
        if values[f"schedule.{pk}.weekday"] is not None:
            data[f"s{pk}_weekday"] = values[f"schedule.{pk}.weekday"]
        data[f"s{pk}_start_time"] = values[f"schedule.{pk}.start_time"][:5]
        data[f"s{pk}_end_time"] = values[f"schedule.{pk}.end_time"][:5]
    first = group.schedules.order_by("id").first()
    for short in ("weekday", "start_time", "end_time"):
        if short in overrides:
            data[f"s{first.pk}_{short}"] = overrides.pop(short)
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
    pk = group.schedules.get().pk
    assert change.changes[f"schedule.{pk}.start_time"] == ["19:30:00", "20:00:00"]
    assert change.changes["cancellation.add"][1]["date"] == tomorrow.isoformat()
    assert set(change.changes) == {f"schedule.{pk}.start_time", "cancellation.add"}

    client.logout()
    sign_in(client, member(Role.EDITOR))
    page = client.get(f"/werkplek/wijziging/{change.uuid}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Meeting time 1" in page and "starts at" in page
    assert "<del>19:30</del>" in page and "<ins>20:00</ins>" in page
    assert "Cancelled meeting" in page and "Holiday" in page
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


def _second_schedule(group):
    from samenspel.directory.models import Schedule

    return Schedule.objects.create(
        group=group,
        kind="every_n_weeks",
        interval=2,
        weekdays=[0],
        start_time=datetime.time(10, 0),
        end_time=datetime.time(11, 30),
        valid_from=datetime.date(2026, 1, 1),
    )


def test_every_meeting_time_and_cancellation_goes_through_review_field_by_field(client, group, contact, member):
    _review_on(group.support_point)
    first = group.schedules.get()
    second = _second_schedule(group)
    today = timezone.localdate()
    kept = Cancellation.objects.create(schedule=first, date=today + datetime.timedelta(days=20), reason="Holiday")
    sign_in(client, contact)
    page = client.get(f"/werkplek/groep/{group.uuid}/bewerken/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Meeting time 1" in page and "Meeting time 2" in page
    assert f'name="s{second.pk}_start_time"' in page and f'name="c{kept.pk}_undo"' in page

    in_a_week = today + datetime.timedelta(days=7)
    client.post(
        f"/werkplek/groep/{group.uuid}/bewerken/",
        _form(
            group,
            **{
                f"s{second.pk}_start_time": "10:30",
                f"s{second.pk}_weekday": "1",
                "new_weekday": "5",
                "new_start_time": "14:00",
                "new_end_time": "15:00",
                "cancel_schedule": str(second.pk),
                "cancel_date": in_a_week.isoformat(),
                f"c{kept.pk}_undo": "on",
            },
        ),
    )
    change = ChangeRequest.objects.get()
    assert change.changes == {
        f"schedule.{second.pk}.start_time": ["10:00:00", "10:30:00"],
        f"schedule.{second.pk}.weekday": [0, 1],
        "schedule.add": [None, {"weekday": 5, "start_time": "14:00:00", "end_time": "15:00:00"}],
        "cancellation.add": [None, {"date": in_a_week.isoformat(), "reason": "", "schedule": second.pk}],
        f"cancellation.{kept.pk}.remove": [False, True],
    }
    # Nothing is live yet.
    assert group.schedules.count() == 2
    assert Cancellation.objects.filter(pk=kept.pk).exists()

    client.logout()
    sign_in(client, member(Role.EDITOR))
    review = client.get(f"/werkplek/wijziging/{change.uuid}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Meeting time 2" in review and "<del>10:00</del>" in review and "<ins>10:30</ins>" in review
    assert "<del>Monday</del>" in review and "<ins>Tuesday</ins>" in review
    assert "New weekly meeting time" in review and "Saturday 14:00-15:00" in review
    assert "happens after all" in review
    assert client.post(f"/werkplek/wijziging/{change.uuid}/goedkeuren/").status_code == 302

    second.refresh_from_db()
    assert (second.weekdays, second.start_time, second.interval) == ([1], datetime.time(10, 30), 2)
    added = group.schedules.exclude(pk__in=[first.pk, second.pk]).get()
    assert (added.weekdays, added.start_time, added.end_time) == ([5], datetime.time(14), datetime.time(15))
    assert Cancellation.objects.filter(schedule=second, date=in_a_week).exists()
    assert not Cancellation.objects.filter(pk=kept.pk).exists()
    first.refresh_from_db()
    assert first.start_time == datetime.time(19, 30)
    actions = set(AuditEntry.objects.values_list("object_type", "action"))
    assert {
        ("directory.schedule", "changed"),
        ("directory.schedule", "created"),
        ("directory.group", "cancellation"),
        ("directory.group", "cancellation_removed"),
    } <= actions


def test_a_contact_person_stops_one_meeting_time_and_keeps_the_other(client, group, contact):
    first = group.schedules.get()
    second = _second_schedule(group)
    sign_in(client, contact)
    response = client.post(f"/werkplek/groep/{group.uuid}/bewerken/", _form(group, **{f"s{first.pk}_remove": "on"}))
    assert response.status_code == 302
    assert list(group.schedules.all()) == [second]
    entry = AuditEntry.objects.get(object_type="directory.schedule", action="removed")
    assert entry.object_id == str(first.pk)
    assert entry.changes["start_time"] == ["19:30:00", None]


def test_approving_a_change_to_a_meeting_time_that_is_gone_changes_nothing(client, group, contact, member):
    _review_on(group.support_point)
    second = _second_schedule(group)
    sign_in(client, contact)
    client.post(
        f"/werkplek/groep/{group.uuid}/bewerken/",
        _form(group, name_en="Low mood", **{f"s{second.pk}_start_time": "10:30"}),
    )
    change = ChangeRequest.objects.get()
    second.delete()
    client.logout()
    sign_in(client, member(Role.EDITOR))
    response = client.post(f"/werkplek/wijziging/{change.uuid}/goedkeuren/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "no longer exists" in response.content.decode()
    group.refresh_from_db()
    change.refresh_from_db()
    assert group.name_en == "Peer group depression"
    assert change.status == ChangeStatus.PENDING


def test_a_new_meeting_time_needs_a_day_a_start_and_an_end(client, group, contact):
    sign_in(client, contact)
    response = client.post(
        f"/werkplek/groep/{group.uuid}/bewerken/", _form(group, new_weekday="2", new_start_time="14:00")
    )
    assert response.status_code == 200
    assert response.context["form"].errors["new_weekday"]
    assert group.schedules.count() == 1
