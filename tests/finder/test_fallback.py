"""The one fallback rule (directory/fallback.py): when nothing fits, keep the theme and say what was relaxed.

"Rouw" in Tigrinya near Helmond used to offer groups for single parents and about the war in Ukraine; "my mother has
dementia" in Arabic near Eindhoven offered a Parkinson café and an aphasia café. The theme is what the person asked
about: every group offered must carry it, and the page names each choice it let go.
"""

from __future__ import annotations

import datetime
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.utils import translation

from samenspel.directory import search as search_service
from samenspel.directory.demo import Generator
from samenspel.directory.models import Group
from samenspel.directory.public import language_name
from tests.conftest import built_once

pytestmark = pytest.mark.django_db


def _build_region() -> dict[str, int]:
    return Generator(groups=150, seed=2015, today=datetime.date(2026, 11, 22)).run()


# Every test here searches the demo region (as the browser journeys' `demo_region`, search index included): built once
# for the module, each test in a savepoint inside it.
_region_rows, demo_region = built_once(_build_region, name="demo_region")

CARD_LINK = re.compile(r'<li class="result">\s*<h3[^>]*><a href="/groep/([\w-]+)/"')


def offered_slugs(html: str) -> list[str]:
    return CARD_LINK.findall(html)


def carries_theme(group: Group, theme_ids: set[int]) -> bool:
    return bool({t.pk for t in group.themes.all()} & theme_ids)


def wanted_themes(raw: str, code: str) -> set[int]:
    query = search_service.parse(raw, interface_language=code)
    assert query.themes, f"'{raw}' names no theme"
    direct, narrower = search_service.expand_themes(query.themes)
    return direct | narrower


@pytest.mark.parametrize(
    ("code", "q", "place", "language"),
    [
        ("ti", "rouw", "Helmond", "ti"),
        ("ar", "mijn moeder heeft dementie", "Eindhoven", "ar"),
        ("nl", "rouw", "Helmond", "ti"),
    ],
)
def test_a_search_in_a_language_without_a_group_offers_only_groups_with_its_theme(
    demo_region: dict[str, int], code: str, q: str, place: str, language: str
) -> None:
    # The search itself finds nothing in that language: that is the situation this is about.
    with translation.override(code):
        strict = search_service.search(q, search_service.Filters(place=place, language=language))
    assert strict.total == 0, "the demo region has a group for this: pick another language"
    html = Client(HTTP_ACCEPT_LANGUAGE=code).get("/", {"q": q, "place": place, "language": language}).content.decode()

    slugs = offered_slugs(html)
    assert slugs, "nothing offered at all"
    themes = wanted_themes(q, code)
    offered = Group.objects.filter(slug__in=slugs).prefetch_related("themes")
    assert len(offered) == len(set(slugs))
    without = [g.slug for g in offered if not carries_theme(g, themes)]
    assert not without, f"groups offered without the theme asked for: {without}"

    # One sentence names what was let go: the language asked for, by name, in the reader's language.
    with translation.override(code):
        name = language_name(language)
    sentence = re.search(r'<p class="fallback-sentence"[^>]*>(.*?)</p>', html, re.S)
    assert sentence, "no sentence says what was relaxed"
    assert name in sentence.group(1)
    assert place in sentence.group(1)
    # And the same search in any language is one link away.
    link = re.search(r'<p class="any-language"><a href="([^"]+)"', html)
    assert link
    params = parse_qs(urlsplit(link.group(1).replace("&amp;", "&")).query)
    assert params.get("q") == [q] and params.get("place") == [place] and "language" not in params


def test_without_a_theme_no_group_is_offered_as_a_fallback(demo_region: dict[str, int]) -> None:
    html = Client().get("/", {"q": "qwxzv", "place": "Helmond", "language": "ti"}).content.decode()
    assert 'class="fallback-sentence"' not in html
    assert "nothing-found" in html


def test_a_few_groups_in_the_language_asked_for_are_followed_by_the_same_theme_in_other_languages(
    demo_region: dict[str, int],
) -> None:
    # Some meeting language has one or two grief groups within 50 km of Eindhoven; the demo data decides which.
    q, place = "rouw", "Eindhoven"
    few = None
    for code, _name in search_service.meeting_languages():
        filters = search_service.Filters(place=place, distance=50, language=code)
        results = search_service.search(q, filters)
        if 0 < results.total < 3:
            few = (code, results)
            break
    assert few, "no language with only a few grief groups near Eindhoven in the demo region"
    code, strict = few
    html = Client().get("/", {"q": q, "place": place, "distance": "50", "language": code}).content.decode()
    slugs = offered_slugs(html)
    shown = [hit.group.slug for hit in strict.hits]
    assert slugs[: len(shown)] == shown
    more = slugs[len(shown) :]
    assert more, "nothing offered below the few groups"
    assert not set(more) & set(shown), "a group shown twice"
    themes = wanted_themes(q, "nl")
    offered = Group.objects.filter(slug__in=more).prefetch_related("themes")
    assert all(carries_theme(g, themes) for g in offered)
    with translation.override("nl"):
        name = language_name(code)
    sentence = re.search(r'<p class="fallback-sentence"[^>]*>(.*?)</p>', html, re.S)
    assert sentence and name in sentence.group(1)
