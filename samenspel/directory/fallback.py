"""The one fallback rule, for the public search and the professionals' search alike.

When a search with the person's choices finds nothing (or, in the language asked for, fewer than FEW groups), what they asked about (the theme) stays; the choices around
it are relaxed one at a time, in this order, until groups are found:

1. the meeting language (the same theme in any language: each card then says its language),
2. the distance (the next distance steps: 25 km, then 50 km),
3. online groups with the theme.

Every relaxed step is named in the sentence above the list ("No group about grief meets in Tigrinya within 25 km of
Helmond. These groups about grief meet in Dutch:"). A group without the theme is never offered here: a grieving
father is not helped by a group for single parents. Without a theme there is nothing to keep, and no fallback.
"""

from __future__ import annotations

import dataclasses

from django.utils.translation import gettext as _

from samenspel.directory import search
from samenspel.directory.models import Language
from samenspel.directory.public import language_name

PAGE_SIZE = 10
# Fewer groups than this in the language asked for: the same theme in other languages is offered below them.
FEW = 3


@dataclasses.dataclass
class Fallback:
    hits: list[search.Hit]
    relaxed: list[str]  # "language", "distance", "online", in the order relaxed
    sentence: str
    language_dropped: bool  # the cards say in which language each group meets


def _either(words: list[str]) -> str:
    """'grief', 'grief or loss', 'grief, loss or mourning'."""
    if len(words) < 2:
        return "".join(words)
    return _("%(first)s or %(last)s") % {"first": ", ".join(words[:-1]), "last": words[-1]}


def _language_name(code: str) -> str:
    language = Language.objects.filter(code=code).first()
    return language_name(code, str(language.name_local) if language is not None else "")


def _missing(themes: str, filters: search.Filters, place: str) -> str:
    """What the person asked that no group with the theme offers."""
    language = _language_name(filters.language) if filters.language else ""
    km = filters.distance
    if language and place and km:
        return _("No group about %(themes)s meets in %(language)s within %(km)s km of %(place)s.") % {
            "themes": themes,
            "language": language,
            "km": km,
            "place": place,
        }
    if language and place:
        return _("No group about %(themes)s meets in %(language)s near %(place)s.") % {
            "themes": themes,
            "language": language,
            "place": place,
        }
    if language:
        return _("No group about %(themes)s meets in %(language)s.") % {"themes": themes, "language": language}
    if place and km:
        return _("No group about %(themes)s meets within %(km)s km of %(place)s.") % {
            "themes": themes,
            "km": km,
            "place": place,
        }
    return _("No group about %(themes)s fits all your choices.") % {"themes": themes}


def _languages_of(hits: list[search.Hit]) -> str:
    """The meeting languages of the groups shown, named in the reader's language: 'in Dutch', 'in Dutch or Arabic'."""
    names = list(dict.fromkeys(language_name(lang.code, lang.name_local) for hit in hits for lang in hit.languages))
    if not names:
        return ""
    if len(names) > 3:
        return _("in several languages")
    return _("in %(languages)s") % {"languages": _either(names)}


def _shown(themes: str, relaxed: list[str], hits: list[search.Hit], km: int | None) -> str:
    """What the list below offers instead, naming each relaxed choice."""
    languages = _languages_of(hits) if "language" in relaxed else ""
    if "online" in relaxed:
        if languages:
            return _("These online groups about %(themes)s meet %(languages)s:") % {
                "themes": themes,
                "languages": languages,
            }
        return _("These groups about %(themes)s meet online:") % {"themes": themes}
    if "distance" in relaxed:
        if languages:
            return _("These groups about %(themes)s meet within %(km)s km, %(languages)s:") % {
                "themes": themes,
                "km": km,
                "languages": languages,
            }
        return _("These groups about %(themes)s meet within %(km)s km:") % {"themes": themes, "km": km}
    return _("These groups about %(themes)s meet %(languages)s:") % {"themes": themes, "languages": languages}


