"""Free-text schedules from real lists read into rules: what the words say, nothing invented, never an exception."""

from __future__ import annotations

import datetime

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samenspel.directory.recurrence import Rule, RuleKind
from samenspel.directory.schedule_text import describe_rule
from samenspel.directory.schedule_words import NO_END, NO_START, ScheduleReading, read_schedule

FROM = datetime.date(2026, 3, 1)
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def t(text: str) -> datetime.time:
    return datetime.time.fromisoformat(text)


def weekly(days: tuple[int, ...], start: str | None = None, end: str | None = None, **extra: object) -> Rule:
    return _rule(RuleKind.WEEKLY, start, end, weekdays=days, **extra)


def every(weeks: int, days: tuple[int, ...], start: str | None = None, end: str | None = None) -> Rule:
    return _rule(RuleKind.EVERY_N_WEEKS, start, end, weekdays=days, interval=weeks)


def nth(n: int, day: int, start: str | None = None, end: str | None = None) -> Rule:
    return _rule(RuleKind.MONTHLY_NTH_WEEKDAY, start, end, weekdays=(day,), nth=n)


def on_day(day: int, start: str | None = None, end: str | None = None) -> Rule:
    return _rule(RuleKind.MONTHLY_DATE, start, end, day_of_month=day)


def _rule(kind: RuleKind, start: str | None, end: str | None, **fields: object) -> Rule:
    values: dict[str, object] = {
        "kind": kind,
        "start_time": t(start) if start else NO_START,
        "end_time": t(end) if end else NO_END,
        "valid_from": FROM,
        **fields,
    }
    return Rule(**values)  # type: ignore[arg-type]


