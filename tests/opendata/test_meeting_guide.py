"""The Meeting Guide feed carries every group it can express (issue #14, point 6).

The spec (code4recovery) is written for weekly meetings; feeds.py says how every other rhythm is given: the day(s)
and time of its meetings, with the real rhythm and the next dates in `notes`.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone, translation
from jsonschema import Draft202012Validator

from samenspel.directory.models import Cancellation, Disclosure, Group, GroupStatus, Location, Schedule
from samenspel.opendata import feeds
from tests.conftest import built_once
from tests.opendata.conftest import build_demo

pytestmark = pytest.mark.django_db

# Friday 4 December 2026, noon in Amsterdam.
NOW = datetime.datetime(2026, 12, 4, 12, 0, tzinfo=datetime.UTC)
URL = "https://samenspel.example.org/groep/x/"

# The spec's README (github.com/code4recovery/spec) as a schema: `name` and `slug` required; `day` 0-6 (Sunday is
# 0) or a list of those; times "HH:MM"; `updated` "YYYY-MM-DD HH:MM:SS"; `approximate` "yes"/"no"; `types` a list.
TIME = {"type": "string", "pattern": r"^([01]\d|2[0-3]):[0-5]\d$"}
DAY = {"type": "integer", "minimum": 0, "maximum": 6}
SPEC_SCHEMA: dict[str, Any] = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["name", "slug"],
        "properties": {
            "name": {"type": "string", "minLength": 1, "maxLength": 255},
            "slug": {"type": "string", "pattern": r"^[A-Za-z0-9_-]+$", "maxLength": 64},
            "day": {"oneOf": [DAY, {"type": "array", "items": DAY, "minItems": 1, "uniqueItems": True}]},
            "time": TIME,
            "end_time": TIME,
            "timezone": {"const": "Europe/Amsterdam"},
            "types": {"type": "array", "items": {"type": "string"}},
            "notes": {"type": "string", "not": {"pattern": "<[a-zA-Z/]"}},  # plain text, no HTML
            "updated": {"type": "string", "pattern": r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$"},
            "url": {"type": "string", "pattern": "^https?://"},
            "approximate": {"enum": ["yes", "no"]},
            "latitude": {"type": "number"},
            "longitude": {"type": "number"},
        },
        # Meeting Guide imports a meeting only with a day and a time.
        "dependentRequired": {"day": ["time"], "time": ["day"]},
    },
}


def feed_entries(group: Group, now: datetime.datetime = NOW) -> list[dict[str, Any]]:
    """The group's entries as the feed's own query reads it, in English."""
    found = feeds.meeting_guide_groups().filter(pk=group.pk).first()
    if found is None:
        return []
    with translation.override("en"):
        return list(feeds.meetings(found, URL, now=now))


def only_schedule(group: Group, **fields: Any) -> Schedule:
    Schedule.objects.filter(group=group).update(**fields)
    return Schedule.objects.get(group=group)


def test_several_weekdays_are_one_entry_with_a_list_of_days_and_no_rhythm_note(group: Group) -> None:
    only_schedule(group, weekdays=[0, 3])
    (entry,) = feed_entries(group)
    assert entry["day"] == [1, 4]  # Monday and Thursday; Sunday is 0
    assert (entry["time"], entry["end_time"]) == ("19:30", "21:00")
    assert "notes" not in entry


def test_every_two_weeks_keeps_its_weekday_and_says_its_rhythm_and_next_dates(group: Group) -> None:
    only_schedule(group, kind="every_n_weeks", interval=2, weekdays=[1])
    (entry,) = feed_entries(group)
    assert entry["day"] == 2  # Tuesday
    assert entry["notes"].splitlines() == [
        "Meets every 2 weeks on Tuesday.",
        "Next meetings: Tuesday 15 December 2026, Tuesday 29 December 2026 and Tuesday 12 January 2027.",
    ]


def test_the_last_friday_of_the_month_is_a_friday_with_its_rhythm_in_the_notes(group: Group) -> None:
    only_schedule(group, kind="monthly_nth_weekday", nth=-1, weekdays=[4])
    (entry,) = feed_entries(group)
    assert entry["day"] == 5
    assert entry["notes"].splitlines() == [
        "Meets every last Friday of the month.",
        "Next meetings: Friday 25 December 2026, Friday 29 January 2027 and Friday 26 February 2027.",
    ]


def test_a_date_of_the_month_gives_the_weekday_of_the_next_meeting(group: Group) -> None:
    only_schedule(group, kind="monthly_date", day_of_month=31, weekdays=[])
    (entry,) = feed_entries(group)
    assert entry["day"] == 4  # Thursday 31 December 2026
    assert entry["time"] == "19:30"
    assert entry["notes"].splitlines() == [
        "Meets every month on day 31.",
        # February has no 31st: no meeting that month.
        "Next meetings: Thursday 31 December 2026, Sunday 31 January 2027 and Wednesday 31 March 2027.",
    ]
    # A month on, the same entry (same slug) gives the next meeting's weekday.
    (later,) = feed_entries(group, now=datetime.datetime(2027, 1, 4, 12, tzinfo=datetime.UTC))
    assert later["slug"] == entry["slug"] and later["day"] == 0  # Sunday 31 January 2027


def test_set_dates_give_the_next_date_and_list_the_coming_ones(group: Group) -> None:
    only_schedule(group, kind="dates", weekdays=[], dates=["2026-11-28", "2026-12-19", "2027-01-09"])
    (entry,) = feed_entries(group)
    assert entry["day"] == 6  # Saturday 19 December 2026; 28 November has passed
    assert entry["notes"] == "Meets on set dates: Saturday 19 December 2026 and Saturday 9 January 2027."


def test_a_schedule_without_a_coming_meeting_is_left_out(group: Group) -> None:
    only_schedule(group, kind="dates", weekdays=[], dates=["2026-11-28"])
    assert feed_entries(group) == []
    only_schedule(group, kind="weekly", weekdays=[3], dates=[], valid_until=datetime.date(2026, 11, 30))
    assert feed_entries(group) == []


def test_an_end_date_a_later_start_and_a_cancelled_meeting_are_said_in_the_notes(group: Group) -> None:
    schedule = only_schedule(group, valid_until=datetime.date(2027, 3, 1))
    Cancellation.objects.create(schedule=schedule, date=datetime.date(2026, 12, 10))
    Cancellation.objects.create(schedule=schedule, date=datetime.date(2027, 2, 4))  # weeks away: not yet said
    (entry,) = feed_entries(group)
    assert entry["day"] == 4
    assert entry["notes"].splitlines() == [
        "Meets every Thursday, until 1 March 2027.",
        "No meeting on Thursday 10 December 2026.",
    ]
    only_schedule(group, valid_from=datetime.date(2027, 1, 7), valid_until=None)
    (entry,) = feed_entries(group)
    assert entry["notes"].splitlines() == ["Meets every Thursday.", "First meeting: Thursday 7 January 2027."]


def test_each_schedule_is_its_own_entry_with_its_own_slug(group: Group) -> None:
    Schedule.objects.create(
        group=group,
        kind="monthly_nth_weekday",
        nth=1,
        weekdays=[5],
        start_time=datetime.time(10, 0),
        end_time=datetime.time(12, 0),
        valid_from=datetime.date(2026, 1, 1),
    )
    group.slug = "x" * 80  # longer than the spec's 64: the schedule's number is kept
    group.save()
    entries = feed_entries(group)
    assert [(e["day"], e["time"]) for e in entries] == [(4, "19:30"), (6, "10:00")]
    slugs = [str(e["slug"]) for e in entries]
    assert len(set(slugs)) == 2 and all(len(s) <= 64 for s in slugs)
    assert [s.rsplit("-", 1)[1] for s in slugs] == [str(s.pk) for s in group.schedules.order_by("pk")]


def test_a_paused_group_is_not_in_the_feed(client: Client, group: Group) -> None:
    group.status = GroupStatus.PAUSED
    group.save()
    assert not any(m["url"].endswith(f"/groep/{group.slug}/") for m in client.get("/api/meeting-guide.json").json())


def test_a_monthly_group_at_an_address_on_request_is_given_by_its_town_only(client: Client, group: Group) -> None:
    assert group.location is not None
    group.location.disclosure = Disclosure.ON_REQUEST
    group.location.save()
    only_schedule(group, kind="monthly_nth_weekday", nth=2, weekdays=[1])
    (entry,) = (m for m in client.get("/api/meeting-guide.json").json() if m["url"].endswith(f"/{group.slug}/"))
    assert entry["approximate"] == "yes" and entry["city"] == "Eindhoven"
    assert not {"address", "postal_code", "latitude", "longitude", "location"} & set(entry)
    body = client.get("/api/meeting-guide.json").content.decode()
    assert "Boogstraat" not in body and "Buurthuis De Boog" not in body


def schedule_has_a_coming_meeting(schedule: Schedule, now: datetime.datetime) -> bool:
    return bool(schedule.next_occurrences(count=1, after=now))


# The demo region the tests of this class read: built once (tests/opendata/conftest.py, `build_demo`), each test in a
# savepoint inside it. Class-scoped: the module's other tests start from an empty database.
_demo_rows, demo = built_once(build_demo, name="demo", scope="class")


class TestTheDemoRegionFeed:
    """The feed of the whole demo region."""

    def test_the_demo_region_feed_holds_every_public_group_with_a_coming_meeting(
        self, client: Client, demo: dict[str, int]
    ) -> None:
        feed = client.get("/api/meeting-guide.json").json()
        now = timezone.now()
        in_feed = {str(m["url"]).rstrip("/").rsplit("/", 1)[1] for m in feed}
        left_out: dict[str, str] = {}
        expected: set[str] = set()
        expected_entries = 0
        kinds_in_feed: set[str] = set()
        for group in Group.objects.public().prefetch_related("schedules__cancellations"):
            coming = [s for s in group.schedules.all() if schedule_has_a_coming_meeting(s, now)]
            if group.status == GroupStatus.PAUSED:
                left_out[group.slug] = "paused"
            elif not coming:
                left_out[group.slug] = "no schedule with a coming meeting"
            else:
                expected.add(group.slug)
                expected_entries += len(coming)
                kinds_in_feed |= {s.kind for s in coming}
        print(f"\nMeeting Guide feed: {len(in_feed)} groups, {len(feed)} entries; left out: {left_out}")
        assert in_feed == expected
        assert len(feed) == expected_entries  # one entry per schedule with a coming meeting
        assert set(left_out.values()) <= {"paused", "no schedule with a coming meeting"}
        # Every rhythm is carried, not only weekly ones (before: 55 of the region's 136 public groups). The demo's set
        # dates run out a few months after its day, so they are checked by the count above and their own test.
        assert kinds_in_feed >= {"weekly", "every_n_weeks", "monthly_nth_weekday", "monthly_date"}
        assert len(in_feed) > 100

    def test_the_demo_region_feed_validates_against_the_spec(self, client: Client, demo: dict[str, int]) -> None:
        feed = client.get("/api/meeting-guide.json").json()
        errors = [f"{e.json_path}: {e.message}" for e in Draft202012Validator(SPEC_SCHEMA).iter_errors(feed)]
        assert errors == []
        slugs = [m["slug"] for m in feed]
        assert len(slugs) == len(set(slugs))  # "must be unique to your data set"
        for meeting in feed:
            # Meeting Guide imports a meeting with a day, a time and a place; an online group has no place to give.
            assert "day" in meeting and "time" in meeting
            assert "formatted_address" in meeting or "ONL" in meeting["types"]
            assert "conference_url" not in meeting

    def test_the_demo_region_feed_gives_no_address_that_is_not_public(
        self, client: Client, demo: dict[str, int]
    ) -> None:
        body = client.get("/api/meeting-guide.json").content.decode()
        public = Location.objects.filter(disclosure=Disclosure.PUBLIC)
        public_words = {w for loc in public for w in (loc.street, loc.postcode, loc.name)}
        hidden = Location.objects.exclude(disclosure__in=[Disclosure.PUBLIC, Disclosure.ONLINE])
        assert hidden.filter(groups__in=Group.objects.public()).exists()
        for loc in hidden:
            for word in (loc.street, loc.postcode):
                if word and word not in public_words:
                    assert word not in body, f"{word} of a location with disclosure {loc.disclosure}"
        assert not re.search(r"https?://(?!testserver/)", body)  # no online link, only our own group pages

    def test_the_feed_reads_the_region_in_a_fixed_number_of_queries(
        self, client: Client, demo: dict[str, int], django_assert_max_num_queries: Any
    ) -> None:
        with django_assert_max_num_queries(5):
            assert client.get("/api/meeting-guide.json").status_code == 200