def _few(themes: str, filters: search.Filters, place: str) -> str:
    language = _language_name(filters.language)
    if place:
        return _("Few groups about %(themes)s meet in %(language)s near %(place)s.") % {
            "themes": themes,
            "language": language,
            "place": place,
        }
    return _("Few groups about %(themes)s meet in %(language)s.") % {"themes": themes, "language": language}


def relax(results: search.Results, *, page_size: int = PAGE_SIZE) -> Fallback | None:
    """Groups with the same theme when the search found none, and the sentence that says what was relaxed.

    When it found a few in the language asked for, the same theme in other languages nearby (only the language
    is relaxed then), leaving out the groups already shown.
    """
    query, asked = results.query, results.filters
    if not query.themes:
        return None
    if results.total:
        if results.total >= FEW or not asked.language or results.page > 1:
            return None
        return _more_in_other_languages(results, page_size)
    # Only the theme (and the hints: relatives, women, men): a word that matched would let a group without the
    # theme in, because words and themes are alternatives in a search.
    theme_query = _theme_query(query)
    origin = results.origin
    filters = dataclasses.replace(asked)
    relaxed: list[str] = []
    hits: list[search.Hit] = []
    km = asked.distance

    def attempt(candidate: search.Filters, where: search.postcodes.Area | None) -> list[search.Hit]:
        found, _total, _page = search.run(theme_query, candidate, page_size=page_size, origin=where)
        return _about(found, query)

    if filters.language:
        filters = dataclasses.replace(filters, language="")
        relaxed.append("language")
        hits = attempt(filters, origin)
    if not hits and origin is not None and filters.distance is not None and filters.mode != "online":
        for step in (d for d in search.DISTANCES if d > (filters.distance or 0)):
            hits = attempt(dataclasses.replace(filters, distance=step), origin)
            if hits:
                relaxed.append("distance")
                km = step
                break
    if not hits and filters.mode != "online":
        hits = attempt(dataclasses.replace(filters, mode="online", place="", distance=None), None)
        if hits:
            relaxed.append("online")
    if not hits:
        return None
    themes = _either([str(theme.label) for theme in query.themes])
    place = results.origin.place if results.origin is not None else ""
    sentence = f"{_missing(themes, asked, place)} {_shown(themes, relaxed, hits, km)}"
    return Fallback(hits=hits, relaxed=relaxed, sentence=sentence, language_dropped="language" in relaxed)


def _about(hits: list[search.Hit], query: search.ParsedQuery) -> list[search.Hit]:
    """Only the groups on the theme asked (or a narrower case of it): the search itself also finds related
    themes and groups for relatives as such, which the sentence above the list ("these groups about ...") would
    then misname."""
    direct, narrower = search.expand_themes(query.themes)
    wanted = direct | narrower
    return [hit for hit in hits if any(theme.pk in wanted for theme in hit.themes)]


def _theme_query(query: search.ParsedQuery) -> search.ParsedQuery:
    return search.ParsedQuery(raw="", themes=query.themes, relatives=query.relatives, gender=query.gender)


def _more_in_other_languages(results: search.Results, page_size: int) -> Fallback | None:
    shown = {hit.group.pk for hit in results.hits}
    filters = dataclasses.replace(results.filters, language="")
    found, _total, _page = search.run(
        _theme_query(results.query), filters, page_size=page_size + len(shown), origin=results.origin
    )
    hits = [hit for hit in _about(found, results.query) if hit.group.pk not in shown][:page_size]
    if not hits:
        return None
    themes = _either([str(theme.label) for theme in results.query.themes])
    place = results.origin.place if results.origin is not None else ""
    sentence = f"{_few(themes, results.filters, place)} {_shown(themes, ['language'], hits, filters.distance)}"
    return Fallback(hits=hits, relaxed=["language"], sentence=sentence, language_dropped=True)
