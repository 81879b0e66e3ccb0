"""Search the social map: understand what a visitor types, then find and rank groups.

One service, two database backends (PostgreSQL tsvector, SQLite FTS5) over the
same pre-stemmed terms (search_index.py), so both return the same groups in
the same order. Ranking: relevance, then distance, then freshness.
"""

from __future__ import annotations

import dataclasses
import datetime
import math
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from django.db import connection
from django.utils.translation import gettext as _
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from samenspel.directory import postcodes, text
from samenspel.directory.models import Group, GroupStatus, Language, SearchDocument, Theme, ThemeSynonym
from samenspel.directory.reference_data import AUDIENCE_WORDS, INTERFACE_LANGUAGES
from samenspel.directory.search_index import AFTERNOON, EVENING, MORNING, vocabulary_version

DISTANCES = (5, 10, 25, 50)
DEFAULT_DISTANCE = 25
PAGE_SIZE = 20
MAX_CONCEPTS = 8
PARTS = {"morning": MORNING, "afternoon": AFTERNOON, "evening": EVENING}

# Weights of the relevance score.
W_THEME, W_THEME_BROADER, W_NAME, W_BODY, W_HINT = 10, 8, 3, 1, 4

# Words that say nothing about what someone looks for.
STOPWORDS = frozenset(
    """
    de het een en of in op te van voor met bij om over naar aan als dat die dit er is zijn ben was ik je jij u
    mijn me mij ons onze we wij hij zij ze hun hem haar wat wie waar hoe wel niet geen ook nog maar dan zo al
    heb hebt heeft hebben zoek zoeken zoekt gezocht groep groepen lotgenoten lotgenotengroep lotgenotencontact
    zelfhulp zelfhulpgroep praten contact mensen iemand graag help hulp
    the a an and or in on to of for with at by about is are am be i you my me we our he she they their what who
    where how not no also group groups peer support people someone looking look find help talk
    """.split()
)


@dataclasses.dataclass(frozen=True)
class Concept:
    """One thing the visitor asked for, with the index terms that stand for it."""

    word: str
    terms: frozenset[str]
    corrected_from: str = ""


@dataclasses.dataclass
class ParsedQuery:
    raw: str
    themes: list[Theme] = dataclasses.field(default_factory=list)
    concepts: list[Concept] = dataclasses.field(default_factory=list)
    relatives: bool = False
    gender: str = ""
    corrections: dict[str, str] = dataclasses.field(default_factory=dict)
    truncated: bool = False

    @property
    def is_empty(self) -> bool:
        return not (self.themes or self.concepts or self.relatives or self.gender)


@dataclasses.dataclass
class Filters:
    place: str = ""
    distance: int | None = DEFAULT_DISTANCE
    language: str = ""
    day: int | None = None
    part: str = ""
    audience: str = ""  # "self" or "relative"
    gender: str = ""  # "women" or "men"
    mode: str = ""  # "in_person" or "online"
    free: bool = False
    new: bool = False


@dataclasses.dataclass
class Hit:
    group: Group
    score: float
    distance_km: float | None
    next_meeting: datetime.datetime | None = None  # never for a paused group: its schedule is not being kept
    themes: list[Theme] = dataclasses.field(default_factory=list)
    languages: list[Language] = dataclasses.field(default_factory=list)
    # Set by the page when another card on it carries the same name: then the card says when it meets, so
    # two cards differ before anyone opens them.
    namesake: bool = False
    rhythm: str = ""


@dataclasses.dataclass
class Results:
    query: ParsedQuery
    filters: Filters
    hits: list[Hit]
    total: int
    page: int
    pages: int
    origin: postcodes.Area | None = None
    messages: list[str] = dataclasses.field(default_factory=list)


# --- Understanding the query ---------------------------------------------


@dataclasses.dataclass(frozen=True)
class Vocabulary:
    themes_by_phrase: dict[str, frozenset[int]]  # folded label/synonym (or its stem) -> theme ids
    audience_by_word: dict[str, str]  # folded word -> relatives / women / men
    index_words: tuple[str, ...]  # every index term, for typo correction
    phrase_words: tuple[str, ...]  # theme phrases of one word, for typo correction
    max_phrase_len: int


