"""Search the social map: understand what a visitor types, then find and rank groups.

One service, two database backends (PostgreSQL tsvector, SQLite FTS5) over the
same pre-stemmed terms (search_index.py), so both return the same groups in
the same order. Ranking: relevance, then distance, then freshness.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime
import math
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from django.db import connection
from django.utils.translation import gettext as _
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from samenspel.directory import postcodes, text
from samenspel.directory.models import Group, GroupStatus, Language, SearchDocument, Theme, ThemeSynonym
from samenspel.directory.reference_data import (
    AUDIENCE_WORDS,
    FEATURE_WORDS,
    FOR_RELATIVES_SLUGS,
    INTERFACE_LANGUAGES,
    LANGUAGES,
    THEMES,
)
from samenspel.directory.reference_data import STOPWORDS as STOPWORDS_BY_LANGUAGE
from samenspel.directory.search_index import (
    AFTERNOON,
    EVENING,
    MORNING,
    feature_bits,
    vocabulary_version,
)

DISTANCES = (5, 10, 25, 50)
DEFAULT_DISTANCE = 25
PAGE_SIZE = 20
MAX_CONCEPTS = 8
PARTS = {"morning": MORNING, "afternoon": AFTERNOON, "evening": EVENING}

# Weights of the relevance score. Each theme the visitor asked for counts on its own: a group that has it
# scores W_THEME, one with a narrower theme W_THEME_NARROWER, one with only the broader theme W_THEME_BROADER.
W_THEME, W_THEME_NARROWER, W_THEME_BROADER = 10, 8, 4
W_THEME_AS_ASKED = 1  # the asked theme without a narrower one beside it
W_THEME_ALL = 3  # every theme a phrase names
W_THEME_GENERAL = 8  # the broader theme only, without another narrower one: a general group on it
W_THEME_RELATED = 3  # a related theme (reference/themes.json 'related'): it may help, after the theme itself
W_NAME, W_BODY = 3, 1
# For a relative, a group for relatives and loved ones as such (carers, family) fits a little on its own.
W_FOR_RELATIVES = 3
# How well a group fits the visitor multiplies what it matched: FIT_STEPS when it is all right, one step less
# for each way it is not (a language they only partly follow or a second language they do not, the other
# audience, women or men only when not asked, farther than NEAR_KM), at least 1. A group in a language the
# visitor does not read at all, or for the other gender than asked, drops to 1.
FIT_STEPS = 5
NEAR_KM = 15
# The languages everyone using an interface language is taken to follow in part: Dutch for everyone living
# here, English for Dutch speakers.
PARTLY_FOLLOWED = {code: ("nl",) for code in INTERFACE_LANGUAGES} | {"nl": ("en",)}
# Distance bands (km): within a band, "new members welcome now" goes first, then the nearest.
BANDS = (5, 10, 25, 50)

# Words that say nothing about what someone looks for, in any interface language (reference/stopwords.json).
STOPWORDS = frozenset(text.fold(w) for words in STOPWORDS_BY_LANGUAGE.values() for w in words)


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
    # Each thing asked for as a theme, on its own ("scheiding kinderen": divorce, and parenting); empty when the
    # query was built from `themes` alone, which then count as one.
    theme_sets: list[frozenset[int]] = dataclasses.field(default_factory=list)
    # The languages the visitor reads: the interface language and the language the query is written in; or
    # the meeting language they asked for by name ("in het Pools").
    languages: tuple[str, ...] = ()
    asked_languages: tuple[str, ...] = ()
    # What the visitor asked the group to offer ("rolstoel": wheelchair access), search_index.FEATURES.
    features: tuple[str, ...] = ()
    # Nothing asked but features (and the themes their words name): the groups offering them are found too.
    only_features: bool = False

    def asked_theme_sets(self) -> list[frozenset[int]]:
        if self.theme_sets:
            return self.theme_sets
        return [frozenset(t.pk for t in self.themes)] if self.themes else []

    @property
    def is_empty(self) -> bool:
        return not (
            self.themes or self.concepts or self.relatives or self.gender or self.asked_languages or self.features
        )


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
    features: tuple[str, ...] = ()  # search_index.FEATURES the group must offer


@dataclasses.dataclass
class Reason:
    """Why a group is shown, in the words of the search: the themes asked for it has, whom it is for, how far."""

    themes: list[Theme] = dataclasses.field(default_factory=list)
    audience: str = ""  # "relatives", "women" or "men" when the visitor asked for it and the group is for them
    language: Language | None = None  # the meeting language asked for, when the group meets in it
    distance_km: float | None = None
    online: bool = False

    def __bool__(self) -> bool:
        return bool(self.themes or self.audience or self.language)


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
    reason: Reason = dataclasses.field(default_factory=Reason)


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
class Phrase:
    """A theme name or synonym of several words, found in a query in any order ("zoon ... verongelukt")."""

    words: tuple[frozenset[str], ...]  # per word of the phrase: its folded form and its stem
    themes: frozenset[int]


@dataclasses.dataclass(frozen=True)
class Vocabulary:
    themes_by_phrase: dict[str, frozenset[int]]  # folded label/synonym (or its stem) -> theme ids
    audience_by_word: dict[str, str]  # folded word -> relatives / women / men
    index_words: tuple[str, ...]  # every index term, for typo correction
    phrase_words: tuple[str, ...]  # theme phrases of one word, for typo correction
    max_phrase_len: int
    # Multi-word theme phrases by each of their word keys, for matching them in any order.
    phrases_by_key: dict[str, tuple[Phrase, ...]] = dataclasses.field(default_factory=dict)
    # Folded word (or stem) -> the interface languages whose lists hold it: tells the language of a query.
    languages_by_key: dict[str, frozenset[str]] = dataclasses.field(default_factory=dict)
    # A language's name in any interface language, or in itself -> its code ("pools", "polski" -> pl).
    language_names: dict[str, str] = dataclasses.field(default_factory=dict)
    # A word or phrase asking for what a group offers -> the feature ("rolstoel" -> wheelchair).
    features_by_phrase: dict[str, str] = dataclasses.field(default_factory=dict)


STEM_LANGUAGES = ("nl", "en", "tr", "ar", "fa", "pl")


# A stem shorter than this stands for too many words across nine languages ("man" from "manie", "has"
# from Turkish "hasta"): such a word is found only as written.
MIN_STEM = 4


def _stem(word: str, language: str) -> str:
    stem = text.stem(word, language)
    return stem if len(stem) >= MIN_STEM else word


def _phrase_keys(phrase: str, language: str | None = None) -> set[str]:
    """The keys a phrase is found under: its folded words, and their stems in its own language (or in every one)."""
    words = text.words(phrase)
    if not words:
        return set()
    keys = {" ".join(words)}
    for lang in (language,) if language else STEM_LANGUAGES:
        keys.add(" ".join(_stem(w, lang) for w in words))
    return keys


def _label_terms(label: str) -> list[str]:
    """A theme's name and its parts: "Demans (bunama)" is also "demans" and "bunama"; "ME/CVS" also "cvs"."""
    parts = [p.strip() for p in re.split(r"[()/,]", label) if p.strip()]
    return [label, *parts] if len(parts) > 1 else [label]


