"""Own-words search understands what a person means and ranks what fits them first (#13, part 2).

The five searches the issue names, on the demo region, as a person near Eindhoven or Helmond types them.
"""

from __future__ import annotations

import datetime

import pytest
from django.test import Client

from samenspel.directory import search
from samenspel.directory.demo import Generator
from samenspel.directory.search import Filters

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 22)


@pytest.fixture
def region(db: None) -> None:
    Generator(groups=150, seed=2015, today=TODAY).run()


def top(raw: str, place: str, *, language: str = "nl", n: int = 5) -> list[search.Hit]:
    return search.search(raw, Filters(place=place, distance=25), interface_language=language, page_size=n).hits


def themes_of(hit: search.Hit) -> set[str]:
    return {t.slug for t in hit.themes}


def test_peers_after_a_suicide_get_suicide_and_grief_groups_only(region: None) -> None:
    parsed = search.parse("lotgenoten na zelfmoord")
    assert {"suicide", "grief"} <= {t.slug for t in parsed.themes}  # "na zelfmoord": bereaved by suicide
    hits = top("lotgenoten na zelfmoord", "Eindhoven")
    assert "suicide" in themes_of(hits[0])  # the group on both, for the bereaved, first
    # Nothing unrelated: "na" ("after") is no reason to show an aphasia café.
    assert hits and all(themes_of(h) & {"suicide", "grief", "miscarriage-child-loss"} for h in hits)


def test_a_husband_whose_wife_has_cancer_finds_the_cancer_group_and_groups_for_relatives(region: None) -> None:
    parsed = search.parse("my wife has cancer", interface_language="en")
    assert {t.slug for t in parsed.themes} == {"cancer"}  # "has" is an English word, not Turkish "hasta" (ill)
    assert parsed.relatives
    hits = top("my wife has cancer", "Eindhoven", language="en")
    assert "cancer" in themes_of(hits[0])
    for hit in hits:
        assert themes_of(hit) & {"cancer", "family-and-partners", "caregivers", "sick-family-member"}, hit.group.name


def test_divorce_with_children_finds_divorce_and_single_parent_groups(region: None) -> None:
    hits = top("scheiding kinderen", "5611")
    assert "divorce" in themes_of(hits[0])
    assert all(themes_of(h) & {"divorce", "single-parents", "blended-families"} for h in hits[:2])


def test_a_son_killed_in_an_accident_finds_the_group_for_parents_who_lost_a_child(region: None) -> None:
    parsed = search.parse("zoon verongelukt")
    assert "miscarriage-child-loss" in {t.slug for t in parsed.themes}
    assert not parsed.relatives  # "zoon" says who died, not that the searcher looks for a relatives' group
    hits = top("zoon verongelukt", "Eindhoven")
    assert hits and "miscarriage-child-loss" in themes_of(hits[0])


def test_a_parent_near_helmond_sees_dutch_relatives_groups_before_polish_online_ones(region: None) -> None:
    results = search.search("mijn zoon drinkt te veel", Filters(place="Helmond", distance=25), page_size=20)
    assert results.query.relatives
    first = results.hits[0]
    assert first.group.audience in ("relatives", "both")
    assert "nl" in {lang.code for lang in first.languages}
    codes = [{lang.code for lang in h.languages} for h in results.hits]
    polish = [i for i, c in enumerate(codes) if c == {"pl"}]
    dutch_for_relatives = [
        i for i, h in enumerate(results.hits) if "nl" in codes[i] and h.group.audience in ("relatives", "both")
    ]
    assert polish and dutch_for_relatives
    assert max(dutch_for_relatives[:3]) < min(polish)


def test_unless_they_ask_for_that_language(region: None) -> None:
    parsed = search.parse("alcohol poolse groep")
    assert parsed.asked_languages == ("pl",)
    hits = top("alcohol poolse groep", "Helmond")
    assert "pl" in {lang.code for lang in hits[0].languages}


@pytest.mark.parametrize(
    ("raw", "language", "theme", "relatives"),
    [
        ("mijn man is overleden", "nl", "grief", False),  # a widow: "man" is who died, and not "manie"
        ("mój mąż pije za dużo", "pl", "alcohol", True),
        ("زوجي يشرب كثيرا", "ar", "alcohol", True),
        ("my brother took his own life", "en", "suicide", True),
        ("загибель сина", "uk", "miscarriage-child-loss", False),
    ],
)
def test_relatives_words_and_everyday_phrases_in_several_languages(
    region: None, raw: str, language: str, theme: str, relatives: bool
) -> None:
    parsed = search.parse(raw, interface_language=language)
    slugs = {t.slug for t in parsed.themes}
    assert theme in slugs
    assert "bipolar" not in slugs
    assert parsed.relatives is relatives


@pytest.mark.parametrize(
    ("word", "theme"), [("depressiegroep", "depression"), ("kankergroep", "cancer"), ("dementiecafé", "dementia")]
)
def test_a_dutch_compound_is_split_against_the_vocabulary(region: None, word: str, theme: str) -> None:
    assert theme in {t.slug for t in search.parse(word).themes}


def test_a_second_copy_of_a_group_goes_below_a_different_group(region: None) -> None:
    results = search.search("verslaving", Filters(mode="online", distance=None), page_size=20)
    firsts: dict[tuple[str, frozenset[str], frozenset[str]], float] = {}
    copies = 0
    for hit in results.hits:
        key = (hit.group.name_nl, frozenset(themes_of(hit)), frozenset(lang.code for lang in hit.languages))
        if key in firsts:
            copies += 1
            assert hit.score < firsts[key]  # moved down, one step of fit
        else:
            firsts[key] = hit.score
    assert copies  # the region has copies (same name, themes and languages)


def test_the_page_says_in_one_line_why_a_group_is_shown(region: None) -> None:
    hits = top("rouw", "5611")
    assert "grief" in {t.slug for t in hits[0].reason.themes}
    assert hits[0].reason.distance_km == hits[0].distance_km
    relatives = top("mijn zoon drinkt te veel", "Helmond")[0]
    assert relatives.reason.audience == "relatives"
    html = Client(HTTP_ACCEPT_LANGUAGE="en").get("/", {"q": "rouw", "place": "5611"}).content.decode()
    why = html.split('<p class="why">', 1)[1].split("</p>", 1)[0]
    assert "Shown because:" in why and "Grief and loss" in why and "km away" in why