STEM_LANGUAGES = ("nl", "en", "tr", "ar", "fa", "pl")


def _phrase_keys(phrase: str) -> set[str]:
    words = text.words(phrase)
    if not words:
        return set()
    keys = {" ".join(words)}
    for lang in STEM_LANGUAGES:
        keys.add(" ".join(text.stem(w, lang) for w in words))
    return keys


@lru_cache(maxsize=2)
def _vocabulary(version: str) -> Vocabulary:
    by_phrase: dict[str, set[int]] = {}
    for theme in Theme.objects.all():
        for code in INTERFACE_LANGUAGES:
            label = getattr(theme, f"label_{code}", "") or ""
            for key in _phrase_keys(label):
                by_phrase.setdefault(key, set()).add(theme.pk)
    for theme_id, term in ThemeSynonym.objects.values_list("theme_id", "term"):
        for key in _phrase_keys(term):
            by_phrase.setdefault(key, set()).add(theme_id)
    audience: dict[str, str] = {}
    for kind, per_language in AUDIENCE_WORDS.items():
        for words in per_language.values():
            for word in words:
                for key in _phrase_keys(word):
                    # A word both a relative and a gender ("man", "vrouw") is read as the relative.
                    audience.setdefault(key, kind)
    index_words: set[str] = set()
    for name_terms in SearchDocument.objects.values_list("name_terms", flat=True).distinct().iterator():
        index_words.update(name_terms.split())
    return Vocabulary(
        themes_by_phrase={k: frozenset(v) for k, v in by_phrase.items()},
        audience_by_word=audience,
        index_words=tuple(sorted(index_words)),
        phrase_words=tuple(sorted(k for k in by_phrase if " " not in k)),
        max_phrase_len=max((k.count(" ") + 1 for k in by_phrase), default=1),
    )


def vocabulary() -> Vocabulary:
    return _vocabulary(vocabulary_version())


def _typo_limit(word: str) -> int:
    return 0 if len(word) < 5 else 1 if len(word) < 8 else 2


def _correct(word: str, choices: Sequence[str]) -> str:
    limit = _typo_limit(word)
    if not limit or not choices:
        return ""
    match = process.extractOne(word, choices, scorer=Levenshtein.distance, score_cutoff=limit)
    return match[0] if match else ""


def parse(raw: str, *, interface_language: str = "nl") -> ParsedQuery:
    """Turn what someone typed into themes, hints (relatives, women, men) and words to match."""
    truncated = len(raw) > text.MAX_QUERY_CHARS
    query = ParsedQuery(raw=raw[: text.MAX_QUERY_CHARS], truncated=truncated)
    vocab = vocabulary()
    words = text.words(query.raw)
    languages = tuple(dict.fromkeys((interface_language, *STEM_LANGUAGES)))
    theme_ids: set[int] = set()
    corrected_themes: dict[str, frozenset[int]] = {}
    i = 0
    while i < len(words):
        # Longest theme phrase first ("geen zin meer"), then single words.
        for size in range(min(vocab.max_phrase_len, len(words) - i), 0, -1):
            phrase = " ".join(words[i : i + size])
            ids = vocab.themes_by_phrase.get(phrase) or next(
                (vocab.themes_by_phrase[k] for k in sorted(_phrase_keys(phrase)) if k in vocab.themes_by_phrase), None
            )
            if ids:
                theme_ids |= ids
                # The words still count as text: a group that names its theme ranks higher.
                for word in words[i : i + size]:
                    if word not in STOPWORDS and len(query.concepts) < MAX_CONCEPTS:
                        query.concepts.append(Concept(word=word, terms=frozenset(text.query_stems(word, languages))))
                i += size
                break
        else:
            word = words[i]
            i += 1
            kind = vocab.audience_by_word.get(word) or next(
                (vocab.audience_by_word[k] for k in sorted(_phrase_keys(word)) if k in vocab.audience_by_word), None
            )
            if kind == "relatives":
                query.relatives = True
            elif kind in ("women", "men"):
                query.gender = kind
            elif word not in STOPWORDS and len(query.concepts) < MAX_CONCEPTS:
                terms = text.query_stems(word, languages)
                fixed = _correct(word, vocab.phrase_words) if not _known(terms, vocab) else ""
                if fixed:
                    theme_ids |= vocab.themes_by_phrase[fixed]
                    corrected_themes[word] = vocab.themes_by_phrase[fixed]
                    continue
                fixed = _correct(word, vocab.index_words) if not _known(terms, vocab) else ""
                if fixed:
                    query.corrections[word] = fixed
                    terms = {fixed}
                query.concepts.append(Concept(word=word, terms=frozenset(terms), corrected_from=word if fixed else ""))
    cached = _themes_by_id(vocabulary_version())
    query.themes = [cached[i] for i in sorted(theme_ids) if i in cached]
    for word, ids in corrected_themes.items():
        # Show the correction as the theme's name in the visitor's language, not the synonym that matched.
        query.corrections[word] = ", ".join(t.label for t in query.themes if t.pk in ids)
    return query


