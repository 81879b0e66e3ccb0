"""The relevance benchmark's metrics, judge and query file (bench/relevance): the figures it reports rest on these."""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

import pytest

from bench.relevance import judge, metrics
from samenspel.directory import postcodes
from samenspel.directory.reference_data import THEMES

QUERIES = judge.load()


# --- Metrics -----------------------------------------------------------------


def test_dcg_discounts_by_rank_with_graded_gains() -> None:
    # gains 7, 3, 0, 1 at ranks 1-4: 7/log2(2) + 3/log2(3) + 0 + 1/log2(5)
    assert metrics.dcg([3, 2, 0, 1]) == pytest.approx(7 + 3 / math.log2(3) + 1 / math.log2(5))
    assert metrics.dcg([1, 1, 1, 1, 1, 3]) == pytest.approx(sum(1 / math.log2(i + 2) for i in range(5)))


def test_ndcg_is_one_for_the_ideal_order_and_lower_for_a_worse_one() -> None:
    everything = [0, 1, 3, 0, 2, 2, 0]
    assert metrics.ndcg([3, 2, 2, 1, 0], everything) == pytest.approx(1.0)
    worse = metrics.ndcg([2, 3, 2, 1, 0], everything)
    assert 0 < worse < 1
    ideal = 7 + 3 / math.log2(3) + 3 / math.log2(4) + 1 / math.log2(5)
    assert worse == pytest.approx((3 + 7 / math.log2(3) + 3 / math.log2(4) + 1 / math.log2(5)) / ideal)


def test_ndcg_counts_the_groups_the_search_did_not_return_in_the_ideal() -> None:
    # Only a grade-1 group shown while a grade-3 group exists: far from perfect.
    assert metrics.ndcg([1], [1, 3]) == pytest.approx(1 / (7 + 1 / math.log2(3)))
    assert metrics.ndcg([], [1, 3]) == 0.0


def test_ndcg_without_any_gain_possible_rewards_showing_nothing() -> None:
    assert metrics.ndcg([], [0, 0]) == 1.0
    assert metrics.ndcg([0, 0], [0, 0]) == 0.0


def test_precision_counts_grade_two_and_up_over_five_places() -> None:
    assert metrics.precision([3, 2, 1, 0, 2]) == pytest.approx(0.6)
    assert metrics.precision([3, 3]) == pytest.approx(0.4)  # empty places are misses
    assert metrics.precision([3, 3, 3, 3, 3, 3]) == pytest.approx(1.0)
    assert metrics.ideal_precision([3, 2, 1, 1, 0, 0]) == pytest.approx(0.4)


# --- The judge ---------------------------------------------------------------


def _query(**rules: object) -> judge.Query:
    raw = {"id": "t", "lang": rules.pop("lang", "nl"), "q": "x", "need": "x", "place": "5611", "judge": rules}
    return judge._query(raw, 1)


def _group(**facts: object) -> judge.GroupFacts:
    base: dict[str, object] = {
        "slug": "g",
        "name": "G",
        "themes": frozenset({"depression"}),
        "languages": frozenset({"nl"}),
        "audience": "affected",
        "gender": "everyone",
        "status": "active",
        "online": False,
        "distance_km": 3.0,
    }
    base.update(facts)
    return judge.GroupFacts(**base)  # type: ignore[arg-type]


def test_grade_three_needs_theme_audience_language_and_reach() -> None:
    q = _query(themes=["alcohol"], broad=["addiction"], related=["drugs"], audience="relative")
    relatives = _group(themes=frozenset({"addiction", "family-and-partners"}), audience="relatives")
    assert judge.grade(q, relatives) == 3
    assert judge.grade(q, _group(themes=frozenset({"addiction", "alcohol"}))) == 2  # for the drinker, not for me
    assert judge.grade(q, _group(themes=frozenset({"addiction", "drugs"}))) == 1  # another addiction: related
    assert judge.grade(q, _group(themes=frozenset({"cancer"}))) == 0
    assert judge.grade(q, _group(themes=frozenset({"alcohol"}), audience="relatives", distance_km=20.0)) == 2
    assert judge.grade(q, _group(themes=frozenset({"alcohol"}), audience="relatives", distance_km=30.0)) == 1
    assert judge.grade(q, _group(themes=frozenset({"alcohol"}), audience="both", status="stopped")) == 0


def test_grade_follows_the_persons_languages() -> None:
    dutch = _query(themes=["depression"])
    assert judge.grade(dutch, _group(languages=frozenset({"pl"}))) == 0  # cannot follow
    assert judge.grade(dutch, _group(languages=frozenset({"en"}))) == 2  # follows in part
    assert judge.grade(dutch, _group(languages=frozenset({"tr", "nl"}))) == 2  # mainly for Turkish speakers
    turkish = _query(themes=["depression"], lang="tr")
    assert judge.grade(turkish, _group(languages=frozenset({"tr", "nl"}))) == 3
    assert judge.grade(turkish, _group(languages=frozenset({"nl"}))) == 2
    assert judge.grade(turkish, _group(languages=frozenset({"ar", "nl"}))) == 1