def _word_keys(word: str, language: str) -> frozenset[str]:
    return frozenset({word, _stem(word, language)})


@lru_cache(maxsize=2)
def _vocabulary(version: str) -> Vocabulary:
    by_phrase: dict[str, set[int]] = {}
    by_language: dict[str, set[str]] = {}
    phrases: dict[tuple[frozenset[str], ...], set[int]] = {}

    def add(term: str, language: str, theme_id: int) -> None:
        for key in _phrase_keys(term, language):
            by_phrase.setdefault(key, set()).add(theme_id)
            by_language.setdefault(key, set()).add(language)
        words = text.words(term)
        # In any order only with two words that carry meaning: "te veel eten" is found as written.
        if len([w for w in words if w not in STOPWORDS]) > 1:
            phrases.setdefault(tuple(_word_keys(w, language) for w in words), set()).add(theme_id)

    for theme in Theme.objects.all():
        for code in INTERFACE_LANGUAGES:
            for term in _label_terms(getattr(theme, f"label_{code}", "") or ""):
                add(term, code, theme.pk)
    for theme_id, language, term in ThemeSynonym.objects.values_list("theme_id", "language", "term"):
        add(term, language, theme_id)
    audience: dict[str, str] = {}
    for kind, per_language in AUDIENCE_WORDS.items():
        for code, words in per_language.items():
            for word in words:
                for key in _phrase_keys(word, code):
                    # A word both a relative and a gender ("man", "vrouw") is read as the relative.
                    audience.setdefault(key, kind)
                    by_language.setdefault(key, set()).add(code)
    for code, words in STOPWORDS_BY_LANGUAGE.items():
        for word in words:
            by_language.setdefault(text.fold(word), set()).add(code)
    names: dict[str, str] = {}
    for row in LANGUAGES:
        for code, name in [*row["name"].items(), (row["code"], row["name_local"])]:
            for key in _phrase_keys(name, code if code in INTERFACE_LANGUAGES else None):
                if " " not in key:
                    names.setdefault(key, row["code"])
    features: dict[str, str] = {}
    for feature, per_language in FEATURE_WORDS.items():
        for code, words in per_language.items():
            for word in words:
                folded = " ".join(text.words(word))
                features.setdefault(folded, feature)
                by_language.setdefault(folded, set()).add(code)
                stem = " ".join(_stem(w, code) for w in text.words(word))
                # A stem that is also a word for whom someone looks ("ouderen" -> "ouder") stays that word.
                if stem not in audience and stem not in STOPWORDS:
                    features.setdefault(stem, feature)
    by_key: dict[str, list[Phrase]] = {}
    for word_keys, ids in phrases.items():
        phrase = Phrase(words=word_keys, themes=frozenset(ids))
        for key in set().union(*word_keys):
            by_key.setdefault(key, []).append(phrase)
    index_words: set[str] = set()
    for name_terms in SearchDocument.objects.values_list("name_terms", flat=True).distinct().iterator():
        index_words.update(name_terms.split())
    return Vocabulary(
        themes_by_phrase={k: frozenset(v) for k, v in by_phrase.items()},
        audience_by_word=audience,
        index_words=tuple(sorted(index_words)),
        phrase_words=tuple(sorted(k for k in by_phrase if " " not in k)),
        max_phrase_len=max((k.count(" ") + 1 for k in by_phrase), default=1),
        phrases_by_key={k: tuple(v) for k, v in by_key.items()},
        languages_by_key={k: frozenset(v) for k, v in by_language.items()},
        language_names=names,
        features_by_phrase=features,
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
    # Never to a short word: "slaat" is not a typo of the abbreviation "slaa".
    return match[0] if match and len(match[0]) >= MIN_STEM + 1 else ""


def _query_keys(word: str) -> set[str]:
    """Every key a query word may be found under: the language of a query is not known beforehand."""
    return {word} | {_stem(word, lang) for lang in STEM_LANGUAGES}


def _theme_ids(phrase: str, vocab: Vocabulary) -> frozenset[int] | None:
    return vocab.themes_by_phrase.get(phrase) or next(
        (vocab.themes_by_phrase[k] for k in sorted(_phrase_keys(phrase)) if k in vocab.themes_by_phrase), None
    )


def _feature(phrase: str, vocab: Vocabulary) -> str:
    """The feature a word or phrase asks for, as written or by its stem in any language, or ""."""
    found = vocab.features_by_phrase.get(phrase)
    if found:
        return found
    words = phrase.split()
    for lang in STEM_LANGUAGES:
        found = vocab.features_by_phrase.get(" ".join(_stem(w, lang) for w in words))
        if found:
            return found
    return ""


def _audience(word: str, vocab: Vocabulary) -> str:
    return vocab.audience_by_word.get(word) or next(
        (vocab.audience_by_word[k] for k in sorted(_phrase_keys(word)) if k in vocab.audience_by_word), ""
    )


# Joints of Dutch compounds: "kanker|patiënten", "rouw|groep", "zelfhulp|s|groep", "ouder|en|avond".
LINKERS = ("", "s", "en", "e")
MIN_PART = 3


def _split_compound(word: str, vocab: Vocabulary) -> list[str]:
    """A compound written as one word, as its parts, when one part is a theme word and the other is known.

    "rouwgroep" -> ["rouw", "groep"], "kankerpatiënten" -> ["kanker", "patiënten"]. Known means a theme word,
    a word of the index, an audience word or a stopword; the longest theme part wins. [] when no split fits.
    """
    if len(word) < 2 * MIN_PART + 1:
        return []
    best: tuple[int, list[str]] | None = None
    for i in range(MIN_PART, len(word) - MIN_PART + 1):
        head, tail = word[:i], word[i:]
        for linker in LINKERS:
            if linker and not head.endswith(linker):
                continue
            left = head[: len(head) - len(linker)] if linker else head
            if len(left) < MIN_PART:
                continue
            left_theme, tail_theme = _theme_ids(left, vocab), _theme_ids(tail, vocab)
            if not (left_theme or tail_theme):
                continue
            if not (left_theme or _known_word(left, vocab)) or not (tail_theme or _known_word(tail, vocab)):
                continue
            weight = (len(left) if left_theme else 0) + (len(tail) if tail_theme else 0)
            if best is None or weight > best[0]:
                best = (weight, [left, tail])
    return best[1] if best else []


def _known_word(word: str, vocab: Vocabulary) -> bool:
    return (
        word in STOPWORDS
        or bool(_audience(word, vocab))
        or any(_in_sorted(vocab.index_words, k) for k in text.query_stems(word, STEM_LANGUAGES))
    )


def _language_named(word: str, vocab: Vocabulary) -> str:
    """The code of the language this word names, as a name or an adjective ("pools", "poolse", "soomaaliyeed")."""
    for key in sorted(_query_keys(word)):
        if key in vocab.language_names:
            return vocab.language_names[key]
    for cut in range(len(word) - 1, MIN_STEM, -1):
        if word[:cut] in vocab.language_names and cut >= MIN_STEM + 1:
            return vocab.language_names[word[:cut]]
    return ""


def _languages_of(words: Sequence[str], vocab: Vocabulary) -> tuple[str, ...]:
    """The interface languages whose word lists hold the most of these words (stopwords count too)."""
    counts: dict[str, int] = {}
    for word in words:
        found: set[str] = set()
        for key in _query_keys(word):
            found |= vocab.languages_by_key.get(key, frozenset())
        for code in found:
            counts[code] = counts.get(code, 0) + 1
    if not counts:
        return ()
    most = max(counts.values())
    return tuple(sorted(code for code, n in counts.items() if n == most))


def parse(raw: str, *, interface_language: str = "nl") -> ParsedQuery:
    """Turn what someone typed into themes, hints (relatives, women, men), languages and words to match."""
    truncated = len(raw) > text.MAX_QUERY_CHARS
    query = ParsedQuery(raw=raw[: text.MAX_QUERY_CHARS], truncated=truncated)
    vocab = vocabulary()
    words = text.words(query.raw)
    languages = tuple(dict.fromkeys((interface_language, *STEM_LANGUAGES)))
    theme_sets: list[frozenset[int]] = []
    corrected_themes: dict[str, frozenset[int]] = {}
    feature_themes: set[frozenset[int]] = set()
    feature_words: set[str] = set()
    asked_languages = [code for code in (_language_named(w, vocab) for w in words) if code]

    def add_concept(word: str) -> None:
        if word not in STOPWORDS and len(query.concepts) < MAX_CONCEPTS:
            query.concepts.append(Concept(word=word, terms=frozenset(text.query_stems(word, languages))))

    # Phrases of several words, in any order and with words between ("mijn zoon is verongelukt"): their words
    # are spoken for, so "zoon" there says what happened, not for whom the visitor looks.
    in_phrase: set[int] = set()
    keys = [_query_keys(w) for w in words]
    for phrase in {p for k in keys for key in k for p in vocab.phrases_by_key.get(key, ())}:
        positions: list[int] = []
        for alternatives in phrase.words:
            at = next((i for i, k in enumerate(keys) if i not in positions and k & alternatives), None)
            if at is None:
                break
            positions.append(at)
        else:
            theme_sets.append(phrase.themes)
            in_phrase.update(positions)

    pending = list(enumerate(words))
    while pending:
        i, word = pending[0]
        # Longest theme phrase of adjacent words first ("geen zin meer"), then single words.
        run = [w for _j, w in pending[: vocab.max_phrase_len]]
        # A phrase asking for what a group offers ("wheelchair accessible") before a theme in its first word.
        long_feature = next(
            (
                (n, f)
                for n in range(len(run), 1, -1)
                if i not in in_phrase and (f := _feature(" ".join(run[:n]), vocab))
            ),
            None,
        )
        if long_feature:
            query.features = tuple(dict.fromkeys((*query.features, long_feature[1])))
            del pending[: long_feature[0]]
            continue
        for size in range(len(run), 0, -1):
            ids = _theme_ids(" ".join(run[:size]), vocab) if size > 1 or word not in STOPWORDS else None
            if ids:
                theme_sets.append(ids)
                # The words still count as text: a group that names its theme ranks higher.
                for w in run[:size]:
                    add_concept(w)
                # A theme word that also asks for what a group offers ("rolstoel": disability, and a place
                # a wheelchair can enter) is both.
                feature = _feature(" ".join(run[:size]), vocab) if i not in in_phrase else ""
                if feature:
                    query.features = tuple(dict.fromkeys((*query.features, feature)))
                    feature_themes.add(ids)
                    feature_words.update(run[:size])
                del pending[:size]
                break
        else:
            # What the group should offer ("rolstoel", "young people"): a filter, not a word to match.
            feature = ""
            size = len(run) if i not in in_phrase else 0
            while size and not feature:
                feature = _feature(" ".join(run[:size]), vocab)
                size -= 1 if not feature else 0
            if feature:
                query.features = tuple(dict.fromkeys((*query.features, feature)))
                del pending[: size or 1]
                continue
            del pending[0]
            kind = _audience(word, vocab)
            if kind and i not in in_phrase:
                if kind == "relatives":
                    query.relatives = True
                elif kind in ("women", "men"):
                    query.gender = kind
                continue
            if kind or word in STOPWORDS or _language_named(word, vocab) or len(query.concepts) >= MAX_CONCEPTS:
                continue
            terms = text.query_stems(word, languages)
            known = _known(terms, vocab)
            parts = [] if _theme_ids(word, vocab) else _split_compound(word, vocab)
            if parts:
                # The parts are read as words of their own; the whole word still matches as written.
                if known:
                    add_concept(word)
                pending[0:0] = [(i, part) for part in parts]
                continue
            fixed = _correct(word, vocab.phrase_words) if not known else ""
            if fixed:
                theme_sets.append(vocab.themes_by_phrase[fixed])
                corrected_themes[word] = vocab.themes_by_phrase[fixed]
                continue
            fixed = _correct(word, vocab.index_words) if not known else ""
            if fixed:
                query.corrections[word] = fixed
                terms = {fixed}
            query.concepts.append(Concept(word=word, terms=frozenset(terms), corrected_from=word if fixed else ""))
    cached = _themes_by_id(vocabulary_version())
    query.theme_sets = list(dict.fromkeys(s for s in theme_sets if s))[:MAX_CONCEPTS]
    theme_ids = set().union(*query.theme_sets) if query.theme_sets else set()
    query.themes = [cached[i] for i in sorted(theme_ids) if i in cached]
    for word, ids in corrected_themes.items():
        # Show the correction as the theme's name in the visitor's language, not the synonym that matched.
        query.corrections[word] = ", ".join(t.label for t in query.themes if t.pk in ids)
    query.only_features = bool(query.features) and (
        all(s in feature_themes for s in query.theme_sets) and all(c.word in feature_words for c in query.concepts)
    )
    query.asked_languages = tuple(dict.fromkeys(asked_languages))
    query.languages = query.asked_languages or tuple(dict.fromkeys((interface_language, *_languages_of(words, vocab))))
    return query


def _known(terms: set[str] | frozenset[str], vocab: Vocabulary) -> bool:
    return any(t in vocab.themes_by_phrase for t in terms) or any(_in_sorted(vocab.index_words, t) for t in terms)


def _in_sorted(items: tuple[str, ...], value: str) -> bool:
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
    copy_key = ""  # what two copies of a group (same name, themes and languages) have in common, as SQL
    # Seconds since 1970 of the last check, so ranking needs no datetime parsing per row.
    verified_epoch = "0"
    least = "LEAST"  # the smaller of two numbers
    # Near and online in one scan (an OR of the two place conditions), so the text indexes are read once:
    # PostgreSQL combines the bitmaps of both place indexes with those of the words. SQLite keeps two branches.
    one_scan = False

    def text_match(self, column: str, terms: frozenset[str]) -> tuple[str, list[Any]]:
        raise NotImplementedError


class SQLiteBackend(Backend):
    verified_epoch = "COALESCE(CAST(strftime('%%s', d.verified_at) AS REAL), 0)"
    copy_key = "d.name_terms || ' ' || d.facet_terms"
    least = "MIN"

    def text_match(self, column: str, terms: frozenset[str]) -> tuple[str, list[Any]]:
        alternatives = " OR ".join(f'"{t}"' for t in sorted(terms))
        match = f"{{{column}}} : ({alternatives})"
        return "d.group_id IN (SELECT rowid FROM directory_search_fts WHERE directory_search_fts MATCH %s)", [match]


class PostgresBackend(Backend):
    verified_epoch = "COALESCE(EXTRACT(EPOCH FROM d.verified_at), 0)"
    # A 64-bit hash of the same words: the rows sorted to find second copies are narrow then (bench/search: the
    # ranking query 12% faster). Two different groups share a hash once in some 10^13 searches of 2,000 rows.
    copy_key = "hashtextextended(d.name_terms || ' ' || d.facet_terms, 0)"
    one_scan = True

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
    wanted = feature_bits(filters.features)
    if wanted:
        where.append("(COALESCE(d.feature_mask, 0) & %s) = %s")
        params += [wanted, wanted]
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


@lru_cache(maxsize=2)
def _relatives_theme_ids(version: str) -> frozenset[int]:
    return frozenset(Theme.objects.filter(slug__in=FOR_RELATIVES_SLUGS).values_list("pk", flat=True))


@lru_cache(maxsize=2)
def _all_theme_ids(version: str) -> frozenset[int]:
    return frozenset(Theme.objects.values_list("pk", flat=True))


@lru_cache(maxsize=2)
def _related_theme_ids(version: str) -> dict[int, frozenset[int]]:
    """Themes that help one another's people, both ways (reference/themes.json 'related': divorce and single
    parents, suicide and grief)."""
    ids = dict(Theme.objects.values_list("slug", "pk"))
    related: dict[int, set[int]] = {}
    for row in THEMES:
        for other in row.get("related", []):
            if row["slug"] in ids and other in ids:
                related.setdefault(ids[row["slug"]], set()).add(ids[other])
                related.setdefault(ids[other], set()).add(ids[row["slug"]])
    return {k: frozenset(v) for k, v in related.items()}


@lru_cache(maxsize=2)
def _theme_parents(version: str) -> dict[int, int | None]:
    return dict(Theme.objects.values_list("pk", "parent_id"))


@dataclasses.dataclass(frozen=True)
class ThemeMatch:
    """One thing asked for as themes: the themes themselves, the narrower ones, and the broader ones above them."""

    direct: frozenset[int]
    narrower: frozenset[int]
    broader: frozenset[int]
    related: frozenset[int] = frozenset()
    # Narrower themes of the broader ones that are not what was asked: a group on the broader theme with one of
    # these is about something else (a twelve-step group on drugs for a drinking son); without, it is general.
    siblings: frozenset[int] = frozenset()

    def weight(self, theme_ids: set[int]) -> int:
        if theme_ids & self.direct:
            return W_THEME
        if theme_ids & self.narrower:
            return W_THEME_NARROWER
        if theme_ids & (self.broader | self.related):
            return W_THEME_BROADER
        return 0


def theme_matches(query: ParsedQuery) -> list[ThemeMatch]:
    version = vocabulary_version()
    by_id, parents, see_also = _themes_by_id(version), _theme_parents(version), _related_theme_ids(version)
    out: list[ThemeMatch] = []
    for ids in query.asked_theme_sets():
        direct, narrower = expand_themes([by_id[i] for i in sorted(ids) if i in by_id])
        broader: set[int] = set()
        for theme_id in direct:
            parent = parents.get(theme_id)
            while parent is not None and parent not in broader:
                broader.add(parent)
                parent = parents.get(parent)
        related = set().union(*(see_also.get(i, frozenset()) for i in direct)) if direct else set()
        below_broader = expand_themes([by_id[i] for i in broader if i in by_id])[1]
        out.append(
            ThemeMatch(
                frozenset(direct),
                frozenset(narrower),
                frozenset(broader - direct - narrower),
                frozenset(related - direct - narrower - broader),
                frozenset(below_broader - direct - narrower - broader),
            )
        )
    return out


def _score_sql(
    query: ParsedQuery, db: Backend, distance: str = "", distance_params: Sequence[Any] = ()
) -> tuple[str, list[Any], list[str], list[Any]]:
    """(score expression, its parameters, the match conditions, their parameters).

    The score is what fits times how well it fits. What fits: per theme asked for, the best of direct,
    narrower and broader; per word, the name and the description; for a relative, the groups for relatives.
    How well: FIT_STEPS, one step less for each way the group is not quite for this visitor (see _misses_sql).
    """
    if query.is_empty:
        return "0", [], [], []  # nothing asked: every group, nearest first
    parts: list[str] = []
    params: list[Any] = []
    matched_themes: set[int] = set()
    asked_family: set[int] = set()  # every theme the query touches, broader ones too
    for match in theme_matches(query):
        asked_family |= match.direct | match.narrower | match.broader | match.related
        cases: list[str] = []
        if 1 < len(match.direct) <= MAX_CONCEPTS:
            # A phrase that names several themes at once ("na zelfmoord": suicide and grief) fits a group on
            # all of them best.
            alls = [db.text_match("facet_terms", frozenset({f"t{i}"})) for i in sorted(match.direct)]
            cases.append(f"WHEN {' AND '.join(e for e, _p in alls)} THEN {W_THEME + W_THEME_ALL}")
            params += [v for _e, p in alls for v in p]
        if match.direct and match.narrower:
            # A group on the theme as asked fits better than one on a narrower case of it as well ("my husband
            # died": a grief group before the group for parents who lost a child).
            expr, p = db.text_match("facet_terms", frozenset(f"t{i}" for i in match.direct))
            narrower, narrower_p = db.text_match("facet_terms", frozenset(f"t{i}" for i in match.narrower))
            cases.append(f"WHEN {expr} AND NOT {narrower} THEN {W_THEME + W_THEME_AS_ASKED}")
            params += p + narrower_p
        if match.broader and match.siblings:
            expr, p = db.text_match("facet_terms", frozenset(f"t{i}" for i in match.broader))
            other, other_p = db.text_match("facet_terms", frozenset(f"t{i}" for i in match.siblings))
            # Only the broader theme, in general: relatives of anyone with an addiction, for a drinking son.
            cases.append(f"WHEN {expr} AND NOT {other} THEN {W_THEME_GENERAL}")
            params += p + other_p
        for ids, weight, finds in (
            (match.direct, W_THEME, True),
            (match.narrower, W_THEME_NARROWER, True),
            # A broader theme ranks, but does not find: "relatieverslaving" finds no gambling groups.
            (match.broader, W_THEME_BROADER, False),
            (match.related, W_THEME_RELATED, True),
        ):
            if ids:
                expr, p = db.text_match("facet_terms", frozenset(f"t{i}" for i in ids))
                cases.append(f"WHEN {expr} THEN {weight}")
                params += p
                if finds:
                    matched_themes |= ids
        if cases:
            parts.append(f"CASE {' '.join(cases)} ELSE 0 END")
    matches: list[str] = []
    match_params: list[Any] = []
    if matched_themes:
        expr, p = db.text_match("facet_terms", frozenset(f"t{i}" for i in matched_themes))
        matches.append(expr)
        match_params += p
    for concept in query.concepts:
        for column, weight in (("name_terms", W_NAME), ("body_terms", W_BODY)):
            expr, p = db.text_match(column, concept.terms)
            parts.append(f"CASE WHEN {expr} THEN {weight} ELSE 0 END")
            params += p
            matches.append(expr)
            match_params += p
    if query.only_features:
        # Only what the group should offer ("rolstoel"): the groups that offer all of it are found, as much as
        # a group on a theme the words name. Beside another theme or word, a group without it fits one step
        # less (_misses_sql) and is still found.
        every = "((COALESCE(d.feature_mask, 0) & %s) = %s)"
        every_params = [feature_bits(query.features)] * 2
        parts.append(f"CASE WHEN {every} THEN {W_THEME} ELSE 0 END")
        params += every_params
        matches.append(every)
        match_params += every_params
    if not parts:
        parts.append("1")  # only hints (a relative, women, men): every group qualifies, the fit ranks them
    if query.relatives:
        relatives_themes = _relatives_theme_ids(vocabulary_version())
        if relatives_themes:
            # A relative also finds the groups for relatives and loved ones as such (carers, family), after
            # the groups about what they asked.
            expr, p = db.text_match("facet_terms", frozenset(f"t{i}" for i in relatives_themes))
            parts.append(f"CASE WHEN {expr} THEN {W_FOR_RELATIVES} ELSE 0 END")
            params += p
            if matched_themes:
                # Found only when that is all the group is about: a carers' group helps the daughter of a
                # mother with dementia, a group for parents of a child with autism does not.
                elsewhere = _all_theme_ids(vocabulary_version()) - relatives_themes - asked_family
                if elsewhere:
                    other, other_p = db.text_match("facet_terms", frozenset(f"t{i}" for i in elsewhere))
                    matches.append(f"({expr} AND NOT {other})")
                    match_params += p + other_p
                else:
                    matches.append(expr)
                    match_params += p
    misses, misses_params = _misses_sql(query, db, distance, distance_params)
    score = f"({' + '.join(parts)}) * ({FIT_STEPS} - {db.least}({misses}, {FIT_STEPS - 1}))"
    return score, params + misses_params, matches, match_params


def _misses_sql(
    query: ParsedQuery, db: Backend, distance: str, distance_params: Sequence[Any]
) -> tuple[str, list[Any]]:
    """How many ways a group is not quite for this visitor, as SQL: each costs one step of FIT_STEPS.

    A language they do not read (two steps when they do not even partly follow it, as Dutch for everyone
    here), a language beside it they do not read (the group is mainly for its speakers), for relatives when
    they asked for themselves or the other way round, women or men only when they did not ask for it (or the
    other one), farther than NEAR_KM.
    """
    terms: list[str] = []
    params: list[Any] = []
    reads = set(query.languages)
    # A meeting language asked for by name is what they want: no other language is "partly" good then.
    partly = set() if query.asked_languages else {c for lang in reads for c in PARTLY_FOLLOWED.get(lang, ())} - reads
    if reads:
        expr, p = db.text_match("facet_terms", frozenset(f"l{c}" for c in reads))
        near, near_p = db.text_match("facet_terms", frozenset(f"l{c}" for c in partly | reads))
        terms.append(f"(CASE WHEN {expr} THEN 0 WHEN {near} THEN 1 ELSE {FIT_STEPS} END)")
        params += p + near_p
        others = frozenset(f"l{c}" for c in _languages_by_code(vocabulary_version()) if c not in reads | partly)
        if others:
            expr, p = db.text_match("facet_terms", others)
            terms.append(f"(CASE WHEN {expr} THEN 1 ELSE 0 END)")
            params += p
    if query.relatives:
        terms.append("(CASE WHEN d.audience = 'affected' THEN 1 ELSE 0 END)")
    else:
        terms.append("(CASE WHEN d.audience = 'relatives' THEN 1 ELSE 0 END)")
    if query.gender:
        terms.append(f"(CASE WHEN d.gender = %s THEN 0 WHEN d.gender = 'everyone' THEN 1 ELSE {FIT_STEPS} END)")
        params.append(query.gender)
    else:
        terms.append("(CASE WHEN d.gender = 'everyone' THEN 0 ELSE 1 END)")
    for feature in query.features:
        terms.append("(CASE WHEN (COALESCE(d.feature_mask, 0) & %s) != 0 THEN 0 ELSE 1 END)")
        params.append(feature_bits([feature]))
    if distance:
        terms.append(f"(CASE WHEN {distance} > %s THEN 1 ELSE 0 END)")
        params += [*distance_params, (NEAR_KM / KM_PER_DEGREE) ** 2]
    return "(" + " + ".join(terms) + ")", params


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

    Relevance first (a second copy of a group with the same name, themes and languages goes down), then the
    distance band, then "new members welcome now", then the nearest, then the most recently checked; the id
    keeps ties stable. The database sorts and counts, so only one page of rows travels to Python.
    """
    db = backend()
    place = _Place(origin.latitude, origin.longitude, filters.distance) if origin is not None else None
    where, params = _filter_sql(filters, db)
    distance, distance_params = place.sql if place is not None else ("CAST(NULL AS DOUBLE PRECISION)", [])
    score, score_params, matches, match_params = _score_sql(
        query, db, distance if place is not None else "", distance_params
    )
    # With only hints (relatives, women) or no words at all, every group qualifies and the hints rank them.
    if matches:
        where.append("(" + " OR ".join(matches) + ")")
        params += match_params
    branches: list[str] = []
    branch_params: list[Any] = []
    places = _place_branches(filters, place)
    if db.one_scan and len(places) > 1:
        # The place conditions exclude each other (an online group has no coordinates): the same rows.
        places = [("(" + " OR ".join(f"({c})" for c, _p in places) + ")", [v for _c, p in places for v in p])]
    for condition, place_params in places:
        # Every value travels as a parameter; the SQL text holds only fixed fragments and placeholders.
        branches.append(
            f"SELECT d.group_id, d.latitude, d.longitude, d.facet_terms, {db.copy_key} AS copy_key, d.welcomes_new, "  # noqa: S608
            f"{db.verified_epoch} AS verified, {score} AS score, {distance} AS distance "
            "FROM directory_searchdocument d WHERE " + " AND ".join([condition, *where])
        )
        branch_params += score_params + distance_params + place_params + params
    near_first = f"COALESCE(distance, {FAR}) ASC, verified DESC, group_id ASC"
    band_params: list[Any] = []
    if query.is_empty:
        # Nothing asked: a plain list of what is near, nearest first.
        adjusted, order = "score", near_first
    else:
        # A second copy counts as fitting one step less (score is a multiple of the fit, see _score_sql).
        adjusted = (
            f"score * (CASE WHEN ROW_NUMBER() OVER (PARTITION BY copy_key "
            f"ORDER BY score DESC, {near_first}) = 1 THEN {FIT_STEPS} ELSE {FIT_STEPS - 1} END)"
        )
        band_cases = " ".join(f"WHEN distance <= %s THEN {i}" for i in range(len(BANDS)))
        band_params = [(km / KM_PER_DEGREE) ** 2 for km in BANDS]
        order = (
            f"CASE WHEN distance IS NULL THEN {len(BANDS) + 1} {band_cases} ELSE {len(BANDS)} END ASC, "
            f"welcomes_new DESC, {near_first}"
        )
    sql = (
        "SELECT group_id, latitude, longitude, facet_terms, ranked, COUNT(*) OVER () FROM ("  # noqa: S608
        f"SELECT c.*, {adjusted} AS ranked FROM ("
        + " UNION ALL ".join(branches)
        + f") AS c) AS r ORDER BY ranked DESC, {order}"
    )
    all_params = branch_params + band_params
    if limit is not None:
        sql += " LIMIT %s OFFSET %s"
        all_params += [limit, offset]
    with connection.cursor() as cursor:
        cursor.execute(sql, all_params)
        rows = cursor.fetchall()
        if not rows and offset:
            # Past the last page: count, so the caller can show the last page instead.
            cursor.execute(f"SELECT COUNT(*) FROM ({' UNION ALL '.join(branches)}) AS c", branch_params)  # noqa: S608
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


def reason(
    query: ParsedQuery,
    group: Group,
    theme_ids: set[int],
    language_codes: set[str],
    distance_km: float | None,
    matches: Sequence[ThemeMatch] | None = None,
) -> Reason:
    """Why this group is shown for this query: the themes asked for it has, the audience asked for, the language."""
    version = vocabulary_version()
    by_id, languages = _themes_by_id(version), _languages_by_code(version)
    best: dict[int, int] = {}
    for match in theme_matches(query) if matches is None else matches:
        for theme_id in theme_ids:
            weight = match.weight({theme_id})
            if weight and weight > best.get(theme_id, 0):
                best[theme_id] = weight
    # The themes that fit best first; a broader theme only when nothing nearer fits.
    top = max(best.values(), default=0)
    shown = sorted((i for i, w in best.items() if w == top or w > W_THEME_BROADER), key=lambda i: (-best[i], i))
    audience = ""
    if query.relatives and group.audience in ("relatives", "both"):
        audience = "relatives"
    elif query.gender and group.gender == query.gender:
        audience = query.gender
    language = next((languages[c] for c in query.asked_languages if c in languages and c in language_codes), None)
    location = group.location
    return Reason(
        themes=[by_id[i] for i in shown if i in by_id],
        audience=audience,
        language=language,
        distance_km=distance_km,
        online=location is None or location.disclosure == "online",
    )


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
    matches = theme_matches(query)
    for r in chosen:
        group = groups[r.group_id]
        # A paused group keeps its schedule for when it starts again; a date from it would send people to a closed door.
        upcoming = [] if group.status == GroupStatus.PAUSED else group.next_meetings(count=1, after=now)
        facets = r.facets.split()
        theme_ids = {int(f[1:]) for f in facets if f[0] == "t"}
        language_codes = {f[1:] for f in facets if f[0] == "l"}
        hits.append(
            Hit(
                group=group,
                score=r.score,
                distance_km=r.distance_km,
                next_meeting=upcoming[0] if upcoming else None,
                themes=[themes[int(f[1:])] for f in facets if f[0] == "t" and int(f[1:]) in themes],
                languages=[languages[f[1:]] for f in facets if f[0] == "l" and f[1:] in languages],
                reason=reason(query, group, theme_ids, language_codes, r.distance_km, matches),
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