def _known(terms: set[str] | frozenset[str], vocab: Vocabulary) -> bool:
    return any(t in vocab.themes_by_phrase for t in terms) or any(_in_sorted(vocab.index_words, t) for t in terms)


def _in_sorted(items: tuple[str, ...], value: str) -> bool:
    import bisect

    i = bisect.bisect_left(items, value)
    return i < len(items) and items[i] == value


@lru_cache(maxsize=2)
def _theme_children(version: str) -> dict[int | None, tuple[int, ...]]:
    children: dict[int | None, list[int]] = {}
    for pk, parent_id in Theme.objects.values_list("pk", "parent_id"):
        children.setdefault(parent_id, []).append(pk)
    return {k: tuple(v) for k, v in children.items()}


def expand_themes(themes: Sequence[Theme]) -> tuple[set[int], set[int]]:
    """(the themes asked for, their narrower themes): 'verslaving' also finds gambling groups."""
    direct = {t.pk for t in themes}
    children = _theme_children(vocabulary_version())
    narrower: set[int] = set()
    stack = list(direct)
    while stack:
        for child in children.get(stack.pop(), ()):
            if child not in narrower and child not in direct:
                narrower.add(child)
                stack.append(child)
    return direct, narrower


# --- The database backends -----------------------------------------------


class Backend:
    # Seconds since 1970 of the last check, so ranking needs no datetime parsing per row.
    verified_epoch = "0"

    def text_match(self, column: str, terms: frozenset[str]) -> tuple[str, list[Any]]:
        raise NotImplementedError


class SQLiteBackend(Backend):
    verified_epoch = "COALESCE(CAST(strftime('%%s', d.verified_at) AS REAL), 0)"

    def text_match(self, column: str, terms: frozenset[str]) -> tuple[str, list[Any]]:
        alternatives = " OR ".join(f'"{t}"' for t in sorted(terms))
        match = f"{{{column}}} : ({alternatives})"
        return "d.group_id IN (SELECT rowid FROM directory_search_fts WHERE directory_search_fts MATCH %s)", [match]


class PostgresBackend(Backend):
    verified_epoch = "COALESCE(EXTRACT(EPOCH FROM d.verified_at), 0)"

    def text_match(self, column: str, terms: frozenset[str]) -> tuple[str, list[Any]]:
        vector = {"name_terms": "d.name_vector", "body_terms": "d.body_vector", "facet_terms": "d.facet_vector"}[column]
        tsquery = " | ".join("'" + t.replace("'", "") + "'" for t in sorted(terms))
        return f"{vector} @@ to_tsquery('simple', %s)", [tsquery]


def backend() -> Backend:
    return PostgresBackend() if connection.vendor == "postgresql" else SQLiteBackend()


# --- Running a search ----------------------------------------------------


