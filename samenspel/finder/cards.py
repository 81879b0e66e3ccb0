"""A result card of the public search, as HTML.

A results page shows up to thirty cards (results and the fallback list). Through the template engine they cost more
than the search itself (bench/search: some 1 ms a card against 0.1 ms here), so the card is built in Python, with
the same markup, the same translations (msgids as the templates had them) and the same helpers: the one disclosure
rule (public_place), the reader's dates (core/dates) and the content language of what a group wrote
(content_lang). `{% result_card hit %}` puts one on a page.
"""

from __future__ import annotations

from functools import lru_cache

from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils import dateformat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import localtime
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from samenspel.core import dates
from samenspel.directory.disclosure import public_place
from samenspel.directory.models import Language
from samenspel.directory.public import lang_attributes, language_name, shown_language
from samenspel.directory.search import Hit, Reason


@lru_cache(maxsize=32)
def _words(language: str | None) -> dict[str, str]:
    """The card's fixed words in the reader's language, looked up once per language instead of some 25 times a card.

    Escaped as `{% translate %}` escapes; the ones with a %(placeholder)s are filled in per card. The msgids stay
    literals in `_()`, where makemessages finds them.
    """
    words = {
        "relatives": _("for relatives"),
        "women": _("women only"),
        "men": _("men only"),
        "paused": _("paused for now"),
        "looking": _("looking for members"),
        "initiative": _("new initiative, looking for others in the same situation"),
        "online": _("online"),
        "shown_because": _("Shown because:"),
        "ask": _("ask the contact point"),
        "next_meeting": _("Next meeting"),
        "where": _("Where"),
        "language": _("Language"),
    }
    escaped: dict[str, str] = {key: escape(value) for key, value in words.items()}
    # Format strings: the values put in are escaped where they are filled in.
    escaped["km"] = _("%(km)s km away")
    escaped["in_language"] = _("in %(language)s")
    escaped["meets_in"] = _("meets in %(language)s")
    return escaped


def _km(value: float) -> str:
    """`{% blocktranslate with km=value|floatformat:0 %}{{ km }} km away{% endblocktranslate %}`."""
    return _words(get_language())["km"] % {"km": escape(floatformat(value, 0))}


def _languages_local(languages: list[Language]) -> str:
    return ", ".join(f"<span{lang_attributes(lang.code)}>{escape(lang.name_local)}</span>" for lang in languages)


def _tags(hit: Hit, mark_language: bool, words: dict[str, str]) -> str:
    group = hit.group
    out: list[str] = []
    if mark_language and hit.languages:
        first, *rest = hit.languages
        names = words["in_language"] % {"language": escape(language_name(first.code, first.name_local))}
        names += "".join(", " + escape(language_name(lang.code, lang.name_local)) for lang in rest)
        out.append(f'<span class="tag tag-language">{names}</span>')
    for theme in hit.themes:
        out.append(f'<span class="tag"{lang_attributes(shown_language(theme, "label"))}>{escape(theme.label)}</span>')
    if group.audience == "relatives":
        out.append(f'<span class="tag tag-audience">{words["relatives"]}</span>')
    if group.gender in ("women", "men"):
        out.append(f'<span class="tag tag-audience">{words[group.gender]}</span>')
    if group.status in ("paused", "looking", "initiative"):
        out.append(f'<span class="tag tag-status">{words[group.status]}</span>')
    return "".join(out)


def why(reason: Reason) -> str:
    """The one line that says why a group is shown: 'Shown because: theme grief; for relatives; 3 km away'."""
    if not reason:
        return ""
    words = _words(get_language())
    parts: list[str] = []
    if reason.themes:
        themes = ", ".join(escape(str(theme)) for theme in reason.themes)
        count = len(reason.themes)
        parts.append(ngettext("theme %(themes)s", "themes %(themes)s", count) % {"themes": themes, "counter": count})
    if reason.audience in ("relatives", "women", "men"):
        parts.append(words[reason.audience])
    text = "; ".join(parts)
    if reason.language is not None:
        text += "; " + words["meets_in"] % {"language": escape(reason.language.name_local)}
    if reason.distance_km is not None:
        text += "; " + _km(reason.distance_km)
    elif reason.online:
        text += "; " + words["online"]
    return f'<p class="why">{words["shown_because"]} {text}</p>'


def card(hit: Hit, *, mark_language: bool = False) -> SafeString:
    group = hit.group
    words = _words(get_language())
    place = public_place(group.location)
    name_lang = lang_attributes(shown_language(group, "name"))
    url = escape(reverse("finder:group", args=[group.slug]))
    subtitle = ""
    if hit.namesake:
        subtitle = escape(place.label)
        if hit.rhythm:
            subtitle += " · " + escape(hit.rhythm)
        if hit.languages:
            subtitle += " · " + _languages_local(hit.languages)
        subtitle = f'<p class="subtitle">{subtitle}</p>'
    if hit.next_meeting and group.status != "paused":
        iso = dateformat.format(localtime(hit.next_meeting), "c")
        when = f'<time datetime="{iso}">{escape(dates.meeting(hit.next_meeting))}</time>'
    else:
        when = words["ask"]
    where: str = escape(place.label)
    if hit.distance_km is not None:
        where += " · " + _km(hit.distance_km)
    next_meeting, where_label, language_label = words["next_meeting"], words["where"], words["language"]
    return mark_safe(  # noqa: S308 - every value above is escaped; the translations are ours
        f'\n<li class="result">\n  <h3{name_lang}><a href="{url}">{escape(group.name)}</a></h3>\n  {subtitle}\n'
        f'  <p class="themes">{_tags(hit, mark_language, words)}</p>\n  {why(hit.reason)}\n'
        f'  <dl class="facts">\n    <div><dt>{next_meeting}</dt><dd>{when}</dd></div>\n'
        f"    <div><dt>{where_label}</dt><dd>{where}</dd></div>\n"
        f"    <div><dt>{language_label}</dt><dd>{_languages_local(hit.languages)}</dd></div>\n  </dl>\n</li>\n"
    )