# (phrase, expected rules, missing time): phrases as they stand in lists of Dutch support points.
UNDERSTOOD = [
    ("elke 2e dinsdag", [nth(2, TUE)], True),
    ("elke 2e dinsdag 19:30-21:30", [nth(2, TUE, "19:30", "21:30")], False),
    ("iedere 2de dinsdag van de maand", [nth(2, TUE)], True),
    ("1e en 3e do", [nth(1, THU), nth(3, THU)], True),
    (
        "1e en 3e donderdag van de maand 14:00-16:00",
        [nth(1, THU, "14:00", "16:00"), nth(3, THU, "14:00", "16:00")],
        False,
    ),
    ("ma/wo 19:30-21:30", [weekly((MON, WED), "19:30", "21:30")], False),
    ("ma/wo 19.30 - 21.30 uur", [weekly((MON, WED), "19:30", "21:30")], False),
    ("ma en wo", [weekly((MON, WED))], True),
    ("Ma. en Wo.", [weekly((MON, WED))], True),
    ("ma, wo en vr 10:00-12:00", [weekly((MON, WED, FRI), "10:00", "12:00")], False),
    ("maandag t/m vrijdag", [weekly((MON, TUE, WED, THU, FRI))], True),
    ("maandag tot en met vrijdag 9:00-17:00", [weekly((MON, TUE, WED, THU, FRI), "09:00", "17:00")], False),
    ("ma-vr 9.00-17.00", [weekly((MON, TUE, WED, THU, FRI), "09:00", "17:00")], False),
    ("om de week woensdag 20:00", [every(2, (WED,), "20:00")], True),
    ("om de week op woensdag 20:00-22:00", [every(2, (WED,), "20:00", "22:00")], False),
    ("om de 2 weken op dinsdag", [every(2, (TUE,))], True),
    ("om de twee weken op dinsdag 19:00-21:00", [every(2, (TUE,), "19:00", "21:00")], False),
    ("om de 3 weken zaterdag 10:00-12:00", [every(3, (SAT,), "10:00", "12:00")], False),
    ("tweewekelijks op vrijdag", [every(2, (FRI,))], True),
    ("2-wekelijks, donderdag 13.30-15.30", [every(2, (THU,), "13:30", "15:30")], False),
    ("laatste vrijdag van de maand", [nth(-1, FRI)], True),
    ("laatste vrijdag van de maand 10u-12u", [nth(-1, FRI, "10:00", "12:00")], False),
    ("iedere dinsdagavond", [weekly((TUE,))], True),
    ("dinsdag 19.30 - 21.30 uur", [weekly((TUE,), "19:30", "21:30")], False),
    ("di 19u30-21u30", [weekly((TUE,), "19:30", "21:30")], False),
    ("za 10u-12u", [weekly((SAT,), "10:00", "12:00")], False),
    ("do van 19.30 tot 21.30", [weekly((THU,), "19:30", "21:30")], False),
    ("woensdag van 10 tot 12 uur", [weekly((WED,), "10:00", "12:00")], False),
    ("ma 9.30-11 uur", [weekly((MON,), "09:30", "11:00")], False),
    ("maandelijks op de 15e", [on_day(15)], True),
    ("maandelijks op de 15e 19:00-21:00", [on_day(15, "19:00", "21:00")], False),
    ("elke 1e van de maand, 14:00-15:30", [on_day(1, "14:00", "15:30")], False),
    ("elke eerste maandag", [nth(1, MON)], True),
    ("elke eerste maandag van de maand 19:30-21:30", [nth(1, MON, "19:30", "21:30")], False),
    ("wekelijks op woensdag", [weekly((WED,))], True),
    ("wekelijks op maandag 14.00-16.00 uur", [weekly((MON,), "14:00", "16:00")], False),
    ("elke week op dinsdag", [weekly((TUE,))], True),
    ("dinsdags", [weekly((TUE,))], True),
    ("Di. 19:30", [weekly((TUE,), "19:30")], True),
    ("zo 15:00-17:00", [weekly((SUN,), "15:00", "17:00")], False),
    ("1e dinsdag en 3e donderdag 19:00-21:00", [nth(1, TUE, "19:00", "21:00"), nth(3, THU, "19:00", "21:00")], False),
    ("elke tweede en vierde woensdag", [nth(2, WED), nth(4, WED)], True),
    ("every 2nd Tuesday", [nth(2, TUE)], True),
    ("every Monday 7pm-9pm", [weekly((MON,), "19:00", "21:00")], False),
    ("Mon/Wed 7.30pm-9.30pm", [weekly((MON, WED), "19:30", "21:30")], False),
    ("every other week on Thursday 10am-12pm", [every(2, (THU,), "10:00", "12:00")], False),
    ("last Friday of the month 7-9pm", [nth(-1, FRI, "19:00", "21:00")], False),
    ("first Monday of the month", [nth(1, MON)], True),
    ("maandagmiddag 13:30-15:00", [weekly((MON,), "13:30", "15:00")], False),
    ("ELKE 2E DINSDAG 19:30–21:30", [nth(2, TUE, "19:30", "21:30")], False),
    ("ma 10:00-12:00 en wo 19:00-21:00", [weekly((MON,), "10:00", "12:00"), weekly((WED,), "19:00", "21:00")], False),
    (
        "maandag 10-12 uur, woensdag 19-21 uur",
        [weekly((MON,), "10:00", "12:00"), weekly((WED,), "19:00", "21:00")],
        False,
    ),
    ("ma 10:00-12:00 en 19:00-21:00", [weekly((MON,), "10:00", "12:00"), weekly((MON,), "19:00", "21:00")], False),
    ("tussen 19 en 21 uur op dinsdag", [weekly((TUE,), "19:00", "21:00")], False),
    ("dinsdag vanaf 19.30 uur", [weekly((TUE,), "19:30")], True),
    ("maandag- en woensdagavond 19.30-21.30", [weekly((MON, WED), "19:30", "21:30")], False),
    ("19.30-21.30u dinsdag", [weekly((TUE,), "19:30", "21:30")], False),
    ("Tuesdays 10am-12pm", [weekly((TUE,), "10:00", "12:00")], False),
    ("every Tuesday and Thursday, 10:00 - 12:00", [weekly((TUE, THU), "10:00", "12:00")], False),
    ("elke 3e woensdag v.d. maand 13.30 - 15.30 uur", [nth(3, WED, "13:30", "15:30")], False),
    ("iedere laatste donderdag vd maand", [nth(-1, THU)], True),
    ("wo-ochtend 10.00-11.30", [weekly((WED,), "10:00", "11:30")], False),
    ("dinsdag 14.00 uur tot 16.00 uur", [weekly((TUE,), "14:00", "16:00")], False),
    ("om de 14 dagen op vrijdag", [every(2, (FRI,))], True),
    ("1e & 3e di 19:30-21:30", [nth(1, TUE, "19:30", "21:30"), nth(3, TUE, "19:30", "21:30")], False),
]


@pytest.mark.parametrize(("text", "rules", "missing"), UNDERSTOOD, ids=[case[0] for case in UNDERSTOOD])
def test_a_phrase_from_a_real_list_reads_as_the_list_means_it(text: str, rules: list[Rule], missing: bool) -> None:
    reading = read_schedule(text, valid_from=FROM)
    assert reading.understood(), reading
    assert list(reading.rules) == rules
    assert reading.missing_time is missing
    for rule in reading.rules:
        rule.validate()


