"""fa: only what differs from Django's module: a meeting's weekday, date and time joined with the Arabic comma."""

MEETING_FORMAT = "l j F، G:i"
