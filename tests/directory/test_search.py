"""Finding a group in your own words: the search service and the public search page."""

from __future__ import annotations

import datetime
import json
import os
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.utils import translation

from samenspel.directory import search, services
from samenspel.directory.demo import Generator
from samenspel.directory.models import Group, GroupStatus, Language, SearchDocument, Theme
from samenspel.directory.search import Filters
from tests.conftest import built_once

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 22)
PARITY_DIR = Path(os.environ.get("SAMENSPEL_VAR_DIR", Path(__file__).resolve().parents[2] / "var"))


def _build_region() -> None:
    Generator(groups=150, seed=2015, today=TODAY).run()


# Every test here searches the same demo region: built once for the module, each test in a savepoint inside it.
_region_rows, region = built_once(_build_region, name="region")


def slugs(results: search.Results) -> list[str]:
    return [h.group.slug for h in results.hits]


def theme_slugs(raw: str) -> set[str]:
    return {t.slug for t in search.parse(raw).themes}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("somber", {"depression"}),
        ("neerslachtig", {"depression"}),
        ("gokken", {"gambling"}),
        ("rouw", {"grief"}),
        ("kumar", {"gambling"}),  # Turkish
        ("الاكتئاب", {"depression"}),  # Arabic
        ("افسردگی", {"depression"}),  # Farsi
        ("depresyon", {"depression"}),  # Turkish
        ("Depression", {"depression"}),  # English, any case
    ],
)
def test_everyday_words_in_several_languages_map_to_themes(region: None, raw: str, expected: set[str]) -> None:
    assert expected <= theme_slugs(raw)


def test_a_typo_is_forgiven_and_shown_as_a_correction(region: None) -> None:
    parsed = search.parse("depresie")
    assert "depression" in {t.slug for t in parsed.themes}
    with translation.override("nl"):
        assert search.parse("depresie").corrections == {"depresie": "Depressie"}


def test_a_worried_father_finds_addiction_groups_for_relatives_near_helmond(region: None) -> None:
    results = search.search("verslaafde zoon", Filters(place="Helmond", distance=25))
    assert results.query.relatives
    assert "addiction" in {t.slug for t in results.query.themes}
    top = results.hits[0].group
    assert top.audience in ("relatives", "both")
    addiction = Theme.objects.get(slug="addiction")
    top_themes = set(top.themes.all())
    assert addiction in top_themes or any(addiction in t.ancestors() for t in top_themes)
    assert results.hits[0].distance_km is None or results.hits[0].distance_km <= 25


def test_a_word_in_a_group_description_is_found_in_every_language_it_was_written_in(region: None) -> None:
    walking = Group.objects.filter(themes__slug="walking-group-depression").first()
    assert walking is not None
    for word in (walking.name_en.split()[0], walking.name_nl.split()[0]):
        assert walking.slug in slugs(search.search(word, Filters(distance=None), page_size=200)), word


def test_dutch_stemming_finds_plural_and_verb_forms(region: None) -> None:
    singular = set(slugs(search.search("wandelgroep", Filters(distance=None), page_size=200)))
    plural = set(slugs(search.search("wandelgroepen", Filters(distance=None), page_size=200)))
    assert singular and singular == plural


def test_filters_narrow_the_results(region: None) -> None:
    everything = search.search("", Filters(distance=None), page_size=500)
    assert everything.total == SearchDocument.objects.count()
    fa = search.search("", Filters(distance=None, language="fa"), page_size=500)
    assert 0 < fa.total < everything.total
    assert all("fa" in {lang.code for lang in h.group.languages.all()} for h in fa.hits)
    women = search.search("", Filters(distance=None, gender="women"), page_size=500)
    assert women.total and all(h.group.gender == "women" for h in women.hits)
    online = search.search("", Filters(distance=None, mode="online"), page_size=500)
    assert online.total and all(h.group.location.disclosure == "online" for h in online.hits)
    relatives = search.search("", Filters(distance=None, audience="relative"), page_size=500)
    assert relatives.total and all(h.group.audience in ("relatives", "both") for h in relatives.hits)
    free = search.search("", Filters(distance=None, free=True), page_size=500)
    assert free.total and all(h.group.cost in ("free", "voluntary") for h in free.hits)
    new = search.search("", Filters(distance=None, new=True), page_size=500)
    # A group taking members at set moments welcomes them now when its next intake is near (#14).
    assert new.total and all(
        h.group.intake != "set_moments" or h.group.status == "looking" or h.group.intake_open_now() for h in new.hits
    )
    tuesday = search.search("", Filters(distance=None, day=1), page_size=500)
    assert 0 < tuesday.total < everything.total
    for hit in tuesday.hits:
        assert any(
            s.kind == "monthly_date" or 1 in s.rule().weekdays or any(d.weekday() == 1 for d in s.rule().dates)
            for s in hit.group.schedules.all()
        )


