"""Rooms in a real browser: a group's contact person asks for a room for a schedule, the support point sees it,
books it as the group's new meeting place, and the group's public page shows the new place; the group's mail
arrives through a real SMTP server. A second, overlapping request shows its clash and cannot be booked."""

from __future__ import annotations

import datetime

import pytest

from samenspel.directory.models import Group
from samenspel.facilities import services
from samenspel.facilities.models import RequestStatus, Room, RoomBooking, RoomRequest
from tests.facilities.conftest import next_weekday
from tests.personas import PASSWORD
from tests.public_notes.test_browser_journeys import _staff_sign_in

pytestmark = pytest.mark.browser


def test_a_group_asks_for_a_room_the_support_point_books_it_and_the_group_page_shows_the_new_place(
    live_server, make_page, group: Group, other_group: Group, room: Room, people, smtp_sink
) -> None:
    base = live_server.url
    contact = people["contact"]
    first = next_weekday(2)

    asker = make_page(locale="en-GB", viewport=(320, 800), javascript=False)
    ask = f"/werkplek/groep/{group.uuid}/zaal-aanvragen/"
    asker.goto(base + ask)
    asker.fill("#id_pw-email", contact.email)
    asker.fill("#id_pw-password", PASSWORD)
    with asker.expect_navigation():
        asker.click("button[name=password_sign_in]")
    assert asker.url.endswith(ask), asker.url
    asker.check(f"input[name=room][value='{room.uuid}']")
    asker.fill("#id_first_date", first.isoformat())
    asker.fill("#id_start_time", "19:30")
    asker.fill("#id_end_time", "21:30")
    asker.fill("#id_weeks", "6")
    asker.fill("#id_every_weeks", "2")
    asker.fill("#id_message", "We zijn met ongeveer tien mensen.")
    asker.click("main form button.primary")
    request = RoomRequest.objects.get()
    assert request.dates()[-1] == first + datetime.timedelta(weeks=10)
    assert smtp_sink.to(group.support_point.email)  # the support point's notice

    # Another group asks for an overlapping evening before it is booked.
    other = services.room_request_create(
        group=other_group,
        room=room,
        first_date=first + datetime.timedelta(weeks=2),
        start_time=datetime.time(20, 0),
        end_time=datetime.time(22, 0),
        weeks=1,
        every_weeks=1,
        message="",
        actor=None,
    )

    staff = make_page(locale="en-GB", javascript=False)
    queue = f"/werkplek/{group.support_point.slug}/zaalaanvragen/"
    _staff_sign_in(staff, base, people["editor"], queue)
    staff.click(f"main a[href='/werkplek/zaalaanvraag/{request.uuid}/']")
    staff.check("#id_make_meeting_place")
    staff.click("button[name=book]")
    request.refresh_from_db()
    assert request.status == RequestStatus.BOOKED
    assert RoomBooking.objects.filter(request=request).count() == 6
    assert any("Emmasingel 22" in m.get_payload(decode=True).decode() for m in smtp_sink.to(group.contact_email))

    # The overlapping request: the queue says it clashes, and booking it changes nothing.
    staff.goto(base + queue)
    assert "1 clash" in staff.locator("main").inner_text()
    with staff.expect_navigation():
        staff.click(f"main a[href='/werkplek/zaalaanvraag/{other.uuid}/']")
    assert "Clashes" in staff.content()
    with staff.expect_navigation():
        staff.click("button[name=book]")
    assert "Nothing was changed" in staff.content()
    assert RoomBooking.objects.filter(request=other).count() == 0

    # The room's calendar, and the group's public page with its new place.
    staff.goto(base + f"/werkplek/{group.support_point.slug}/zalen/{room.uuid}/")
    assert staff.locator("table.room-calendar tbody tr").count() == 6
    visitor = make_page(viewport=(320, 800), javascript=False)
    visitor.goto(base + f"/groep/{group.slug}/")
    assert "Emmasingel 22" in visitor.content()
