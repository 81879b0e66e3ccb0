"""Tigrinya (ti): CLDR 46 Gregorian calendar (ti.xml), format context.

yMMMMd "d MMMM y", MMMMd "d MMMM", Hm "HH:mm" (24 hours: the Dutch times on the same page read the same).
"""

DATE_FORMAT = "j F Y"
MONTH_DAY_FORMAT = "j F"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y H:i"
SHORT_DATE_FORMAT = "d/m/Y"
# CLDR's full date joins the weekday with the Ethiopic comma (EEEE፣ d MMMM y).
MEETING_FORMAT = "l፣ j F, H:i"
FIRST_DAY_OF_WEEK = 1
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3

# Our own names (Django has none for ti); samenspel.core.dates reads them. Index 0 is January / Monday.
MONTHS = ("ጥሪ", "ለካቲት", "መጋቢት", "ሚያዝያ", "ጉንበት", "ሰነ", "ሓምለ", "ነሓሰ", "መስከረም", "ጥቅምቲ", "ሕዳር", "ታሕሳስ")
MONTHS_ABBR = ("ጥሪ", "ለካ", "መጋ", "ሚያ", "ግን", "ሰነ", "ሓም", "ነሓ", "መስ", "ጥቅ", "ሕዳ", "ታሕ")
WEEKDAYS = ("ሰኑይ", "ሰሉስ", "ረቡዕ", "ሓሙስ", "ዓርቢ", "ቀዳም", "ሰንበት")
WEEKDAYS_ABBR = ("ሰኑ", "ሰሉ", "ረቡ", "ሓሙ", "ዓር", "ቀዳ", "ሰን")