def test_distance_keeps_in_person_groups_within_reach_and_online_groups_anywhere(region: None) -> None:
    results = search.search("", Filters(place="5701", distance=5), page_size=500)
    assert results.origin is not None and results.origin.place == "Helmond"
    in_person = [h for h in results.hits if h.distance_km is not None]
    assert in_person and all(h.distance_km <= 5 for h in in_person)
    assert [h.distance_km for h in in_person] == sorted(h.distance_km for h in in_person)  # nearest first
    assert any(h.group.location.disclosure == "online" for h in results.hits)
    only_here = search.search("", Filters(place="5701", distance=5, mode="in_person"), page_size=500)
    assert only_here.total == len(in_person)


def test_results_are_sorted_by_relevance_first(region: None) -> None:
    results = search.search("depressie", Filters(distance=None), page_size=500)
    scores = [h.score for h in results.hits]
    assert scores == sorted(scores, reverse=True)
    assert scores[0] > scores[-1]


def test_paging_past_the_last_page_shows_the_last_page_with_a_message(region: None) -> None:
    with translation.override("en"):
        results = search.search("", Filters(distance=None), page=999)
    assert results.page == results.pages
    assert any("no page 999" in m for m in results.messages)


def test_the_index_follows_changes_to_groups(region: None, django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    theme = Theme.objects.get(slug="q-fever")
    with django_capture_on_commit_callbacks(execute=True):
        group = services.group_create(
            actor=None,
            themes=[theme],
            languages=[Language.objects.get(code="nl")],
            slug="qkoorts-lotgenoten-test",
            name_nl="Lotgenoten Q-koorts Zwanenburcht",
            contact_email="q@example.org",
        )
    assert group.slug in slugs(search.search("zwanenburcht", Filters(distance=None)))
    with django_capture_on_commit_callbacks(execute=True):
        services.group_set_status(group=group, status=GroupStatus.STOPPED, actor=None)
    assert group.slug not in slugs(search.search("zwanenburcht", Filters(distance=None)))


def test_a_private_address_is_blurred_before_it_enters_the_search_index(region: None) -> None:
    group = Group.objects.public().filter(location__disclosure="on_request").select_related("location").first()
    assert group is not None and group.location is not None
    doc = SearchDocument.objects.get(group=group)
    assert (doc.latitude, doc.longitude) == (round(group.location.latitude, 2), round(group.location.longitude, 2))
    assert (doc.latitude, doc.longitude) != (group.location.latitude, group.location.longitude)


PARITY_QUERIES = [
    ("verslaafde zoon", Filters(place="Helmond", distance=25)),
    ("depresie", Filters(distance=None)),
    ("rouw", Filters(place="5611", distance=10)),
    ("افسردگی زنان", Filters(place="Eindhoven", distance=10)),
    ("kumar", Filters(distance=None)),
    ("wandelen", Filters(distance=None)),
    ("", Filters(place="Geldrop", distance=10, language="nl")),
]


def test_sqlite_and_postgresql_give_the_same_results_on_the_demo_region(region: None) -> None:
    """./test runs the suite on SQLite first, then on PostgreSQL, which compares with SQLite's answers."""
    answers = {f"{q}|{f}": slugs(search.search(q, f, page_size=50)) for q, f in PARITY_QUERIES}
    assert all(answers.values())
    PARITY_DIR.mkdir(parents=True, exist_ok=True)
    mine = PARITY_DIR / f"search-parity-{connection.vendor}.json"
    mine.write_text(json.dumps(answers, ensure_ascii=False, indent=1))
    other = PARITY_DIR / f"search-parity-{'sqlite' if connection.vendor == 'postgresql' else 'postgresql'}.json"
    if connection.vendor == "postgresql":
        if not other.exists():
            pytest.skip("run on SQLite first to compare")
        assert json.loads(other.read_text()) == answers


# The page ------------------------------------------------------------------


@pytest.fixture
def client() -> Client:
    # English pages, so the assertions below read the source strings.
    return Client(HTTP_ACCEPT_LANGUAGE="en")


def test_the_search_page_lists_groups_with_their_essentials(region: None, client: Client) -> None:
    response = client.get("/", {"q": "rouw", "place": "5611"})
    html = response.content.decode()
    assert response.status_code == 200
    assert Theme.objects.get(slug="grief").label_en in html
    assert 'class="result"' in html
    assert "km" in html


def test_a_results_page_needs_a_bounded_number_of_queries(
    region: None,
    client: Client,
    django_assert_max_num_queries,  # type: ignore[no-untyped-def]
) -> None:
    client.get("/", {"q": "depressie"})  # warm the vocabulary
    with django_assert_max_num_queries(14):
        assert client.get("/", {"q": "depressie", "place": "Eindhoven"}).status_code == 200


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"place": "5699"}, "5699"),
        ({"q": "x" * 5000}, "200"),
        ({"q": "<script>alert(1)</script>"}, ""),
        ({"language": "xx"}, "xx"),
        ({"page": "99999"}, "99999"),
        ({"page": "abc"}, ""),
        ({"distance": "7"}, "7"),
        ({"day": "9", "part": "night", "audience": "cat"}, ""),
    ],
)
def test_bad_input_gets_a_clear_message_and_never_a_server_error(
    region: None, client: Client, params: dict[str, str], message: str
) -> None:
    response = client.get("/", params)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    if message:
        assert 'class="notice"' in html and message in html