def _filter_sql(filters: Filters, db: Backend) -> tuple[list[str], list[Any]]:
    """Conditions that do not depend on the place; the place is handled in _place_branches."""
    where: list[str] = []
    params: list[Any] = []
    if filters.language:
        expr, p = db.text_match("facet_terms", frozenset({f"l{filters.language}"}))
        where.append(expr)
        params.extend(p)
    if filters.day is not None:
        where.append("(d.weekday_mask & %s) != 0")
        params.append(1 << filters.day)
    if filters.part:
        where.append("(d.part_mask & %s) != 0")
        params.append(PARTS[filters.part])
    if filters.audience == "self":
        where.append("d.audience IN ('affected', 'both')")
    elif filters.audience == "relative":
        where.append("d.audience IN ('relatives', 'both')")
    if filters.gender in ("women", "men"):
        where.append("d.gender = %s")
        params.append(filters.gender)
    if filters.free:
        where.append("d.is_free = %s")
        params.append(True)
    if filters.new:
        where.append("d.welcomes_new = %s")
        params.append(True)
    return where, params


KM_PER_DEGREE = postcodes.EARTH_RADIUS_KM * math.pi / 180
FAR = 1e18  # sorts groups without a distance (online) after every near one, on both databases


@dataclasses.dataclass(frozen=True)
class _Place:
    """The place searched from, as SQL: a squared equirectangular distance in degrees of latitude.

    Plain arithmetic, so PostgreSQL and SQLite compute the same numbers; within 50 km it differs from the
    great-circle distance by less than a metre per kilometre.
    """

    latitude: float
    longitude: float
    km: float | None

    @property
    def sql(self) -> tuple[str, list[Any]]:
        k = math.cos(math.radians(self.latitude))
        expr = "((d.latitude - %s) * (d.latitude - %s) + (d.longitude - %s) * %s * (d.longitude - %s) * %s)"
        return expr, [self.latitude, self.latitude, self.longitude, k, self.longitude, k]

    def within(self) -> tuple[str, list[Any]]:
        assert self.km is not None
        box = postcodes.bounding_box(self.latitude, self.longitude, self.km)
        expr, params = self.sql
        return (
            f"d.latitude BETWEEN %s AND %s AND d.longitude BETWEEN %s AND %s AND {expr} <= %s",
            [*box, *params, (self.km / KM_PER_DEGREE) ** 2],
        )


def _place_branches(filters: Filters, place: _Place | None) -> list[tuple[str, list[Any]]]:
    """One condition per branch of the query: near the place, and online groups (which are near everyone).

    Two branches joined by UNION ALL, not one OR, so each can use its own index.
    """
    near = place.within() if place is not None and place.km else None
    online = ("d.is_online = %s", [True])
    if filters.mode == "online":
        return [online]
    if filters.mode == "in_person":
        return [near or ("d.is_online = %s", [False])]
    return [near, online] if near else [("1 = 1", [])]


def _score_sql(query: ParsedQuery, db: Backend) -> tuple[str, list[Any], list[str], list[Any]]:
    """(score expression, its parameters, the match conditions, their parameters)."""
    parts: list[str] = []
    params: list[Any] = []
    matches: list[str] = []
    match_params: list[Any] = []
    direct, narrower = expand_themes(query.themes)
    theme_cases: list[str] = []
    for ids, weight in ((direct, W_THEME), (narrower, W_THEME_BROADER)):
        if ids:
            expr, p = db.text_match("facet_terms", frozenset(f"t{i}" for i in ids))
            theme_cases.append(f"WHEN {expr} THEN {weight}")
            params += p
            matches.append(expr)
            match_params += p
    if theme_cases:
        parts.append(f"CASE {' '.join(theme_cases)} ELSE 0 END")
    for concept in query.concepts:
        for column, weight in (("name_terms", W_NAME), ("body_terms", W_BODY)):
            expr, p = db.text_match(column, concept.terms)
            parts.append(f"CASE WHEN {expr} THEN {weight} ELSE 0 END")
            params += p
            matches.append(expr)
            match_params += p
    if query.relatives:
        parts.append(f"CASE WHEN d.audience IN ('relatives', 'both') THEN {W_HINT} ELSE 0 END")
    if query.gender:
        parts.append(f"CASE WHEN d.gender = %s THEN {W_HINT} ELSE 0 END")
        params.append(query.gender)
    return (" + ".join(parts) or "0"), params, matches, match_params


