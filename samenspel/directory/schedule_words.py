"""Free-text schedules as people write them in their lists: "elke 2e dinsdag 19:30-21:30", "ma/wo", "om de week".

`read_schedule` turns such a phrase into recurrence rules, and says plainly what it did not understand. It never
guesses what is not written:

- a day without a time ("iedere dinsdagavond") gives rules with `missing_time=True`;
- a start without an end ("woensdag 20:00") gives rules with `missing_time=True` too, and `start_time` set.

Rules always pass `Rule.validate()`, so while a time is missing they carry placeholder times (the start if one was
given, else 00:00, and the end of the day); the importer must ask for the times before it stores them.

"Elke 2e dinsdag" (and English "every 2nd Tuesday") is read as the second Tuesday of the month, as lists of
support groups mean it; the importer shows every reading back in words (schedule_text) for the volunteer to confirm.
The phrases schedule_text writes in Dutch read back to the same rules.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Iterable

from samenspel.directory.recurrence import Rule, RuleKind

# A rule's placeholder times while the list gives no (end) time.
NO_START = datetime.time(0, 0)
NO_END = datetime.time.max
# No schedule phrase is longer; a longer cell is read as not understood without looking.
MAX_TEXT = 300


@dataclasses.dataclass(frozen=True)
class ScheduleReading:
    rules: tuple[Rule, ...]  # what was understood; empty when nothing
    unparsed: str = ""  # the original text (or the part) that was not understood; "" when all understood
    missing_time: bool = False  # days understood but no time given, or a start without an end
    # The start and end as written; None when none was, or when the rules have different times
    # ("ma 10:00-12:00 en wo 19:00-21:00": a rule per time).
    start_time: datetime.time | None = None
    end_time: datetime.time | None = None
    part_of_day: str = ""  # "morning", "afternoon", "evening" when the text says so ("dinsdagavond")

    def understood(self) -> bool:
        return bool(self.rules) and not self.unparsed


WEEKDAY_WORDS: dict[str, int] = {}
for _weekday, _names in enumerate(
    (
        ("maandag", "ma", "maa", "mon", "monday", "mo"),
        ("dinsdag", "di", "din", "tue", "tues", "tuesday", "tu"),
        ("woensdag", "wo", "woe", "wed", "weds", "wednesday"),
        ("donderdag", "do", "don", "thu", "thur", "thurs", "thursday", "th"),
        ("vrijdag", "vr", "vrij", "fri", "friday", "fr"),
        ("zaterdag", "za", "zat", "sat", "saturday", "sa"),
        ("zondag", "zo", "zon", "sun", "sunday", "su"),
    )
):
    for _name in _names:
        WEEKDAY_WORDS[_name] = _weekday
FULL_DAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
ENGLISH_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

PARTS_OF_DAY = {
    "ochtend": "morning",
    "morgen": "morning",
    "morning": "morning",
    "middag": "afternoon",
    "afternoon": "afternoon",
    "avond": "evening",
    "evening": "evening",
    "night": "evening",
}
DAY_WITH_PART = re.compile(
    r"^(?P<day>" + "|".join(FULL_DAYS + ENGLISH_DAYS) + r")(?P<part>avond|middag|ochtend|morgen)?(?:en|s)?$"
)
PART_WORD = re.compile(r"^(?P<part>ochtend|morgen|middag|avond|morning|afternoon|evening|night)(?:en|s)?$")

ORDINAL_WORDS = {
    "eerste": 1,
    "tweede": 2,
    "derde": 3,
    "vierde": 4,
    "vijfde": 5,
    "laatste": -1,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "last": -1,
}
ORDINAL = re.compile(r"^(?P<n>\d{1,2})(?:e|de|ste|st|nd|rd|th)$")
NUMBER_WORDS = {"een": 1, "één": 1, "one": 1, "twee": 2, "two": 2, "drie": 3, "three": 3, "vier": 4, "four": 4}
NUMBER_WORDS.update({"vijf": 5, "five": 5, "zes": 6, "six": 6})
FILLER = frozenset(
    "elke ieder iedere elk every each op on de het the van en and of in om at a an s 's per bij "
    "uur u h 1x keer x times time nog steeds altijd telkens".split()
)
AND_WORDS = frozenset({"en", "and", "/", ",", "&", "+"})

MONTHS = {
    "januari": 1,
    "jan": 1,
    "january": 1,
    "februari": 2,
    "feb": 2,
    "february": 2,
    "maart": 3,
    "mrt": 3,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "may": 5,
    "juni": 6,
    "jun": 6,
    "june": 6,
    "juli": 7,
    "jul": 7,
    "july": 7,
    "augustus": 8,
    "aug": 8,
    "august": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE_PATTERNS = (
    re.compile(r"(?<![\d.:/-])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d.:/-])"),
    re.compile(r"(?<![\d.:/-])(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d{4}|\d{2})(?![\d.:/-])"),
    re.compile(
        r"(?<![\w])(?P<d>\d{1,2})(?:e|de|ste|st|nd|rd|th)?\s+(?P<mn>" + _MONTH_NAMES + r")\.?(?:\s+(?P<y>\d{4}))?(?!\w)"
    ),
)

# A time: 19:30, 19.30, 19u30, 10u, 10 uur, 7pm, 7.30 p.m., 19h30.
_T = r"(?P<{p}h>\d{{1,2}})(?:(?P<{p}sep>[:.uh])(?P<{p}m>\d{{2}}))?(?:\s*(?P<{p}suf>uur|u|h|[ap]\.?\s?m\.?)(?![a-z]))?"
TIME_RANGE = re.compile(
    r"(?<![\w.:])(?:(?:van|from|tussen|between)\s+)?"
    + _T.format(p="a")
    + r"\s*(?:-|–|tot|to|till|until|en|and)\s*"
    + _T.format(p="b")
    + r"(?:\s*uur)?(?![\w:])"
)
TIME_SINGLE = re.compile(r"(?<![\w.:])(?:(?:om|vanaf|at|from|van)\s+)?" + _T.format(p="a") + r"(?![\w:])")

# Phrases that say how often, found before the words are read one by one.
NUMBER = r"(\d{1,2}|twee|drie|vier|vijf|zes|two|three|four|five|six)"
PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:om|every|elke|iedere|ieder)\s+(?:de\s+)?(?:andere|other)\s+week\b"), "interval:2"),
    (re.compile(r"\bom\s+de\s+" + NUMBER + r"\s+weken\b"), "interval:{0}"),
    (re.compile(r"\bom\s+de\s+week\b"), "interval:2"),
    (re.compile(r"\b(?:om\s+de|elke|iedere|ieder|every)\s+(\d{1,2})\s+(?:dagen|days)\b"), "days:{0}"),
    (re.compile(r"\b(?:elke|iedere|ieder|every|once\s+every)\s+" + NUMBER + r"\s+(?:weken|weeks)\b"), "interval:{0}"),
    (
        re.compile(
            r"\b(?:1\s*x|een\s+keer|één\s+keer|eens|once)\s+(?:per|in\s+de|every|in)\s+"
            + NUMBER
            + r"\s+(?:weken|weeks)\b"
        ),
        "interval:{0}",
    ),
    (re.compile(r"(?<![\w-])(?:" + NUMBER + r"|tweeweeks|)[-\s]?wekelijks\b"), "weekly:{0}"),
    (re.compile(r"\b(?:twee|drie|vier)wekelijks\b"), "wordweekly"),
    (re.compile(r"\b(?:bi-?weekly|fortnightly)\b"), "interval:2"),
    (
        re.compile(
            r"\b(?:elke|iedere|ieder|every|each|per|a|(?:1\s*x|een\s+keer|één\s+keer|eens|once)\s+(?:per|in\s+de|a|in))\s+week\b"
        ),
        "weekly:",
    ),
    (re.compile(r"\bweekly\b"), "weekly:"),
    (
        re.compile(
            r"\b(?:(?:(?:van|in|of)\s+(?:de|the|each|every)|v\.?\s?d\.?|v/d)\s+(?:maand|mnd|month)|maandelijks|monthly|"
            r"(?:elke|iedere|ieder|every|each|per|a|(?:1\s*x|een\s+keer|één\s+keer|eens|once)\s+(?:per|in\s+de|a|in))\s+(?:maand|mnd|month))(?![\w])"
        ),
        "monthly",
    ),
    (re.compile(r"\b(?:tot\s+en\s+met|t\s*/\s*m|t\.e\.m\.?|tem|through|thru|tot|until|till|to)(?![\w/])"), "through"),
    (re.compile(r"\b(?:vanaf|from|per|starting|start)(?!\w)"), "from"),
    (re.compile(r"(?:'s|’s|s)[\s-]+(?:avonds|middags|ochtends|morgens)\b"), "part"),
    (re.compile(r"\b(?:in\s+de|in\s+the|'s)\s+(?:avond|middag|ochtend|morgen|evening|morning|afternoon)\b"), "part"),
    (re.compile(r"\b(?:even|oneven|odd)\s+(?:weken|weeks)\b"), "parity"),
)
WORD = re.compile(r"[^\s,/&+;()\-–.:!?\"]+\.?|[,/&+;\-–]")


@dataclasses.dataclass
class _Item:
    start: int
    end: int
    kind: str  # date, time, interval, weekly, monthly, through, from, part, parity, day, ordinal, and, range, unknown
    value: object = None


@dataclasses.dataclass
class _Group:
    ordinals: list[int] = dataclasses.field(default_factory=list)
    days: list[int] = dataclasses.field(default_factory=list)


class _NotUnderstood(Exception):
    pass


def read_schedule(text: str, *, time_text: str = "", day_text: str = "", valid_from: datetime.date) -> ScheduleReading:
    """What the words mean as rules; never raises (what is not understood is in `unparsed`)."""
    original = " ".join(part.strip() for part in (day_text or "", text or "", time_text or "") if part and part.strip())
    if not original:
        return ScheduleReading(rules=(), missing_time=False)
    if len(original) > MAX_TEXT:
        return ScheduleReading(rules=(), unparsed=original)  # a description, not a schedule
    try:
        return _read(original, valid_from)
    except _NotUnderstood:
        return ScheduleReading(rules=(), unparsed=original)
    except (ValueError, OverflowError, IndexError, KeyError):
        return ScheduleReading(rules=(), unparsed=original)


def _normalised(text: str) -> str:
    # Lower case character by character so every position still points at the same character of the original.
    chars = []
    for char in text:
        lower = char.lower()
        if len(lower) != 1:
            lower = char
        if lower in "\u2013\u2014\u2212\u2010\u2011":
            lower = "-"
        elif lower in "\u2019\u2018`\u00b4":
            lower = "'"
        elif lower in "\u00a0\u2066\u2067\u2068\u2069\u200e\u200f\t\r\n":
            lower = " "
        chars.append(lower)
    return "".join(chars)


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _read(original: str, valid_from: datetime.date) -> ScheduleReading:
    text = _normalised(original)
    items: list[_Item] = []

    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            try:
                found = _date(match, valid_from)
            except ValueError:
                continue  # "9.30-11 uur" is no date; a real impossible date stays unknown words
            items.append(_Item(match.start(), match.end(), "date", found))
            text = _blank(text, match.start(), match.end())
    for match in TIME_RANGE.finditer(text):
        times = _time_range(match)
        if times is not None:
            items.append(_Item(match.start(), match.end(), "time", times))
            text = _blank(text, match.start(), match.end())
    for match in TIME_SINGLE.finditer(text):
        start = _time(match, "a", alone=True)
        if start is not None:
            items.append(_Item(match.start(), match.end(), "time", (start, None)))
            text = _blank(text, match.start(), match.end())
    for pattern, kind in PHRASES:
        for match in pattern.finditer(text):
            items.append(_phrase(match, kind, text))
            text = _blank(text, match.start(), match.end())
    for match in WORD.finditer(text):
        items.append(_word(match.group(), match.start(), match.end()))
    items.sort(key=lambda item: item.start)
    return _build(original, items, valid_from)


def _date(match: re.Match[str], valid_from: datetime.date) -> datetime.date:
    groups = match.groupdict()
    day = int(groups["d"])
    month = MONTHS[groups["mn"]] if groups.get("mn") else int(groups["m"])
    if groups.get("y"):
        year = int(groups["y"])
        if year < 100:
            year += 2000
        return datetime.date(year, month, day)  # ValueError for 31-2: not understood
    found = datetime.date(valid_from.year, month, day)
    return found if found >= valid_from else datetime.date(valid_from.year + 1, month, day)


def _time(match: re.Match[str], p: str, *, alone: bool = False, pm: bool | None = None) -> datetime.time | None:
    hour = int(match.group(f"{p}h"))
    minute_text = match.group(f"{p}m")
    suffix = (match.group(f"{p}suf") or "").replace(".", "").replace(" ", "")
    if alone and minute_text is None and not suffix:
        return None  # a bare number ("om de 2 weken") is not a time
    if match.group(f"{p}sep") in ("u", "h") and minute_text is None:
        return None
    minute = int(minute_text) if minute_text else 0
    if suffix in ("am", "pm") or pm is not None:
        is_pm = suffix == "pm" if suffix in ("am", "pm") else bool(pm)
        if not 1 <= hour <= 12:
            raise _NotUnderstood
        hour = hour % 12 + (12 if is_pm else 0)
    if hour == 24 and minute == 0:
        hour, minute = 23, 59
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise _NotUnderstood
    return datetime.time(hour, minute)


def _time_range(match: re.Match[str]) -> tuple[datetime.time, datetime.time | None] | None:
    a_written = match.group("am") is not None or match.group("asuf")
    b_written = match.group("bm") is not None or match.group("bsuf")
    lead = match.group(0).lstrip()[:4]
    joined_by_and = re.search(r"\d\s*(?:en|and)\s*\d", match.group(0)) is not None
    if not (a_written or b_written or lead.startswith(("van ", "from", "tuss", "betw"))):
        return None  # "2-3" alone is not a time
    if joined_by_and and not lead.startswith(("tuss", "betw")):
        return None  # "19:30 en 21:00" are two times, not a range
    a_suffix = (match.group("asuf") or "").replace(".", "").replace(" ", "")
    b_suffix = (match.group("bsuf") or "").replace(".", "").replace(" ", "")
    pm_a = None
    if a_suffix not in ("am", "pm") and b_suffix in ("am", "pm"):
        # "7-9pm": the start shares the end's half of the day when it is earlier in it.
        b_hour = int(match.group("bh")) % 12
        a_hour = int(match.group("ah")) % 12
        pm_a = b_suffix == "pm" if a_hour <= b_hour else b_suffix != "pm"
    start = _time(match, "a", pm=pm_a)
    end = _time(match, "b")
    if start is None or end is None:
        return None
    if end <= start:
        raise _NotUnderstood
    return start, end


def _phrase(match: re.Match[str], kind: str, text: str) -> _Item:
    start, end = match.start(), match.end()
    words = [g for g in match.groups() if g]
    if kind.startswith("interval:"):
        n = kind.split(":", 1)[1]
        value = _number(words[0]) if "{0}" in n else int(n)
        return _Item(start, end, "interval", value)
    if kind.startswith("days:"):
        days = int(words[0])
        if days % 7:
            raise _NotUnderstood  # every 10 days is no weekly rhythm
        return _Item(start, end, "interval", days // 7)
    if kind.startswith("weekly:"):
        if words and "{0}" in kind:
            return _Item(start, end, "interval", _number(words[0]))
        return _Item(start, end, "weekly")
    if kind == "wordweekly":
        return _Item(start, end, "interval", _number(re.match(r"\s*(twee|drie|vier)", match.group()).group(1)))  # type: ignore[union-attr]
    if kind == "part":
        word = re.search(r"(avond|middag|ochtend|morgen|evening|morning|afternoon)", match.group())
        return _Item(start, end, "part", PARTS_OF_DAY[word.group(1)] if word else "")
    if kind == "parity":
        return _Item(start, end, "parity", "odd" if re.match(r"\s*(oneven|odd)", match.group()) else "even")
    return _Item(start, end, kind)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _word(word: str, start: int, end: int) -> _Item:
    bare = word.rstrip(".")
    if bare in ("-", "–"):
        return _Item(start, end, "range")
    if bare in AND_WORDS or bare == ";":
        return _Item(start, end, "and")
    if bare in WEEKDAY_WORDS:
        return _Item(start, end, "day", (WEEKDAY_WORDS[bare], ""))
    day = DAY_WITH_PART.match(bare)
    if day:
        number = (FULL_DAYS + ENGLISH_DAYS).index(day.group("day")) % 7
        return _Item(start, end, "day", (number, PARTS_OF_DAY.get(day.group("part") or "", "")))
    if bare.endswith("s") and bare[:-1] in WEEKDAY_WORDS and len(bare) > 3:
        return _Item(start, end, "day", (WEEKDAY_WORDS[bare[:-1]], ""))
    if bare in ORDINAL_WORDS:
        return _Item(start, end, "ordinal", ORDINAL_WORDS[bare])
    ordinal = ORDINAL.match(bare)
    if ordinal:
        return _Item(start, end, "ordinal", int(ordinal.group("n")))
    part = PART_WORD.match(bare)
    if part:
        return _Item(start, end, "part", PARTS_OF_DAY[part.group("part")])
    if bare in FILLER or bare in ("'s", "s"):
        return _Item(start, end, "filler")
    return _Item(start, end, "unknown")


def _build(original: str, items: list[_Item], valid_from: datetime.date) -> ScheduleReading:
    unknown = _unknown_runs(original, items)
    significant = [item for item in items if item.kind not in ("filler", "unknown")]
    if len({item.value for item in significant if item.kind == "time"}) > 1:
        return _build_segments(original, significant, unknown, valid_from)
    return _build_one(original, significant, unknown, valid_from)


def _unknown_runs(original: str, items: list[_Item]) -> str:
    """The words not understood, as written: "m.u.v. juli en augustus"; runs far apart joined by " … "."""
    runs: list[str] = []
    first: _Item | None = None
    last: _Item | None = None
    for item in [*items, _Item(len(original), len(original), "end")]:
        if item.kind == "unknown":
            first = first or item
            last = item
        elif item.kind not in ("filler", "and") and first is not None and last is not None:
            runs.append(original[first.start : last.end])
            first = last = None
    return " … ".join(runs)


GLOBAL_KINDS = ("interval", "weekly", "monthly", "parity")


def _build_segments(
    original: str, significant: list[_Item], unknown: str, valid_from: datetime.date
) -> ScheduleReading:
    """Two or more times: each with its own days ("ma 10:00-12:00 en wo 19:00-21:00")."""
    shared: list[_Item] = []
    local: list[_Item] = []
    for index, item in enumerate(significant):
        before_date = item.kind in ("through", "from") and index + 1 < len(significant)
        if item.kind in GLOBAL_KINDS or item.kind == "date" or (before_date and significant[index + 1].kind == "date"):
            shared.append(item)
        else:
            local.append(item)
    kinds = [item.kind for item in local]
    days_first = min((i for i, k in enumerate(kinds) if k in ("day", "ordinal")), default=len(kinds)) < kinds.index(
        "time"
    )
    segments: list[list[_Item]] = [[]]
    for item in local:
        if item.kind == "time" and not days_first and any(i.kind == "time" for i in segments[-1]):
            segments.append([])
        segments[-1].append(item)
        if item.kind == "time" and days_first:
            segments.append([])
    if not any(item.kind == "time" for item in segments[-1]):
        leftover = segments.pop()
        if segments:
            segments[-1].extend(leftover)
    readings: list[ScheduleReading] = []
    previous_days: list[_Item] = []
    for segment in segments:
        days = [item for item in segment if item.kind in ("day", "ordinal", "range", "through", "and")]
        if not any(item.kind in ("day", "ordinal") for item in days):
            segment = previous_days + segment  # "ma 10:00-12:00 en 19:00-21:00": twice on Monday
        else:
            previous_days = days
        reading = _build_one(original, sorted(segment + shared, key=lambda item: item.start), "", valid_from)
        if not reading.rules:
            raise _NotUnderstood
        readings.append(reading)
    starts = {reading.start_time for reading in readings}
    ends = {reading.end_time for reading in readings}
    return ScheduleReading(
        rules=_merged([rule for reading in readings for rule in reading.rules]),
        unparsed=unknown,
        missing_time=any(reading.missing_time for reading in readings),
        start_time=starts.pop() if len(starts) == 1 else None,
        end_time=ends.pop() if len(ends) == 1 else None,
    )


def _build_one(original: str, significant: list[_Item], unknown: str, valid_from: datetime.date) -> ScheduleReading:

    times: set[tuple[datetime.time, datetime.time | None]] = {
        item.value  # type: ignore[misc]
        for item in significant
        if item.kind == "time"
    }
    # "tot en met 12 maart 2026": the last date; "vanaf 1-3-2026": the first.
    until: datetime.date | None = None
    start_day = valid_from
    dates: list[datetime.date] = []
    for index, item in enumerate(significant):
        if item.kind != "date":
            continue
        before = significant[index - 1].kind if index else ""
        assert isinstance(item.value, datetime.date)
        if before == "through":
            until = item.value
        elif before == "from":
            start_day = item.value
        else:
            dates.append(item.value)
    intervals = {item.value for item in significant if item.kind == "interval"}
    monthly = any(item.kind == "monthly" for item in significant)
    parity = [item.value for item in significant if item.kind == "parity"]
    parts = {str(item.value) for item in significant if item.kind == "part" and item.value}
    parts |= {item.value[1] for item in significant if item.kind == "day" and item.value[1]}  # type: ignore[index]

    groups: list[_Group] = []
    current = _Group()
    previous = ""
    for item in significant:
        if item.kind == "ordinal":
            if current.days:
                groups.append(current)
                current = _Group()
            assert isinstance(item.value, int)
            current.ordinals.append(item.value)
        elif item.kind == "day":
            day = item.value[0]  # type: ignore[index]
            if previous in ("range", "through") and current.days:
                first = current.days[-1]
                span = [(first + step) % 7 for step in range(1, (day - first) % 7 + 1)]
                current.days.extend(span)
            else:
                current.days.append(day)
        previous = item.kind if item.kind != "and" else previous if previous == "ordinal" else "and"
    if current.ordinals or current.days:
        groups.append(current)

    if len(times) > 1 or len(intervals) > 1 or len(parts) > 1 or len(parity) > 1:
        raise _NotUnderstood
    start_time: datetime.time | None = None
    end_time: datetime.time | None = None
    if times:
        start_time, end_time = next(iter(times))
    missing = start_time is None or end_time is None
    rule_start = start_time or NO_START
    rule_end = end_time or NO_END
    if until is not None and until < start_day:
        raise _NotUnderstood

    def rule(**fields: object) -> Rule:
        made = Rule(
            **{  # type: ignore[arg-type]
                "start_time": rule_start,
                "end_time": rule_end,
                "valid_from": start_day,
                "valid_until": until,
                **fields,
            }
        )
        made.validate()
        return made

    rules: list[Rule] = []
    interval = next(iter(intervals)) if intervals else 1
    if parity:
        interval = 2 if not intervals else interval
        if interval != 2:
            raise _NotUnderstood
        start_day = _week_of_parity(start_day, str(parity[0]))
    for group in groups:
        days = tuple(sorted(set(group.days)))
        if group.ordinals and days:
            if intervals or parity:
                raise _NotUnderstood
            for nth in _unique(group.ordinals):
                if nth not in (1, 2, 3, 4, -1):
                    raise _NotUnderstood
                for day in days:
                    rules.append(rule(kind=RuleKind.MONTHLY_NTH_WEEKDAY, weekdays=(day,), nth=nth))
        elif group.ordinals:
            if intervals or parity or dates:
                raise _NotUnderstood
            for day_of_month in _unique(group.ordinals):
                if not 1 <= day_of_month <= 31:
                    raise _NotUnderstood
                rules.append(rule(kind=RuleKind.MONTHLY_DATE, day_of_month=day_of_month))
        elif days and not dates:
            if monthly:
                raise _NotUnderstood  # "monthly on Tuesday": which Tuesday?
            if interval == 1:
                rules.append(rule(kind=RuleKind.WEEKLY, weekdays=days))
            else:
                rules.append(rule(kind=RuleKind.EVERY_N_WEEKS, weekdays=days, interval=interval))
        elif days and dates:
            if any(d.weekday() not in days for d in dates):
                raise _NotUnderstood
    if dates:
        if intervals or monthly or any(group.ordinals for group in groups):
            raise _NotUnderstood
        rules.append(rule(kind=RuleKind.DATES, dates=tuple(sorted(set(dates))), valid_from=min(start_day, *dates)))
    if not rules:
        return ScheduleReading(rules=(), unparsed=original, start_time=start_time, end_time=end_time)
    return ScheduleReading(
        rules=_merged(rules),
        unparsed=unknown,
        missing_time=missing,
        start_time=start_time,
        end_time=end_time,
        part_of_day=next(iter(parts)) if parts else "",
    )


def _unique(values: Iterable[int]) -> list[int]:
    return list(dict.fromkeys(values))


def _merged(rules: list[Rule]) -> tuple[Rule, ...]:
    """Weekly rules with the same rhythm become one ("ma en wo" is one rule on two days); no rule twice."""
    merged: list[Rule] = []
    for rule in rules:
        if rule.kind in (RuleKind.WEEKLY, RuleKind.EVERY_N_WEEKS):
            for index, other in enumerate(merged):
                same_times = (other.start_time, other.end_time) == (rule.start_time, rule.end_time)
                same_span = (other.valid_from, other.valid_until) == (rule.valid_from, rule.valid_until)
                if other.kind == rule.kind and other.interval == rule.interval and same_times and same_span:
                    days = tuple(sorted(set(other.weekdays) | set(rule.weekdays)))
                    merged[index] = dataclasses.replace(other, weekdays=days)
                    break
            else:
                merged.append(rule)
        elif rule not in merged:
            merged.append(rule)
    return tuple(merged)


def _week_of_parity(day: datetime.date, parity: str) -> datetime.date:
    """The first day from `day` on that lies in an even (or odd) ISO week."""
    want = 0 if parity == "even" else 1
    while day.isocalendar().week % 2 != want:
        day += datetime.timedelta(days=7 - day.weekday())
    return day
