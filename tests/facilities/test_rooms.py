"""Rooms: a group asks, the support point books (or a clash refuses it and changes nothing), the calendar shows it."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from samenspel.directory.models import Disclosure, Group, Organisation
from samenspel.facilities import services
from samenspel.facilities.models import RequestStatus, Room, RoomBooking, RoomRequest
from tests.facilities.conftest import next_weekday
from tests.personas import sign_in

pytestmark = pytest.mark.django_db


def _ask(group: Group, room: Room, first: datetime.date, start: int = 20, end: int = 22, weeks: int = 2) -> RoomRequest:
    return services.room_request_create(
        group=group,
        room=room,
        first_date=first,
        start_time=datetime.time(start, 0),
        end_time=datetime.time(end, 0),
        weeks=weeks,
        every_weeks=1,
        message="",
        actor=None,
    )


def test_asking_for_a_room_tells_the_support_point(room_request: RoomRequest) -> None:
    [notice] = mail.outbox
    assert notice.to == ["info@steunpunt.example.org"]
    assert "/werkplek/steunpunt-test/zaalaanvragen/" in notice.body
    assert len(room_request.dates()) == 4


def test_booking_makes_one_booking_per_date_and_mails_the_group(room_request: RoomRequest) -> None:
    mail.outbox.clear()
    bookings = services.room_request_book(request=room_request, actor=None)
    assert [b.date for b in bookings] == room_request.dates()
    room_request.refresh_from_db()
    assert room_request.status == RequestStatus.BOOKED
    [booked] = mail.outbox
    assert booked.to == [room_request.group.contact_email]
    assert "Emmasingel 22" in booked.body and "Balie" in booked.body


def test_a_double_booking_is_refused_shows_the_clash_and_changes_nothing(room_request, other_group, room) -> None:
    services.room_request_book(request=room_request, actor=None)
    overlap = _ask(other_group, room, room_request.first_date + datetime.timedelta(weeks=1), start=21, end=23)
    assert [b.date for b in services.clashes(overlap)] == [
        overlap.first_date,
        overlap.first_date + datetime.timedelta(weeks=1),
    ]
    with pytest.raises(services.Clash) as refused:
        services.room_request_book(request=overlap, actor=None)
    assert len(refused.value.clashes) == 2
    overlap.refresh_from_db()
    assert overlap.status == RequestStatus.ASKED
    assert RoomBooking.objects.filter(request=overlap).count() == 0


def test_back_to_back_meetings_do_not_clash(room_request, other_group, room) -> None:
    services.room_request_book(request=room_request, actor=None)
    after = _ask(other_group, room, room_request.first_date, start=21, end=23)
    after.start_time = datetime.time(21, 30)
    after.save()
    assert services.clashes(after) == []


def test_a_request_booked_twice_books_once(room_request) -> None:
    services.room_request_book(request=room_request, actor=None)
    with pytest.raises(services.NotAsked):
        services.room_request_book(request=room_request, actor=None)
    assert RoomBooking.objects.count() == 4


def test_the_room_can_become_the_groups_meeting_place_and_the_group_keeps_its_disclosure(room_request, group) -> None:
    group.location.disclosure = Disclosure.AREA
    group.location.save()
    services.room_request_book(request=room_request, actor=None, make_meeting_place=True)
    group.refresh_from_db()
    assert group.location.street == "Emmasingel 22"
    assert group.location.disclosure == Disclosure.AREA
    assert group.location.wheelchair_accessible


def test_declining_mails_the_reason(room_request) -> None:
    mail.outbox.clear()
    services.room_request_decline(request=room_request, reason="De zaal is dicht in de zomer.", actor=None)
    assert "dicht in de zomer" in mail.outbox[0].body
    room_request.refresh_from_db()
    assert room_request.status == RequestStatus.DECLINED


def test_a_group_cannot_ask_for_a_room_of_another_support_point(group) -> None:
    elders = Organisation.objects.create(slug="elders", kind="support_point", name="Elders")
    foreign = Room.objects.create(
        support_point=elders, name="Zaal", street="Straat 1", postcode="5611 AB", town="Eindhoven", capacity=5
    )
    with pytest.raises(ValueError):
        _ask(group, foreign, next_weekday(2))
    assert RoomRequest.objects.count() == 0


def test_requests_are_deleted_a_year_after_their_last_date(room_request) -> None:
    last = room_request.dates()[-1]
    assert services.room_requests_purge(today=last + datetime.timedelta(days=365)) == 0
    assert services.room_requests_purge(today=last + datetime.timedelta(days=366)) == 1
    assert RoomRequest.objects.count() == 0


def test_the_purge_command_runs_daily(room_request) -> None:
    call_command("purge_facilities")
    assert RoomRequest.objects.count() == 1


def test_the_contact_asks_the_editor_books_and_the_calendar_shows_it(
    client, personas, group, room, other_group
) -> None:
    sign_in(client, personas["contact"])
    first = next_weekday(3)
    response = client.post(
        reverse("facilities:ask", kwargs={"group_uuid": group.uuid}),
        {
            "room": str(room.uuid),
            "first_date": first.isoformat(),
            "start_time": "19:30",
            "end_time": "21:00",
            "weeks": "3",
            "every_weeks": "2",
            "message": "",
        },
    )
    assert response.status_code == 302
    made = RoomRequest.objects.get()
    assert made.dates() == [first, first + datetime.timedelta(weeks=2), first + datetime.timedelta(weeks=4)]
    # The contact may read the request but not book it.
    url = reverse("facilities:request", kwargs={"request_uuid": made.uuid})
    assert client.get(url).status_code == 200
    assert client.post(url, {"action": "book"}).status_code == 403
    client.logout()
    sign_in(client, personas["editor"])
    assert client.post(url, {"action": "book"}).status_code == 302
    calendar = client.get(reverse("facilities:room", kwargs={"slug": room.support_point.slug, "room_uuid": room.uuid}))
    assert calendar.content.decode().count(group.name) == 3
    # Another group's overlapping request: the queue shows the clashes; booking it is refused with a clear message.
    clash = _ask(other_group, room, first, start=20, end=22, weeks=1)
    queue = client.get(reverse("facilities:requests", kwargs={"slug": room.support_point.slug})).content.decode()
    assert "1 botsing" in queue  # the workspace speaks Dutch
    refused = client.post(reverse("facilities:request", kwargs={"request_uuid": clash.uuid}), {"action": "book"})
    assert refused.status_code == 409
    assert "Er is niets veranderd" in refused.content.decode()
    assert RoomBooking.objects.filter(request=clash).count() == 0


@pytest.mark.parametrize(
    ("field", "value"),
    [("end_time", "19:00"), ("first_date", "2020-01-01"), ("weeks", "60"), ("every_weeks", "0")],
)
def test_a_bad_request_gets_a_clear_error_and_stores_nothing(client, personas, group, room, field, value) -> None:
    sign_in(client, personas["contact"])
    data = {
        "room": str(room.uuid),
        "first_date": next_weekday(3).isoformat(),
        "start_time": "19:30",
        "end_time": "21:00",
        "weeks": "1",
        "every_weeks": "1",
        "message": "",
        field: value,
    }
    response = client.post(reverse("facilities:ask", kwargs={"group_uuid": group.uuid}), data)
    assert response.status_code == 400
    assert RoomRequest.objects.count() == 0
