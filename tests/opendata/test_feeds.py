"""The Meeting Guide feed and the iCalendar feed of a search or region."""

from __future__ import annotations

import datetime
import re

import icalendar
import pytest
from django.test import Client

from samenspel.directory import search_index
from samenspel.directory.models import Group, Language, Location, Schedule
from samenspel.directory.recurrence import AMSTERDAM

pytestmark = pytest.mark.django_db


def meetings_of(client: Client, group: Group) -> list[dict[str, object]]:
    response = client.get("/api/meeting-guide.json")
    assert response.status_code == 200
    return [m for m in response.json() if str(m["slug"]).startswith(group.slug + "-")]


def test_a_weekly_group_is_a_meeting_guide_meeting(client: Client, group: Group) -> None:
    group.languages.add(Language.objects.get(code="en"))
    assert group.location is not None
    group.location.wheelchair_accessible = True
    group.location.save()
    (meeting,) = meetings_of(client, group)
    assert meeting["name"] == "Lotgenotengroep depressie" or meeting["name"] == "Peer group depression"
    assert meeting["day"] == 4  # Thursday; Sunday is 0
    assert (meeting["time"], meeting["end_time"]) == ("19:30", "21:00")
    assert meeting["types"] == ["O", "EN", "X"]  # Dutch has no Meeting Guide type
    assert meeting["address"] == "Boogstraat 12" and meeting["postal_code"] == "5611AB"
    assert meeting["region"] == "Eindhoven"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", str(meeting["updated"]))
    assert str(meeting["url"]).endswith(f"/groep/{group.slug}/")


def test_women_only_and_closed_intake_map_to_w_and_c(client: Client, group: Group) -> None:
    group.gender, group.intake = "women", "contact_first"
    group.save()
    (meeting,) = meetings_of(client, group)
    assert meeting["types"] == ["W", "C"]


def test_an_online_group_is_onl_without_a_link(client: Client, group: Group) -> None:
    group.location = Location.objects.create(disclosure="online", online_url="https://meet.example.org/x-42")
    group.save()
    (meeting,) = meetings_of(client, group)
    assert "ONL" in meeting["types"]  # type: ignore[operator]
    assert "conference_url" not in meeting and "address" not in meeting
    assert "meet.example.org" not in client.get("/api/meeting-guide.json").content.decode()


def test_an_area_only_place_is_given_as_its_town_only(client: Client, group: Group) -> None:
    assert group.location is not None
    group.location.disclosure = "area"
    group.location.save()
    (meeting,) = meetings_of(client, group)
    assert meeting["approximate"] == "yes" and meeting["city"] == "Eindhoven"
    assert "address" not in meeting and "postal_code" not in meeting and "latitude" not in meeting
    assert "Boogstraat" not in client.get("/api/meeting-guide.json").content.decode()


def test_a_monthly_schedule_is_in_the_meeting_guide_feed_with_its_rhythm_in_the_notes(
    client: Client, group: Group
) -> None:
    group.schedules.update(kind="monthly_nth_weekday", nth=1)
    (meeting,) = meetings_of(client, group)
    assert meeting["day"] == 4  # still Thursday: the first Thursday of the month
    assert str(meeting["notes"]).startswith("Meets every first Thursday of the month.")


def test_the_region_calendar_parses_and_holds_the_groups_found(client: Client, group: Group) -> None:
    Schedule.objects.filter(group=group).update(valid_from=datetime.date(2026, 1, 1))
    search_index.rebuild()
    response = client.get("/api/calendar.ics", {"place": "Eindhoven", "distance": 10, "q": "depressie"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    cal = icalendar.Calendar.from_ical(response.content)
    events = list(cal.walk("VEVENT"))
    assert len(events) == 1
    assert str(events[0]["summary"]) in ("Lotgenotengroep depressie", "Peer group depression")
    assert "FREQ=WEEKLY" in events[0]["rrule"].to_ical().decode()
    assert events[0].decoded("dtstart").tzinfo is not None
    assert [tz["tzid"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    assert events[0].decoded("dtstart").astimezone(AMSTERDAM).hour == 19


def test_the_region_calendar_shows_no_private_address(client: Client, group: Group) -> None:
    assert group.location is not None
    group.location.disclosure = "on_request"
    group.location.save()
    search_index.rebuild()
    body = client.get("/api/calendar.ics", {"place": "5611"}).content.decode()
    assert "BEGIN:VEVENT" in body
    assert "Boogstraat" not in body and "Buurthuis De Boog" not in body


def test_the_region_calendar_refuses_an_odd_distance(client: Client, db: None) -> None:
    assert client.get("/api/calendar.ics", {"distance": 7}).status_code == 400
    assert client.get("/api/calendar.ics", {"distance": "far"}).status_code == 400


def test_the_demo_region_calendar_has_an_event_per_schedule_found(client: Client, demo: dict[str, int]) -> None:
    response = client.get("/api/calendar.ics", {"place": "Eindhoven", "distance": 50})
    cal = icalendar.Calendar.from_ical(response.content)
    assert len(list(cal.walk("VEVENT"))) > 10