def test_grade_respects_who_can_join() -> None:
    assert judge.grade(_query(themes=["depression"], person="men"), _group(gender="women")) == 0
    assert judge.grade(_query(themes=["depression"]), _group(gender="women")) == 2
    assert judge.grade(_query(themes=["depression"], gender="women"), _group(gender="women")) == 3
    assert judge.grade(_query(themes=["depression"], gender="women"), _group()) == 2


def test_an_override_wins_over_the_rules() -> None:
    raw = {"id": "t", "lang": "nl", "q": "x", "need": "x", "judge": {"themes": ["depression"]}, "overrides": {"g": 1}}
    assert judge.grade(judge._query(raw, 1), _group()) == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("queries:\n  - {id: a, lang: xx, q: x, need: x, judge: {themes: [grief]}}\n", "unknown lang"),
        ("queries:\n  - {id: a, lang: nl, q: x, need: x, judge: {themes: [grief], colour: red}}\n", "judge"),
        ("queries:\n  - {id: a, lang: nl, q: x, need: x, judge: {}}\n", "judge.themes"),
        ("queries:\n  - {id: a, lang: nl, q: x, need: x, place: 5611, judge: {themes: [grief]}}\n", "place"),
        ("queries:\n  - {id: a, lang: nl, q: x, need: x: y}\n", "YAML"),
        (
            "queries:\n  - {id: a, lang: nl, q: x, need: x, judge: {themes: [grief]}}\n"
            "  - {id: a, lang: nl, q: y, need: y, judge: {themes: [grief]}}\n",
            "twice",
        ),
    ],
)
def test_a_broken_query_file_is_refused_with_the_query_and_field(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "queries.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(judge.QueryFileError, match=message):
        judge.load(path)


# --- The query file ------------------------------------------------------------


def test_the_query_set_is_large_and_covers_every_interface_language() -> None:
    per_language = Counter(q.lang for q in QUERIES)
    assert len(QUERIES) >= 150
    assert set(per_language) == set(judge.LANGUAGES)
    assert per_language["nl"] >= 35
    assert all(per_language[lang] >= 12 for lang in judge.LANGUAGES), per_language


def test_every_theme_in_the_rules_exists_in_the_reference_data() -> None:
    slugs = {theme["slug"] for theme in THEMES}
    unknown = {q.id: sorted(judge.theme_slugs(q) - slugs) for q in QUERIES if judge.theme_slugs(q) - slugs}
    assert not unknown


def test_every_place_is_known_and_in_the_demo_region() -> None:
    eindhoven = postcodes.resolve("5611")
    assert eindhoven is not None
    for q in QUERIES:
        if not q.place:
            continue
        area = postcodes.resolve(q.place)
        assert area is not None, q.id
        km = postcodes.distance_km(eindhoven.latitude, eindhoven.longitude, area.latitude, area.longitude)
        assert km < 40, (q.id, q.place)


def test_nothing_found_queries_are_few() -> None:
    assert sum(q.expect_none for q in QUERIES) <= len(QUERIES) // 20


@pytest.mark.django_db
def test_most_queries_have_a_relevant_group_in_the_demo_region() -> None:
    from bench.relevance.region import facts_for, group_facts, load_demo_region

    load_demo_region(migrate=False)
    groups = group_facts()
    slugs = {facts.slug for facts, _lat, _lon in groups}
    without: list[str] = []
    for q in QUERIES:
        assert set(q.overrides) <= slugs, (q.id, set(q.overrides) - slugs)
        best = max(judge.grade(q, facts) for facts in facts_for(q, groups))
        if q.expect_none:
            assert best == 0, q.id
        elif best < 2:
            without.append(q.id)
    assert len(without) <= len(QUERIES) // 10, without


def test_the_persons_choices_on_the_form_exclude_groups() -> None:
    raw = {"id": "t", "lang": "nl", "q": "x", "need": "x", "judge": {"themes": ["depression"]}}
    online_only = judge._query({**raw, "filters": {"mode": "online"}}, 1)
    assert judge.grade(online_only, _group()) == 0
    assert judge.grade(online_only, _group(online=True, distance_km=None)) == 3
    turkish = judge._query({**raw, "filters": {"language": "tr"}}, 1)
    assert judge.grade(turkish, _group()) == 0


def test_a_group_about_something_else_is_at_most_related() -> None:
    q = _query(themes=["parenting"], not_about=["autism"])
    assert judge.grade(q, _group(themes=frozenset({"parenting"}))) == 3
    assert judge.grade(q, _group(themes=frozenset({"parenting", "autism"}))) == 1
