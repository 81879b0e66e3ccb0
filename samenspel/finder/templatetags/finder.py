from __future__ import annotations

import datetime

from django import template
from django.http import QueryDict
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from samenspel.core import dates
from samenspel.directory.disclosure import PublicPlace, public_place
from samenspel.directory.models import Language as LanguageModel
from samenspel.directory.models import Location
from samenspel.directory.public import fallback_language, language_name, shown_language

register = template.Library()


@register.filter(name="public_place")
def public_place_filter(location: Location | None) -> PublicPlace:
    return public_place(location)


@register.simple_tag(takes_context=True)
def query_with(context: template.Context, **changes: object) -> str:
    """The current query string with some parameters changed, for paging links."""
    params: QueryDict = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = str(value)
    return params.urlencode()


# Dates in the reader's language and grammar: every public page, slip and flyer formats through samenspel.core.dates.
@register.filter(name="long_date")
def long_date_filter(value: datetime.date | None) -> str:
    return dates.long_date(value) if value else ""


@register.filter(name="day_month")
def day_month_filter(value: datetime.date | None) -> str:
    return dates.day_month(value) if value else ""


@register.filter(name="meeting_when")
def meeting_when_filter(value: datetime.datetime | None) -> str:
    return dates.meeting(value) if value else ""


@register.filter(name="meeting_date")
def meeting_date_filter(value: datetime.date | None) -> str:
    return dates.meeting_date(value) if value else ""


@register.filter(name="time_of_day")
def time_of_day_filter(value: datetime.datetime | None) -> str:
    return dates.time_of_day(value) if value else ""


@register.simple_tag(name="today_long")
def today_long() -> str:
    return dates.long_date(timezone.localdate())


def _direction(code: str) -> str:
    try:
        return "rtl" if translation.get_language_info(code)["bidi"] else "ltr"
    except KeyError:
        return "ltr"


@register.simple_tag(name="content_lang")
def content_lang(obj: object, field: str = "") -> SafeString:
    """` lang=".." dir=".." data-content` for a block of group content, in the language it is actually shown in.

    `{% content_lang group "description" %}`: the language modeltranslation took the text from (a Dutch description
    on an Arabic page is Dutch, laid out left to right); `{% content_lang "nl" %}`: a known language. The explicit
    dir keeps a Dutch sentence's full stop at its end inside a right-to-left page (and the reverse), in browsers and
    in WeasyPrint alike; data-content marks what the group wrote, as opposed to the interface.
    """
    code = shown_language(obj, field) if field else str(obj)
    return format_html(' lang="{}" dir="{}" data-content', code, _direction(code))


@register.simple_tag(name="fallback_language")
def fallback_language_tag(obj: object, field: str) -> str:
    """`{% fallback_language group "description" as name %}`: the language a fallback text is in, or ""."""
    return fallback_language(obj, field)


@register.filter(name="ltr")
def ltr(value: object) -> SafeString:
    """Phone numbers, postcodes, e-mail addresses and codes read left to right on every page: `{{ phone|ltr }}`."""
    if value in (None, ""):
        return mark_safe("")
    return format_html('<bdi dir="ltr">{}</bdi>', value)


@register.filter(name="language_name")
def language_name_filter(language: LanguageModel) -> str:
    """A meeting language named in the reader's language: 'in Dutch' on the fallback cards."""
    return language_name(language.code, language.name_local)