def test_nothing_found_is_said_kindly_with_ways_forward(region: None, client: Client) -> None:
    html = client.get("/", {"q": "qwxzv", "place": "Eindhoven"}).content.decode()
    assert "0 " in html
    assert "support-points" in html  # who can help start a group
    assert "Steunpunt Zelfhulp" in html


def test_a_theme_without_groups_offers_related_themes_to_search_but_no_groups_without_it(
    region: None, client: Client
) -> None:
    # Issue 22: groups on another subject are offered as subjects to search for, never as groups.
    assert not Group.objects.filter(themes__slug="relationship-addiction").exists()
    html = client.get("/", {"q": "relatieverslaving", "place": "Eindhoven"}).content.decode()
    assert "nothing-found" in html
    assert "Other subjects that may fit" in html  # sibling themes under addiction
    assert Theme.objects.get(slug="alcohol").label_en in html  # a sibling under addiction, as a link
    assert '<li class="result">' not in html
    assert "fallback-sentence" not in html


def test_the_printable_list_shows_all_results_without_paging(region: None, client: Client) -> None:
    html = client.get("/lijst/", {"q": "depressie"}).content.decode()
    assert "<table" in html
    assert "pager" not in html


@pytest.mark.parametrize("one_scan", [True, False])
def test_near_and_online_in_one_scan_give_the_same_groups_in_the_same_order_as_two_branches(
    region: None, one_scan: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL reads near and online groups in one scan (search.Backend.one_scan), SQLite in two: same answer."""
    cases = [
        ("depressie", Filters(place="5611", distance=10)),
        ("verslaafde zoon", Filters(place="5701", distance=25)),
        ("rouw", Filters(place="Eindhoven", distance=50, language="nl")),
        ("", Filters(place="5701", distance=5)),
        ("kanker vrouwen", Filters(place="5611", distance=25, free=True)),
    ]

    def answers() -> list[list[tuple[int, float]]]:
        out = []
        for raw, filters in cases:
            query = search.parse(raw)
            origin = search.postcodes.resolve(filters.place)
            for offset in (0, 5, 20):
                ranked, total = search.rank(query, filters, origin, limit=5, offset=offset)
                out.append([(r.group_id, r.score) for r in ranked] + [(total, 0.0)])
        return out

    before = answers()
    assert any(len(page) > 1 for page in before)
    monkeypatch.setattr(type(search.backend()), "one_scan", one_scan)
    assert answers() == before
