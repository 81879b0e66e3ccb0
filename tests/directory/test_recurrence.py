"""Schedule recurrence: the dates a group meets, in Amsterdam wall-clock time."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from itertools import islice

import pytest
from django.utils import translation

from samenspel.directory.recurrence import AMSTERDAM, Rule, RuleKind, occurrences


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    # These tests read the English messages.
    with translation.override("en"):
        yield


T1930 = datetime.time(19, 30)
T2100 = datetime.time(21, 0)


def rule(kind: RuleKind, **kw: object) -> Rule:
    base: dict[str, object] = {
        "kind": kind,
        "start_time": T1930,
        "end_time": T2100,
        "valid_from": datetime.date(2026, 1, 1),
    }
    base.update(kw)
    return Rule(**base)  # type: ignore[arg-type]


def dates(r: Rule, after: datetime.datetime, n: int, skip: tuple[datetime.date, ...] = ()) -> list[datetime.date]:
    return [start.date() for start, _end in islice(occurrences(r, after=after, skip=skip), n)]


AFTER = datetime.datetime(2026, 11, 22, 12, 0, tzinfo=AMSTERDAM)  # a Sunday


def test_weekly_on_two_days_gives_both_days_in_order() -> None:
    r = rule(RuleKind.WEEKLY, weekdays=(0, 3))  # Monday and Thursday
    assert dates(r, AFTER, 4) == [
        datetime.date(2026, 11, 23),
        datetime.date(2026, 11, 26),
        datetime.date(2026, 11, 30),
        datetime.date(2026, 12, 3),
    ]


def test_every_two_weeks_counts_from_the_start_week() -> None:
    r = rule(RuleKind.EVERY_N_WEEKS, weekdays=(1,), interval=2, valid_from=datetime.date(2026, 11, 3))
    assert dates(r, AFTER, 3) == [datetime.date(2026, 12, 1), datetime.date(2026, 12, 15), datetime.date(2026, 12, 29)]


def test_first_tuesday_of_the_month() -> None:
    r = rule(RuleKind.MONTHLY_NTH_WEEKDAY, weekdays=(1,), nth=1)
    assert dates(r, AFTER, 3) == [datetime.date(2026, 12, 1), datetime.date(2027, 1, 5), datetime.date(2027, 2, 2)]


def test_last_friday_of_the_month_handles_four_and_five_friday_months() -> None:
    r = rule(RuleKind.MONTHLY_NTH_WEEKDAY, weekdays=(4,), nth=-1)
    assert dates(r, AFTER, 3) == [datetime.date(2026, 11, 27), datetime.date(2026, 12, 25), datetime.date(2027, 1, 29)]


def test_monthly_on_the_31st_skips_months_without_it() -> None:
    r = rule(RuleKind.MONTHLY_DATE, day_of_month=31)
    assert dates(r, AFTER, 3) == [datetime.date(2026, 12, 31), datetime.date(2027, 1, 31), datetime.date(2027, 3, 31)]


def test_explicit_dates_are_given_in_order_and_past_ones_left_out() -> None:
    r = rule(
        RuleKind.DATES,
        dates=(datetime.date(2027, 1, 10), datetime.date(2026, 12, 1), datetime.date(2026, 10, 1)),
    )
    assert dates(r, AFTER, 5) == [datetime.date(2026, 12, 1), datetime.date(2027, 1, 10)]


def test_cancelled_dates_are_skipped() -> None:
    r = rule(RuleKind.WEEKLY, weekdays=(3,))
    assert dates(r, AFTER, 2, skip=(datetime.date(2026, 11, 26),)) == [
        datetime.date(2026, 12, 3),
        datetime.date(2026, 12, 10),
    ]


def test_schedule_stops_at_its_end_date() -> None:
    r = rule(RuleKind.WEEKLY, weekdays=(3,), valid_until=datetime.date(2026, 12, 3))
    assert dates(r, AFTER, 10) == [datetime.date(2026, 11, 26), datetime.date(2026, 12, 3)]


def test_a_meeting_later_today_still_counts_but_one_that_started_does_not() -> None:
    r = rule(RuleKind.WEEKLY, weekdays=(6,))  # Sunday 19:30
    assert dates(r, AFTER, 1) == [datetime.date(2026, 11, 22)]
    evening = datetime.datetime(2026, 11, 22, 19, 31, tzinfo=AMSTERDAM)
    assert dates(r, evening, 1) == [datetime.date(2026, 11, 29)]


@pytest.mark.parametrize(
    ("after", "offsets"),
    [
        # Summer time starts on Sunday 29 March 2026: 19:30 stays 19:30, UTC moves from 18:30 to 17:30.
        (datetime.datetime(2026, 3, 20, tzinfo=AMSTERDAM), [1, 2]),
        # Winter time starts on Sunday 25 October 2026.
        (datetime.datetime(2026, 10, 20, tzinfo=AMSTERDAM), [2, 1]),
    ],
)
def test_wall_clock_time_is_kept_across_daylight_saving_changes(after: datetime.datetime, offsets: list[int]) -> None:
    r = rule(RuleKind.WEEKLY, weekdays=(3,))  # Thursdays, either side of the change
    starts = [s for s, _e in islice(occurrences(r, after=after), 2)]
    assert [s.astimezone(AMSTERDAM).time() for s in starts] == [T1930, T1930]
    assert [int(s.utcoffset().total_seconds() // 3600) for s in starts] == offsets  # type: ignore[union-attr]
    utc_hours = [s.astimezone(datetime.UTC).hour for s in starts]
    assert utc_hours == [19 - offsets[0], 19 - offsets[1]]


def test_a_meeting_on_the_day_of_the_change_has_the_new_offset() -> None:
    r = rule(RuleKind.WEEKLY, weekdays=(6,), start_time=datetime.time(14, 0), end_time=datetime.time(16, 0))
    start, end = next(occurrences(r, after=datetime.datetime(2026, 3, 29, tzinfo=AMSTERDAM)))
    assert start.date() == datetime.date(2026, 3, 29)
    assert start.utcoffset() == datetime.timedelta(hours=2)
    assert end - start == datetime.timedelta(hours=2)


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        (
            {"kind": RuleKind.WEEKLY, "weekdays": (1,), "valid_until": datetime.date(2025, 12, 1)},
            "ends before it starts",
        ),
        ({"kind": RuleKind.WEEKLY, "weekdays": ()}, "at least one day"),
        ({"kind": RuleKind.WEEKLY, "weekdays": (1,), "end_time": datetime.time(19, 0)}, "meeting ends before"),
        ({"kind": RuleKind.MONTHLY_NTH_WEEKDAY, "weekdays": (1,), "nth": 5}, "last week of the month"),
        ({"kind": RuleKind.MONTHLY_DATE, "day_of_month": 32}, "1 to 31"),
        ({"kind": RuleKind.DATES, "dates": ()}, "at least one date"),
    ],
)
def test_invalid_rules_say_what_is_wrong(kw: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        rule(**kw).validate()  # type: ignore[arg-type]
