"""Dates in the reader's language and grammar: the one place public pages, slips and flyers format a date.

Django formats by the active language's named formats (DATE_FORMAT, MONTH_DAY_FORMAT, TIME_FORMAT), which carry each
language's grammar: Polish and Ukrainian take the genitive month ("10 grudnia", format letter E), Dutch "10 december".
A hand-written "j F Y" would print the nominative ("10 Grudzień"). For languages Django has no month names for
(Tigrinya, Somali), Django would fall back to Dutch ones; our format modules (samenspel/formats) carry CLDR's names
and they are put into the format here as literal text.
"""

from __future__ import annotations

import datetime

from django.utils import formats, timezone
from django.utils.translation import get_language

# Format letters that print a name, and the name list of our format modules that supplies it.
_NAME_LETTERS = {
    "F": "MONTHS",
    "E": "MONTHS",
    "N": "MONTHS_ABBR",
    "M": "MONTHS_ABBR",
    "b": "MONTHS_ABBR",
    "l": "WEEKDAYS",
    "D": "WEEKDAYS_ABBR",
}


def _own(name: str) -> object | None:
    """A value of our own format module for the active language, or None (get_format returns unknown names as is)."""
    value = formats.get_format(name, get_language())
    return None if isinstance(value, str) and value == name else value


def _with_own_names(fmt: str, value: datetime.date) -> str:
    """The format with month and day names written out as escaped literals, where our modules have the names."""
    if _own("MONTHS") is None:
        return fmt
    out: list[str] = []
    escaped = False
    for char in fmt:
        if escaped:
            out.append("\\" + char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in _NAME_LETTERS:
            names = _own(_NAME_LETTERS[char])
            index = value.weekday() if _NAME_LETTERS[char].startswith("WEEKDAYS") else value.month - 1
            out.append("".join("\\" + c for c in names[index]) if isinstance(names, tuple | list) else char)
        else:
            out.append(char)
    return "".join(out)


def _format(value: datetime.date, fmt: str) -> str:
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return formats.date_format(value, _with_own_names(fmt, value))


def long_date(value: datetime.date) -> str:
    """'10 december 2026', '10 grudnia 2026'."""
    return _format(value, str(formats.get_format("DATE_FORMAT")))


def day_month(value: datetime.date) -> str:
    """'10 december', '10 grudnia'."""
    return _format(value, str(formats.get_format("MONTH_DAY_FORMAT")))


def meeting(value: datetime.datetime) -> str:
    """A meeting's weekday, day, month and time: 'donderdag 10 december, 19:30', 'czwartek 10 grudnia, 19:30'."""
    fmt = _own("MEETING_FORMAT")
    if not isinstance(fmt, str):
        fmt = f"l {formats.get_format('MONTH_DAY_FORMAT')}, {formats.get_format('TIME_FORMAT')}"
    return _format(value, fmt)


def meeting_date(value: datetime.date) -> str:
    """A meeting's weekday and full date: 'donderdag 10 december 2026'."""
    return _format(value, f"l {formats.get_format('DATE_FORMAT')}")


def time_of_day(value: datetime.datetime | datetime.time) -> str:
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return formats.time_format(value, str(formats.get_format("TIME_FORMAT")))
