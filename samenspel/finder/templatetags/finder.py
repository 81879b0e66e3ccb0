from __future__ import annotations

import datetime

from django import template
from django.forms import BoundField
from django.http import QueryDict
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from samenspel.core import dates
from samenspel.directory.disclosure import PublicPlace, public_place
from samenspel.directory.models import Language as LanguageModel
from samenspel.directory.models import Location
from samenspel.directory.public import fallback_language, lang_attributes, language_name, shown_language
from samenspel.directory.search import Hit
from samenspel.finder import cards

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


@register.simple_tag(name="content_lang")
def content_lang(obj: object, field: str = "") -> SafeString:
    """` lang=".." dir=".." data-content` for a block of group content, in the language it is actually shown in.

    `{% content_lang group "description" %}`: the language modeltranslation took the text from (a Dutch description
    on an Arabic page is Dutch, laid out left to right); `{% content_lang "nl" %}`: a known language. The explicit
    dir keeps a Dutch sentence's full stop at its end inside a right-to-left page (and the reverse), in browsers and
    in WeasyPrint alike; data-content marks what the group wrote, as opposed to the interface.
    """
    code = shown_language(obj, field) if field else str(obj)
    return mark_safe(lang_attributes(code))  # noqa: S308 - the code is escaped there


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


@register.simple_tag(name="result_card")
def result_card(hit: Hit, mark_language: bool = False) -> SafeString:
    """`{% result_card hit %}`: one card of the search results (finder/cards.py)."""
    return cards.card(hit, mark_language=bool(mark_language))


@register.simple_tag(name="choice_inputs")
def choice_inputs(field: BoundField) -> SafeString:
    """The radio buttons or check boxes of a choice field, each inside its label, as `{% for radio in field %}`
    rendered them but without a template per option: the search form has twenty, on every results page."""
    kind = getattr(field.field.widget, "input_type", "radio")
    value = field.value()
    chosen = {str(v) for v in value} if isinstance(value, list | tuple) else {"" if value is None else str(value)}
    return format_html_join(
        "",
        '<label class="radio"><input type="{}" name="{}" value="{}" id="{}_{}"{}> {}</label>',
        (
            (
                kind,
                field.html_name,
                choice,
                field.auto_id,
                index,
                mark_safe(" checked") if str(choice) in chosen else "",
                label,
            )
            for index, (choice, label) in enumerate(field.field.choices)  # type: ignore[attr-defined]
        ),
    )


@register.simple_tag(name="language_options")
def language_options(field: BoundField) -> SafeString:
    """The options of a language select, each named in itself and marked with its language and direction."""
    value = field.value()
    return format_html_join(
        "",
        '<option value="{}"{}{}>{}</option>',
        (
            (
                code,
                mark_safe(" selected") if value == code else "",
                mark_safe(lang_attributes(str(code))) if code else "",  # noqa: S308 - escaped there
                label,
            )
            for code, label in field.field.choices  # type: ignore[attr-defined]
        ),
    )