def test_an_evening_without_a_time_asks_for_the_time_and_invents_none() -> None:
    reading = read_schedule("iedere dinsdagavond", valid_from=FROM)
    assert reading.missing_time
    assert reading.start_time is None and reading.end_time is None
    assert reading.part_of_day == "evening"


def test_a_start_without_an_end_gets_no_invented_end() -> None:
    reading = read_schedule("om de week woensdag 20:00", valid_from=FROM)
    assert reading.missing_time
    assert reading.start_time == t("20:00")
    assert reading.end_time is None


def test_even_weeks_start_in_an_even_week() -> None:
    reading = read_schedule("in de even weken op dinsdag 19:00-21:00", valid_from=FROM)
    assert reading.understood()
    (rule,) = reading.rules
    assert (rule.kind, rule.interval, rule.weekdays) == (RuleKind.EVERY_N_WEEKS, 2, (TUE,))
    meetings = [d for d in (FROM + datetime.timedelta(days=i) for i in range(60)) if rule.matches(d)]
    assert meetings and all(d.isocalendar().week % 2 == 0 for d in meetings)


def test_separate_day_and_time_columns_are_read_together() -> None:
    reading = read_schedule("", day_text="ma en do", time_text="19:00 - 21:00", valid_from=FROM)
    assert reading.understood()
    assert list(reading.rules) == [weekly((MON, THU), "19:00", "21:00")]


def test_set_dates_and_an_end_date() -> None:
    reading = read_schedule("op 12 maart 2026 en 9 april 2026, 19:30-21:30", valid_from=FROM)
    assert reading.understood()
    (rule,) = reading.rules
    assert rule.kind == RuleKind.DATES
    assert rule.dates == (datetime.date(2026, 3, 12), datetime.date(2026, 4, 9))
    ends = read_schedule("elke dinsdag 10:00-12:00, tot en met 30-6-2026", valid_from=FROM)
    assert ends.understood()
    assert ends.rules[0].valid_until == datetime.date(2026, 6, 30)


@pytest.mark.parametrize(
    "text",
    [
        "onregelmatig",
        "in overleg",
        "zie website",
        "5e dinsdag",  # no month has a reliable fifth Tuesday
        "maandelijks op dinsdag",  # which Tuesday?
        "1x per maand op dinsdag",  # which Tuesday?
        "om de 10 dagen op vrijdag",
        "dinsdag 21:30-19:30",  # ends before it starts
        "25:00-26:00",
    ],
)
def test_what_is_not_understood_is_kept_as_written(text: str) -> None:
    reading = read_schedule(text, valid_from=FROM)
    assert not reading.understood()
    assert reading.unparsed
    assert text.split()[0] in reading.unparsed or reading.unparsed == text


def test_a_partly_understood_phrase_names_the_words_it_did_not_understand() -> None:
    reading = read_schedule("elke dinsdag behalve in de zomervakantie", valid_from=FROM)
    assert not reading.understood()
    assert list(reading.rules) == [weekly((TUE,))]
    assert reading.unparsed == "behalve in de zomervakantie"
    months = read_schedule("Elke 2e dinsdag (m.u.v. juli en augustus) 19:30-21:30", valid_from=FROM)
    assert list(months.rules) == [nth(2, TUE, "19:30", "21:30")]
    assert months.unparsed == "m.u.v. juli en augustus"


def test_a_long_text_is_not_read_as_a_schedule() -> None:
    text = "Elke dinsdag. " + "We praten over wat je bezighoudt. " * 20
    reading = read_schedule(text, valid_from=FROM)
    assert not reading.rules and reading.unparsed == text.strip()


def test_empty_text_is_no_schedule_and_no_error() -> None:
    assert read_schedule("", valid_from=FROM) == ScheduleReading(rules=())
    assert not read_schedule("  ", valid_from=FROM).understood()


# --- never an exception, every rule valid ----------------------------------------------------------------------------

