"""Somali (so): CLDR 46 Gregorian calendar (so.xml), format context.

yMMMMd "MMMM d, y", MMMMd "MMMM d", Hm "HH:mm".
"""

DATE_FORMAT = "F j, Y"
MONTH_DAY_FORMAT = "F j"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "F j, Y H:i"
SHORT_DATE_FORMAT = "d/m/Y"
MEETING_FORMAT = "l, F j, H:i"
FIRST_DAY_OF_WEEK = 1
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3

# Our own names (Django has none for so); samenspel.core.dates reads them. Index 0 is January / Monday.
MONTHS = (
    "Janaayo",
    "Febraayo",
    "Maarso",
    "Abriil",
    "Maayo",
    "Juun",
    "Luulyo",
    "Agosto",
    "Sebtembar",
    "Oktoobar",
    "Noofeembar",
    "Diseembar",
)
MONTHS_ABBR = ("Jan", "Feb", "Mar", "Abr", "May", "Jun", "Lul", "Ogs", "Seb", "Okt", "Nof", "Dis")
WEEKDAYS = ("Isniin", "Talaado", "Arbaco", "Khamiis", "Jimco", "Sabti", "Axad")
WEEKDAYS_ABBR = ("Isn", "Tldo", "Arbc", "Khms", "Jmc", "Sbti", "Axd")
