"""The calendar feed: expanding its RRULEs gives exactly the meetings the site shows, across summer time."""

from __future__ import annotations

import datetime
from itertools import islice, pairwise

import icalendar
import pytest
from dateutil.rrule import rrulestr
from django.test import Client

from samenspel.directory.models import Cancellation, Group, Location, Schedule
from samenspel.directory.recurrence import AMSTERDAM

pytestmark = pytest.mark.django_db


@pytest.fixture
def client() -> Client:
    # English is the source language: these assertions keep holding once the Dutch .po files arrive.
    return Client(HTTP_ACCEPT_LANGUAGE="en")


# Summer time ends on 25 October 2026 and starts on 28 March 2027: ten meetings cross at least one.
AFTER = datetime.datetime(2026, 10, 1, 12, 0, tzinfo=AMSTERDAM)


def feed(client: Client, group: Group) -> icalendar.Calendar:
    response = client.get(f"/groep/{group.slug}/agenda.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def exdates(event: icalendar.Event) -> set[datetime.datetime]:
    value = event.get("exdate")
    if value is None:
        return set()
    lists = value if isinstance(value, list) else [value]
    return {item.dt for dates in lists for item in dates.dts}


def expand(cal: icalendar.Calendar, after: datetime.datetime, count: int) -> list[datetime.datetime]:
    """A plain expansion, as a calendar app does it: RRULE from DTSTART, minus EXDATEs."""
    found: list[datetime.datetime] = []
    for event in cal.walk("VEVENT"):
        start = event.decoded("dtstart")
        if "rrule" not in event:
            found.append(start)
            continue
        rule = rrulestr(event["rrule"].to_ical().decode(), dtstart=start)
        skip = exdates(event)
        found.extend(islice((dt for dt in rule.xafter(after, inc=True) if dt not in skip), count))
    return sorted(dt for dt in found if dt >= after)[:count]


def reschedule(group: Group, **fields: object) -> Schedule:
    group.schedules.all().delete()
    base: dict[str, object] = {
        "start_time": datetime.time(19, 30),
        "end_time": datetime.time(21, 30),
        "valid_from": datetime.date(2026, 1, 1),
    }
    base.update(fields)
    schedule = Schedule(group=group, **base)
    schedule.full_clean()
    schedule.save()
    return schedule


def assert_same_as_site(client: Client, group: Group) -> list[datetime.datetime]:
    expected = group.next_meetings(10, after=AFTER)
    got = expand(feed(client, group), AFTER, 10)
    assert got == expected
    assert [dt.hour for dt in got] == [dt.hour for dt in expected]  # wall-clock time kept over the change
    return got


def crosses_summer_time(dates: list[datetime.datetime]) -> bool:
    return len({dt.utcoffset() for dt in dates}) == 2


def test_weekly_meetings_with_a_cancellation_match_the_site(client: Client, group: Group) -> None:
    schedule = reschedule(group, kind="weekly", weekdays=[1, 3])  # Tuesday and Thursday
    Cancellation.objects.create(schedule=schedule, date=datetime.date(2026, 10, 27))

    got = assert_same_as_site(client, group)

    assert crosses_summer_time(got)
    assert datetime.datetime(2026, 10, 27, 19, 30, tzinfo=AMSTERDAM) not in got


def test_every_two_weeks_counts_weeks_from_the_start_date(client: Client, group: Group) -> None:
    # Starts on a Wednesday: the first Monday is in the next counted week, two weeks on.
    reschedule(group, kind="every_n_weeks", interval=2, weekdays=[0], valid_from=datetime.date(2026, 1, 7))

    got = assert_same_as_site(client, group)

    assert crosses_summer_time(got)
    assert all((b - a).days == 14 for a, b in pairwise(got))


def test_every_two_weeks_stops_at_the_end_date(client: Client, group: Group) -> None:
    reschedule(
        group,
        kind="every_n_weeks",
        interval=2,
        weekdays=[2, 4],
        valid_from=datetime.date(2026, 9, 2),
        valid_until=datetime.date(2026, 11, 13),
    )
    got = assert_same_as_site(client, group)
    assert len(got) == 7
    assert got[-1].date() == datetime.date(2026, 11, 13)  # the end date itself still counts


def test_the_last_friday_of_the_month_matches_the_site(client: Client, group: Group) -> None:
    schedule = reschedule(group, kind="monthly_nth_weekday", weekdays=[4], nth=-1)
    Cancellation.objects.create(schedule=schedule, date=datetime.date(2026, 12, 25))

    got = assert_same_as_site(client, group)

    assert crosses_summer_time(got)
    assert datetime.date(2026, 12, 25) not in [dt.date() for dt in got]


def test_the_first_tuesday_of_the_month_matches_the_site(client: Client, group: Group) -> None:
    reschedule(group, kind="monthly_nth_weekday", weekdays=[1], nth=1)
    assert crosses_summer_time(assert_same_as_site(client, group))


def test_a_monthly_date_skips_months_without_that_day(client: Client, group: Group) -> None:
    reschedule(group, kind="monthly_date", day_of_month=31)
    got = assert_same_as_site(client, group)
    assert all(dt.day == 31 for dt in got)


def test_explicit_dates_match_the_site_and_leave_out_cancelled_ones(client: Client, group: Group) -> None:
    days = [datetime.date(2026, 10, 1) + datetime.timedelta(days=9 * i) for i in range(12)]
    schedule = reschedule(group, kind="dates", dates=[d.isoformat() for d in days])
    Cancellation.objects.create(schedule=schedule, date=days[3])

    got = assert_same_as_site(client, group)

    assert crosses_summer_time(got)
    assert days[3] not in [dt.date() for dt in got]


def test_two_schedules_merge_into_one_feed(client: Client, group: Group) -> None:
    Schedule.objects.create(
        group=group,
        kind="monthly_nth_weekday",
        weekdays=[5],
        nth=2,
        start_time=datetime.time(10, 0),
        end_time=datetime.time(12, 0),
        valid_from=datetime.date(2026, 1, 1),
    )
    assert_same_as_site(client, group)


def test_the_feed_has_a_time_zone_and_events_in_amsterdam_time(client: Client, group: Group) -> None:
    response = client.get(f"/groep/{group.slug}/agenda.ics")
    text = response.content.decode()

    assert "BEGIN:VTIMEZONE" in text and "TZID:Europe/Amsterdam" in text
    assert "DTSTART;TZID=Europe/Amsterdam:" in text
    event = icalendar.Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["summary"]) == "Peer group depression"
    assert str(event["location"]) == "Buurthuis De Boog, Eindhoven"


@pytest.mark.parametrize("disclosure", ["area", "on_request", "online"])
def test_the_feed_gives_only_the_public_label_of_the_place(
    client: Client, group: Group, location: Location, disclosure: str
) -> None:
    location.disclosure = disclosure
    location.online_url = "https://meet.example.org/secret-room-42" if disclosure == "online" else ""
    location.save()

    text = client.get(f"/groep/{group.slug}/agenda.ics").content.decode()

    assert "Boogstraat" not in text and "5611" not in text and "meet.example.org" not in text
    assert "LOCATION:" in text