@dataclasses.dataclass(frozen=True)
class Ranked:
    """One matching group, without loading it: enough to page and show a distance."""

    group_id: int
    score: float
    distance_km: float | None
    facets: str = ""  # theme ids and language codes, as in the search document


def rank(
    query: ParsedQuery,
    filters: Filters,
    origin: postcodes.Area | None,
    *,
    limit: int | None = None,
    offset: int = 0,
) -> tuple[list[Ranked], int]:
    """(the matching groups best first, from `offset`, at most `limit` of them; how many match in all).

    Relevance first, then the nearest, then the most recently checked; the id keeps ties stable.
    The database sorts and counts, so only one page of rows travels to Python.
    """
    db = backend()
    place = _Place(origin.latitude, origin.longitude, filters.distance) if origin is not None else None
    where, params = _filter_sql(filters, db)
    score, score_params, matches, match_params = _score_sql(query, db)
    # With only hints (relatives, women) or no words at all, every group qualifies and the hints rank them.
    if matches:
        where.append("(" + " OR ".join(matches) + ")")
        params += match_params
    distance, distance_params = place.sql if place is not None else ("CAST(NULL AS DOUBLE PRECISION)", [])
    branches: list[str] = []
    all_params: list[Any] = []
    for condition, place_params in _place_branches(filters, place):
        # Every value travels as a parameter; the SQL text holds only fixed fragments and placeholders.
        branches.append(
            f"SELECT d.group_id, d.latitude, d.longitude, d.facet_terms, {db.verified_epoch} AS verified, "  # noqa: S608
            f"{score} AS score, {distance} AS distance FROM directory_searchdocument d WHERE "
            + " AND ".join([condition, *where])
        )
        all_params += score_params + distance_params + place_params + params
    sql = (
        "SELECT group_id, latitude, longitude, facet_terms, score, COUNT(*) OVER () FROM ("  # noqa: S608
        + " UNION ALL ".join(branches)
        + f") AS c ORDER BY score DESC, COALESCE(distance, {FAR}) ASC, verified DESC, group_id ASC"
    )
    if limit is not None:
        sql += " LIMIT %s OFFSET %s"
        all_params += [limit, offset]
    with connection.cursor() as cursor:
        cursor.execute(sql, all_params)
        rows = cursor.fetchall()
        if not rows and offset:
            # Past the last page: count, so the caller can show the last page instead.
            cursor.execute(f"SELECT COUNT(*) FROM ({' UNION ALL '.join(branches)}) AS c", all_params[:-2])  # noqa: S608
            return [], int(cursor.fetchone()[0])
    ranked = [
        Ranked(
            group_id=row[0],
            score=float(row[4]),
            distance_km=(
                postcodes.distance_km(origin.latitude, origin.longitude, row[1], row[2])
                if origin is not None and row[1] is not None
                else None
            ),
            facets=row[3],
        )
        for row in rows
    ]
    return ranked, int(rows[0][5]) if rows else 0


def run(
    query: ParsedQuery, filters: Filters, *, page: int = 1, page_size: int = PAGE_SIZE, origin: postcodes.Area | None
) -> tuple[list[Hit], int, int]:
    """Return (hits of this page, total, the page actually shown)."""
    page = max(1, page)
    chosen, total = rank(query, filters, origin, limit=page_size, offset=(page - 1) * page_size)
    pages = max(1, math.ceil(total / page_size))
    if page > pages:
        page = pages
        chosen, total = rank(query, filters, origin, limit=page_size, offset=(page - 1) * page_size)
    ids = [r.group_id for r in chosen]
    groups = Group.objects.select_related("location").prefetch_related("schedules__cancellations").in_bulk(ids)
    # Themes and languages are few and rarely change: the cached objects are looked up from the
    # document's facet words, which saves two queries and a model instance per result on every search.
    version = vocabulary_version()
    themes, languages = _themes_by_id(version), _languages_by_code(version)
    hits = []
    now = datetime.datetime.now(tz=datetime.UTC)
    for r in chosen:
        group = groups[r.group_id]
        # A paused group keeps its schedule for when it starts again; a date from it would send people to a closed door.
        upcoming = [] if group.status == GroupStatus.PAUSED else group.next_meetings(count=1, after=now)
        facets = r.facets.split()
        hits.append(
            Hit(
                group=group,
                score=r.score,
                distance_km=r.distance_km,
                next_meeting=upcoming[0] if upcoming else None,
                themes=[themes[int(f[1:])] for f in facets if f[0] == "t" and int(f[1:]) in themes],
                languages=[languages[f[1:]] for f in facets if f[0] == "l" and f[1:] in languages],
            )
        )
    return hits, total, page


