"""English (en) as read in the Netherlands: CLDR en_NL (yMMMMd "d MMMM y", MMMMd "d MMMM", Hm "HH:mm").

Django's en is American ("Dec. 1, 2026", "7:30 p.m."); the Dutch dates and times beside it read day-month, 24 hours.
"""

DATE_FORMAT = "j F Y"
MONTH_DAY_FORMAT = "j F"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y H:i"