VOCABULARY = [
    "elke", "iedere", "om de", "week", "weken", "2", "twee", "van de maand", "maandelijks", "wekelijks",
    "tweewekelijks", "1e", "2de", "3e", "4e", "5e", "15e", "31e", "32e", "eerste", "laatste", "en", "/", "-", ",",
    "t/m", "tot", "van", "ma", "di", "wo", "do", "vr", "za", "zo", "maandag", "dinsdagavond", "vrijdagochtend",
    "Mon", "Wed", "every", "other", "last", "of the month", "19:30", "21.30", "10u", "12u", "19u30", "7pm",
    "9.30pm", "uur", "'s avonds", "even", "oneven", "1-3-2026", "31-2-2026", "12 maart 2026", "vanaf",
    "tot en met", "behalve", "zomer", "24:00", "00:00", "99:99", "12am", "13pm", "\u2066", "\u2069", "\x00",
]  # fmt: skip


@pytest.mark.own_database  # pure Python: no database
@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(
    text=st.one_of(
        st.text(max_size=80),
        st.lists(st.sampled_from(VOCABULARY), max_size=12).map(" ".join),
        st.lists(st.sampled_from(VOCABULARY), max_size=12).map("".join),
    ),
    day_text=st.sampled_from(["", "di", "ma/wo", "zomaar"]),
    time_text=st.sampled_from(["", "19:30-21:30", "20:00", "10-12"]),
)
def test_any_text_gives_a_reading_and_every_rule_is_valid(text: str, day_text: str, time_text: str) -> None:
    reading = read_schedule(text, day_text=day_text, time_text=time_text, valid_from=FROM)
    for rule in reading.rules:
        rule.validate()
    if reading.understood():
        assert reading.rules and not reading.unparsed
    if not reading.rules and (text.strip() or day_text or time_text):
        assert reading.unparsed


# --- round trip: what schedule_text writes in Dutch reads back as the same rule --------------------------------------

times = st.tuples(st.integers(0, 23 * 60 + 58), st.integers(1, 120)).map(
    lambda pair: (
        datetime.time(pair[0] // 60, pair[0] % 60),
        datetime.time(min(pair[0] + pair[1], 23 * 60 + 59) // 60, min(pair[0] + pair[1], 23 * 60 + 59) % 60),
    )
)
days = st.sets(st.integers(0, 6), min_size=1, max_size=7).map(lambda s: tuple(sorted(s)))
until = st.one_of(st.none(), st.integers(0, 800).map(lambda n: FROM + datetime.timedelta(days=n)))


@st.composite
def rules(draw: st.DrawFn) -> Rule:
    start, end = draw(times)
    kind = draw(st.sampled_from(list(RuleKind)))
    fields: dict[str, object] = {"kind": kind, "start_time": start, "end_time": end, "valid_from": FROM}
    if kind == RuleKind.WEEKLY:
        fields["weekdays"] = draw(days)
    elif kind == RuleKind.EVERY_N_WEEKS:
        fields.update(weekdays=draw(days), interval=draw(st.integers(1, 12)))
    elif kind == RuleKind.MONTHLY_NTH_WEEKDAY:
        fields.update(weekdays=(draw(st.integers(0, 6)),), nth=draw(st.sampled_from([1, 2, 3, 4, -1])))
    elif kind == RuleKind.MONTHLY_DATE:
        fields["day_of_month"] = draw(st.integers(1, 31))
    else:
        offsets = draw(st.sets(st.integers(0, 700), min_size=1, max_size=4))
        fields["dates"] = tuple(sorted(FROM + datetime.timedelta(days=n) for n in offsets))
    if kind != RuleKind.DATES:
        fields["valid_until"] = draw(until)
    return Rule(**fields)  # type: ignore[arg-type]


def _same(rule: Rule) -> Rule:
    """Every week on Monday is weekly on Monday, however it is stored."""
    if rule.kind == RuleKind.EVERY_N_WEEKS and rule.interval == 1:
        return Rule(**{**rule.__dict__, "kind": RuleKind.WEEKLY})
    return rule


@pytest.mark.own_database  # pure Python: no database
@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(rule=rules())
def test_a_rule_described_in_dutch_reads_back_as_the_same_rule(rule: Rule) -> None:
    with translation.override("nl"):
        words = describe_rule(rule)
    reading = read_schedule(words, valid_from=FROM)
    assert reading.understood(), (words, reading)
    assert not reading.missing_time
    assert [_same(r) for r in reading.rules] == [_same(rule)], words


def test_describe_rule_says_a_rule_as_describe_schedule_says_a_schedule() -> None:
    with translation.override("nl"):
        assert (
            describe_rule(nth(2, TUE, "19:30", "21:30")) == "elke tweede dinsdag van de maand, \u206619:30-21:30\u2069"
        )
