"""The judged query set: reading and checking queries.yaml, and grading a group against a query's rules.

A query's judgement is a set of rules over group attributes (themes, audience, meeting languages,
distance, gender, status), not a hand-made list of groups; grade() turns them into a label 0-3 for
every group of the demo region. Overrides by group slug correct a rule where it is wrong.
See README.md for the scale and the format.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
QUERY_FILE = HERE / "queries.yaml"
THEME_FILE = HERE.parent.parent / "samenspel" / "directory" / "data" / "reference" / "themes.json"

LANGUAGES = ("nl", "en", "tr", "ar", "fa", "pl", "uk", "so", "ti")
AUDIENCES = ("self", "relative", "any")
ONLINE = ("ok", "less", "no")
FILTER_KEYS = ("distance", "language", "day", "part", "audience", "gender", "mode", "free", "new")
# Languages a speaker follows in part when not named: a Dutch group for a newcomer, an English one for a Dutch
# speaker. A group only in a language the person neither follows nor partly follows is not useful (grade 0).
DEFAULT_PARTIAL = {code: ["nl"] for code in LANGUAGES} | {"nl": ["en"]}
PUBLIC = ("active", "looking", "paused")
DEFAULT_NEAR_KM = 15.0
DEFAULT_RADIUS_KM = 25  # the search form's default distance


class QueryFileError(ValueError):
    pass


@dataclasses.dataclass(frozen=True)
class Rules:
    themes: frozenset[str]
    broad: frozenset[str] = frozenset()
    related: frozenset[str] = frozenset()
    also: frozenset[str] = frozenset()
    lower: frozenset[str] = frozenset()
    not_about: frozenset[str] = frozenset()
    audience: str = "any"
    languages: frozenset[str] = frozenset()
    partial: frozenset[str] = frozenset()
    gender: str = ""
    person: str = ""
    near_km: float = DEFAULT_NEAR_KM
    online: str = "ok"
    mixed: str = "ok"


@dataclasses.dataclass(frozen=True)
class Query:
    id: str
    lang: str
    q: str
    place: str
    need: str
    rules: Rules
    filters: dict[str, Any] = dataclasses.field(default_factory=dict)
    overrides: dict[str, int] = dataclasses.field(default_factory=dict)
    expect_none: bool = False

    @property
    def radius_km(self) -> float | None:
        distance = self.filters.get("distance", DEFAULT_RADIUS_KM)
        return None if distance == "any" else float(distance)

    def form_data(self) -> dict[str, str]:
        """The query string the search page would get."""
        data = {"q": self.q, "place": self.place}
        for key, value in self.filters.items():
            data[key] = ("on" if value else "") if isinstance(value, bool) else str(value)
        return {k: v for k, v in data.items() if v}


@dataclasses.dataclass(frozen=True)
class GroupFacts:
    """What the judge looks at of one group."""

    slug: str
    name: str
    themes: frozenset[str]
    languages: frozenset[str]
    audience: str  # affected / relatives / both
    gender: str  # everyone / women / men
    status: str
    online: bool
    distance_km: float | None  # from the query's place; None when online or no place


def grade(query: Query, group: GroupFacts) -> int:
    """The graded label 0-3 of a group for a query (README.md, "Grading scale")."""
    if group.slug in query.overrides:
        return query.overrides[group.slug]
    r = query.rules
    if group.status not in PUBLIC:
        return 0
    if r.person and group.gender not in ("everyone", r.person):
        return 0  # the person cannot join
    if r.gender and group.gender not in ("everyone", r.gender):
        return 0  # not the kind of group asked for
    if group.online and r.online == "no":
        return 0
    if not _passes_filters(query.filters, group):
        return 0  # the person excluded it on the search form
    follows = bool(group.languages & r.languages)
    if not follows and not group.languages & r.partial:
        return 0  # held in a language the person cannot follow
    if not theme_match(r, group.themes):
        return 1 if group.themes & (r.related | r.broad) else 0
    if group.themes & r.not_about:
        return 1  # it shares a theme, but it is about something else (parents of an autistic child for "parenting")
    misses = 0
    if not follows:
        misses += 1
    if r.also and not group.themes & r.also:
        misses += 1
    if group.themes & r.lower:
        misses += 1
    if r.mixed == "less" and group.languages - r.languages - r.partial:
        misses += 1  # it also meets in a language the person does not follow: mainly for its speakers
    if (r.audience == "self" and group.audience == "relatives") or (
        r.audience == "relative" and group.audience == "affected"
    ):
        misses += 1
    if r.gender and group.gender != r.gender:
        misses += 1  # a women's or men's group was asked for
    elif not r.gender and not r.person and group.gender != "everyone":
        misses += 1  # a women's or men's group fits only some of the people who type this
    if group.status == "paused":
        misses += 1
    if group.online and r.online == "less":
        misses += 1
    if group.distance_km is not None:
        if group.distance_km > r.near_km:
            misses += 1
        radius = query.radius_km
        if radius is not None and group.distance_km > radius:
            return 1  # beyond the distance the search page looks within
    return max(1, 3 - misses)


def _passes_filters(filters: dict[str, Any], group: GroupFacts) -> bool:
    """Whether a group meets what the person chose on the search form (the hard filters)."""
    mode = filters.get("mode", "")
    if (mode == "online" and not group.online) or (mode == "in_person" and group.online):
        return False
    if filters.get("language") and filters["language"] not in group.languages:
        return False
    audience = filters.get("audience", "")
    if (audience == "self" and group.audience == "relatives") or (
        audience == "relative" and group.audience == "affected"
    ):
        return False
    return not (filters.get("gender") and group.gender != filters["gender"])


@functools.cache
def theme_parents() -> dict[str, str]:
    """slug -> parent slug ('' for the four categories), from the reference data."""
    rows = json.loads(THEME_FILE.read_text(encoding="utf-8"))
    return {row["slug"]: row.get("parent") or "" for row in rows}


def _narrower(slug: str, of: str) -> bool:
    parents = theme_parents()
    parent = parents.get(slug, "")
    while parent:
        if parent == of:
            return True
        parent = parents.get(parent, "")
    return False


def theme_match(rules: Rules, themes: frozenset[str]) -> bool:
    """Whether a group with these themes is about what the person needs.

    A theme in `themes` always matches. A theme in `broad` matches only a general group on it: one that has no
    narrower theme of it outside the query's themes ('addiction' matches a relatives' group on addiction in
    general, not a twelve-step group on drugs, which carries 'addiction' and 'drugs').
    """
    if themes & rules.themes:
        return True
    for slug in themes & rules.broad:
        if not any(_narrower(other, slug) and other not in rules.themes for other in themes):
            return True
    return False


# --- Reading the query file ------------------------------------------------


def _slugs(value: Any, where: str, field: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise QueryFileError(f"{where}: '{field}' must be a list of words")
    return frozenset(value)


def _query(raw: Any, number: int) -> Query:
    where = f"query {number}"
    if not isinstance(raw, dict):
        raise QueryFileError(f"{where}: not a mapping")
    where = f"query {number} ({raw.get('id')!r})"
    known = {"id", "lang", "q", "place", "need", "judge", "filters", "overrides", "expect_none"}
    unknown = set(raw) - known
    if unknown:
        raise QueryFileError(f"{where}: unknown field(s) {sorted(unknown)}")
    for field in ("id", "lang", "q", "need"):
        if not isinstance(raw.get(field), str) or not raw[field].strip():
            raise QueryFileError(f"{where}: '{field}' is missing or empty")
    if raw["lang"] not in LANGUAGES:
        raise QueryFileError(f"{where}: unknown lang {raw['lang']!r}")
    place = raw.get("place") or ""
    if not isinstance(place, str):
        raise QueryFileError(f"{where}: 'place' must be text (quote postcodes)")
    filters = raw.get("filters") or {}
    if not isinstance(filters, dict) or set(filters) - set(FILTER_KEYS):
        raise QueryFileError(f"{where}: 'filters' may only hold {', '.join(FILTER_KEYS)}")
    judge = raw.get("judge") or {}
    judge_keys = {
        "themes",
        "broad",
        "related",
        "also",
        "lower",
        "not_about",
        "audience",
        "languages",
        "partial",
        "gender",
        "person",
        "near_km",
        "online",
        "mixed",
    }
    if not isinstance(judge, dict) or set(judge) - judge_keys:
        raise QueryFileError(f"{where}: 'judge' may only hold {', '.join(sorted(judge_keys))}")
    expect_none = bool(raw.get("expect_none", False))
    themes = _slugs(judge.get("themes"), where, "judge.themes")
    if not themes and not judge.get("broad") and not expect_none:
        raise QueryFileError(f"{where}: 'judge.themes' is empty (only an expect_none query may have none)")
    audience = judge.get("audience", "any")
    if audience not in AUDIENCES:
        raise QueryFileError(f"{where}: judge.audience must be one of {AUDIENCES}")
    online = judge.get("online", "ok")
    if online not in ONLINE:
        raise QueryFileError(f"{where}: judge.online must be one of {ONLINE}")
    gender, person = judge.get("gender", ""), judge.get("person", "")
    if gender not in ("", "women", "men") or person not in ("", "women", "men"):
        raise QueryFileError(f"{where}: judge.gender and judge.person must be women or men")
    mixed = judge.get("mixed", "less")
    if mixed not in ("ok", "less"):
        raise QueryFileError(f"{where}: judge.mixed must be ok or less")
    overrides = raw.get("overrides") or {}
    if not isinstance(overrides, dict) or not all(
        isinstance(k, str) and isinstance(v, int) and 0 <= v <= 3 for k, v in overrides.items()
    ):
        raise QueryFileError(f"{where}: 'overrides' maps group slugs to grades 0-3")
    languages = _slugs(judge.get("languages"), where, "judge.languages") or frozenset([raw["lang"]])
    partial = (
        _slugs(judge.get("partial"), where, "judge.partial")
        if "partial" in judge
        else frozenset(DEFAULT_PARTIAL[raw["lang"]])
    )
    rules = Rules(
        themes=themes,
        broad=_slugs(judge.get("broad"), where, "judge.broad"),
        related=_slugs(judge.get("related"), where, "judge.related"),
        also=_slugs(judge.get("also"), where, "judge.also"),
        lower=_slugs(judge.get("lower"), where, "judge.lower"),
        not_about=_slugs(judge.get("not_about"), where, "judge.not_about"),
        audience=audience,
        languages=languages,
        partial=partial - languages,
        gender=gender,
        person=person,
        mixed=mixed,
        near_km=float(judge.get("near_km", DEFAULT_NEAR_KM)),
        online=online,
    )
    return Query(
        id=raw["id"],
        lang=raw["lang"],
        q=raw["q"],
        place=place,
        need=raw["need"],
        rules=rules,
        filters=filters,
        overrides=overrides,
        expect_none=expect_none,
    )


def load(path: Path = QUERY_FILE) -> list[Query]:
    """Read and check the query file; raise QueryFileError naming the query and the field."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise QueryFileError(f"{path.name}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("queries"), list):
        raise QueryFileError(f"{path.name}: expected a mapping with a 'queries' list")
    queries = [_query(raw, n) for n, raw in enumerate(data["queries"], start=1)]
    seen: set[str] = set()
    for query in queries:
        if query.id in seen:
            raise QueryFileError(f"query {query.id!r}: the id is used twice")
        seen.add(query.id)
    return queries


def theme_slugs(query: Query) -> frozenset[str]:
    """Every theme slug a query's rules name, to check against the reference data."""
    r = query.rules
    return r.themes | r.broad | r.related | r.also | r.lower | r.not_about