def search(
    raw_query: str, filters: Filters, *, page: int = 1, interface_language: str = "nl", page_size: int = PAGE_SIZE
) -> Results:
    """The whole search: parse, resolve the place, find, rank, and say what was adjusted."""
    messages: list[str] = []
    query = parse(raw_query, interface_language=interface_language)
    if query.truncated:
        messages.append(
            _("Your search was very long. We used the first %(n)s characters.") % {"n": text.MAX_QUERY_CHARS}
        )
    origin = None
    if filters.place:
        origin = postcodes.resolve(filters.place)
        if origin is None:
            messages.append(
                _("We do not know the place or postcode '%(place)s'. We show groups everywhere.")
                % {"place": filters.place[:40]}
            )
    hits, total, shown = run(query, filters, page=page, page_size=page_size, origin=origin)
    pages = max(1, math.ceil(total / page_size))
    if page > pages and total:
        messages.append(_("There is no page %(page)s. This is the last page.") % {"page": page})
    return Results(
        query=query, filters=filters, hits=hits, total=total, page=shown, pages=pages, origin=origin, messages=messages
    )


@lru_cache(maxsize=2)
def _themes_by_id(version: str) -> dict[int, Theme]:
    return Theme.objects.in_bulk()


@lru_cache(maxsize=2)
def _languages_by_code(version: str) -> dict[str, Language]:
    return {lang.code: lang for lang in Language.objects.all()}


@lru_cache(maxsize=2)
def _meeting_languages(version: str) -> tuple[tuple[str, str], ...]:
    rows = Language.objects.filter(code__in=_facet_language_codes()).order_by("name_local")
    return tuple((lang.code, lang.name_local) for lang in rows)


def _facet_language_codes() -> set[str]:
    codes: set[str] = set()
    for facets in SearchDocument.objects.values_list("facet_terms", flat=True).distinct().iterator():
        codes.update(term[1:] for term in facets.split() if term.startswith("l"))
    return codes


def meeting_languages() -> tuple[tuple[str, str], ...]:
    """(code, name in the language itself) of every language public groups meet in."""
    return _meeting_languages(vocabulary_version())


def related_themes(themes: Sequence[Theme]) -> list[Theme]:
    """Themes next to these in the taxonomy (same broader theme), for 'nothing found'."""
    parents = {t.parent_id for t in themes if t.parent_id}
    return list(Theme.objects.filter(parent_id__in=parents).exclude(pk__in=[t.pk for t in themes])[:8])


def suggest_themes(raw: str, limit: int = 5) -> list[Theme]:
    """Themes whose name or synonym looks most like what was typed, however loosely."""
    vocab = vocabulary()
    words = [w for w in text.words(raw[: text.MAX_QUERY_CHARS]) if w not in STOPWORDS]
    scores: dict[int, float] = {}
    for word in words:
        for phrase, score, _i in process.extract(word, vocab.phrase_words, limit=limit):
            for theme_id in vocab.themes_by_phrase[phrase]:
                scores[theme_id] = max(scores.get(theme_id, 0), score)
    best = sorted(scores, key=lambda k: -scores[k])[:limit]
    by_id = Theme.objects.in_bulk(best)
    return [by_id[i] for i in best if i in by_id]
