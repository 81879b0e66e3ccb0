"""Ukrainian (uk): only what differs from Django's module; the rest comes from django.conf.locale.uk.

Django's MONTH_DAY_FORMAT for uk is "d F" (nominative: "10 грудень"); Ukrainian writes the genitive ("10 грудня",
CLDR MMMMd "d MMMM" in the format context), which Django gives as E.
"""

MONTH_DAY_FORMAT = "j E"
