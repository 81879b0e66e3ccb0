"""The reference lists: languages, the theme taxonomy with its synonyms, audience words and stopwords.

The lists live in data/reference/*.json (see data/README.md for their sources and the rules an edit
must keep). They are read once, when this module is first imported, and checked as they are read: a
broken file stops the start with a message naming the file, the entry and the field.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import NotRequired, TypedDict

from samenspel.directory.data_files import DATA_DIR, DataFileError, Where, entries, read_json

# The interface languages follow settings.LANGUAGES and the translated columns (a change needs a
# migration), so they stay in code rather than in a data file.
INTERFACE_LANGUAGES = ("nl", "en", "tr", "ar", "fa", "so", "ti", "uk", "pl")
# The four problem categories (ThemeCategory): the roots of the theme tree.
TOP_LEVEL_SLUGS = ("somatic", "mental", "addiction", "social")
AUDIENCES = ("relatives", "women", "men")
REFERENCE_DIR = DATA_DIR / "reference"


class LanguageRow(TypedDict):
    code: str
    name: dict[str, str]
    name_local: str
    rtl: bool
    interface: bool
    note: NotRequired[str]


class ThemeRow(TypedDict):
    slug: str
    parent: str | None
    category: str
    source: str
    label: dict[str, str]
    synonyms: dict[str, list[str]]
    # A taboo theme (violence at home, addiction): its pages offer a quick exit and ask browsers and search
    # engines to keep nothing. Children inherit it (see `sensitive_slugs`).
    sensitive: NotRequired[bool]
    related: NotRequired[list[str]]


@dataclasses.dataclass(frozen=True)
class Reference:
    languages: list[LanguageRow]
    themes: list[ThemeRow]
    audience_words: dict[str, dict[str, list[str]]]
    required_theme_slugs: tuple[str, ...]
    major_theme_slugs: tuple[str, ...]
    stopwords: dict[str, list[str]] = dataclasses.field(default_factory=dict)
    for_relatives_slugs: tuple[str, ...] = ()
    feature_words: dict[str, dict[str, list[str]]] = dataclasses.field(default_factory=dict)

    @property
    def synonym_count(self) -> int:
        return sum(len(words) for theme in self.themes for words in theme["synonyms"].values())


def _entry(file: str, kind: str, raw: object, key: str, number: int) -> Where:
    """Name an entry by its key (theme 'adhd'), or by its place in the file when the key is missing."""
    name = raw.get(key) if isinstance(raw, dict) else None
    return Where(file, f"{kind} '{name}'" if isinstance(name, str) else f"{kind} {number}")


def _languages(directory: Path) -> list[LanguageRow]:
    file = "reference/languages.json"
    rows: list[LanguageRow] = []
    for number, raw in enumerate(entries(read_json(directory, "languages.json"), file), start=1):
        where = _entry(file, "language", raw, "code", number)
        item = where.record(raw, ("code", "name", "name_local", "rtl", "interface"), ("note",))
        row = LanguageRow(
            code=where.text(item["code"], "code"),
            name=where.translations(item["name"], "name", INTERFACE_LANGUAGES),
            name_local=where.text(item["name_local"], "name_local"),
            rtl=where.flag(item["rtl"], "rtl"),
            interface=where.flag(item["interface"], "interface"),
        )
        if "note" in item:
            row["note"] = where.text(item["note"], "note")
        if any(other["code"] == row["code"] for other in rows):
            raise where.error("code", "appears twice")
        for code in ("nl", "en"):
            if code not in row["name"]:
                raise where.error(f"name.{code}", "missing")
        if row["interface"] != (row["code"] in INTERFACE_LANGUAGES):
            raise where.error("interface", "true exactly for the interface languages")
        rows.append(row)
    codes = {row["code"] for row in rows}
    for code in INTERFACE_LANGUAGES:
        if code not in codes:
            raise DataFileError(f"{file}: interface language '{code}' missing")
    return rows


def _themes(directory: Path, required: tuple[str, ...], major: tuple[str, ...]) -> list[ThemeRow]:
    """The theme tree; parents come before their children, so one pass checks every parent."""
    file = "reference/themes.json"
    seen: dict[str, ThemeRow] = {}
    for number, raw in enumerate(entries(read_json(directory, "themes.json"), file), start=1):
        where = _entry(file, "theme", raw, "slug", number)
        item = where.record(
            raw, ("slug", "parent", "category", "source", "label", "synonyms"), ("sensitive", "related")
        )
        row = ThemeRow(
            slug=where.text(item["slug"], "slug"),
            parent=where.optional_text(item["parent"], "parent"),
            category=where.choice(item["category"], "category", TOP_LEVEL_SLUGS),
            source=where.text(item["source"], "source"),
            label=where.translations(item["label"], "label", INTERFACE_LANGUAGES),
            synonyms=where.word_lists(item["synonyms"], "synonyms", INTERFACE_LANGUAGES),
        )
        if "sensitive" in item:
            row["sensitive"] = where.flag(item["sensitive"], "sensitive")
        if "related" in item:
            row["related"] = where.words(item["related"], "related")
        slug, parent = row["slug"], row["parent"]
        if slug in seen:
            raise where.error("slug", "appears twice")
        if slug != slug.lower() or " " in slug:
            raise where.error("slug", "lowercase, without spaces")
        if parent is None:
            if slug not in TOP_LEVEL_SLUGS:
                raise where.error("parent", f"missing: only {', '.join(TOP_LEVEL_SLUGS)} have no parent")
            if row["category"] != slug:
                raise where.error("category", f"a category's own category is itself ('{slug}')")
        elif parent not in seen:
            raise where.error("parent", f"unknown parent '{parent}' (or it comes later in the list)")
        elif row["category"] != seen[parent]["category"]:
            raise where.error("category", f"differs from the parent's ('{seen[parent]['category']}')")
        for code in INTERFACE_LANGUAGES:
            if code not in row["label"]:
                raise where.error(f"label.{code}", "missing")
        synonyms = row["synonyms"]
        for code, least in (("nl", 3), ("en", 2)):
            if len(synonyms.get(code, [])) < least:
                raise where.error(f"synonyms.{code}", f"fewer than {least} synonyms")
        for code, words in synonyms.items():
            label = row["label"][code].lower()
            if len(words) != len(set(words)):
                raise where.error(f"synonyms.{code}", "a synonym appears twice")
            for word in words:
                if not word or word != word.strip():
                    raise where.error(f"synonyms.{code}", f"empty or padded synonym {word!r}")
                if word != word.lower():
                    raise where.error(f"synonyms.{code}", f"synonym {word!r} not lowercase")
                if word == label:
                    raise where.error(f"synonyms.{code}", f"synonym {word!r} repeats the label")
        seen[slug] = row
    for row in seen.values():
        for other in row.get("related", []):
            if other not in seen or other == row["slug"]:
                raise Where(file, f"theme '{row['slug']}'").error("related", f"unknown theme '{other}'")
    for slug in required:
        if slug not in seen:
            raise DataFileError(f"{file}: required theme '{slug}' missing (reference/theme_lists.json)")
    for slug in major:
        if slug not in seen:
            raise DataFileError(f"{file}: major theme '{slug}' missing (reference/theme_lists.json)")
        for code in ("tr", "ar", "fa"):
            if len(seen[slug]["synonyms"].get(code, [])) < 2:
                raise DataFileError(f"{file}: theme '{slug}': field 'synonyms.{code}': a major theme needs 2 synonyms")
    return list(seen.values())


def sensitive_slugs(themes: list[ThemeRow]) -> frozenset[str]:
    """The themes marked `sensitive` and every theme below them (parents come first in the file)."""
    found: set[str] = set()
    for row in themes:
        if row.get("sensitive") or (row["parent"] is not None and row["parent"] in found):
            found.add(row["slug"])
    return frozenset(found)


def _audience_words(directory: Path) -> dict[str, dict[str, list[str]]]:
    file = "reference/audience_words.json"
    where = Where(file, "audience words")
    item = where.record(read_json(directory, "audience_words.json"), AUDIENCES)
    out: dict[str, dict[str, list[str]]] = {}
    for audience in item:  # file order: search reads a word in two lists as the first one's
        per_language = where.word_lists(item[audience], audience, INTERFACE_LANGUAGES)
        for code in INTERFACE_LANGUAGES:
            words = per_language.get(code)
            if not words:
                raise where.error(f"{audience}.{code}", "missing or empty")
            if len(words) != len(set(words)):
                raise where.error(f"{audience}.{code}", "a word appears twice")
            if any(word != word.lower() for word in words):
                raise where.error(f"{audience}.{code}", "not lowercase")
        out[audience] = per_language
    return out


# What a visitor asks for beside themes; the search document's facet words (search_index.FEATURES).
FEATURES = (
    "wheelchair",
    "hearingloop",
    "quietroom",
    "childcare",
    "young",
    "older",
    "activity",
    "walking",
    "cooking",
    "creative",
    "onetoone",
    "phone",
    "hybrid",
)


def _feature_words(directory: Path) -> dict[str, dict[str, list[str]]]:
    """Words in a search that ask for what a group offers ("rolstoel", "ringleiding", "jongeren")."""
    file = "reference/feature_words.json"
    where = Where(file, "feature words")
    item = where.record(read_json(directory, "feature_words.json"), (), FEATURES)
    out: dict[str, dict[str, list[str]]] = {}
    for feature in item:
        per_language = where.word_lists(item[feature], feature, INTERFACE_LANGUAGES)
        for code in ("nl", "en"):
            if not per_language.get(code):
                raise where.error(f"{feature}.{code}", "missing or empty")
        for code, words in per_language.items():
            if len(words) != len(set(words)):
                raise where.error(f"{feature}.{code}", "a word appears twice")
            if any(word != word.lower() for word in words):
                raise where.error(f"{feature}.{code}", "not lowercase")
        out[feature] = per_language
    return out


def _stopwords(directory: Path) -> dict[str, list[str]]:
    """Words that say nothing about what someone looks for, per interface language (one word each)."""
    file = "reference/stopwords.json"
    where = Where(file, "stopwords")
    per_language = where.word_lists(read_json(directory, "stopwords.json"), "stopwords", INTERFACE_LANGUAGES)
    for code in INTERFACE_LANGUAGES:
        words = per_language.get(code)
        if not words:
            raise where.error(code, "missing or empty")
        if len(words) != len(set(words)):
            raise where.error(code, "a word appears twice")
        for word in words:
            if not word or word != word.lower() or len(word.split()) != 1 or word != word.strip():
                raise where.error(code, f"{word!r}: one lowercase word")
    return per_language


def _theme_lists(directory: Path) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(required, major, for relatives): the themes of groups for relatives and loved ones, which a search by
    a relative ("mijn vrouw heeft kanker") finds beside the groups about the problem itself."""
    where = Where("reference/theme_lists.json", "theme lists")
    item = where.record(read_json(directory, "theme_lists.json"), ("required", "major"), ("for_relatives",))
    return (
        tuple(where.words(item["required"], "required")),
        tuple(where.words(item["major"], "major")),
        tuple(where.words(item.get("for_relatives", []), "for_relatives")),
    )


def load(directory: Path = REFERENCE_DIR) -> Reference:
    """Read and check the reference files in `directory`; raise DataFileError naming what is wrong."""
    required, major, for_relatives = _theme_lists(directory)
    themes = _themes(directory, required, major)
    for slug in for_relatives:
        if slug not in {theme["slug"] for theme in themes}:
            raise DataFileError(
                f"reference/themes.json: theme '{slug}' for relatives missing (reference/theme_lists.json)"
            )
    return Reference(
        languages=_languages(directory),
        themes=themes,
        audience_words=_audience_words(directory),
        required_theme_slugs=required,
        major_theme_slugs=major,
        stopwords=_stopwords(directory),
        for_relatives_slugs=for_relatives,
        feature_words=_feature_words(directory),
    )


REFERENCE = load()
LANGUAGES = REFERENCE.languages
THEMES = REFERENCE.themes
AUDIENCE_WORDS = REFERENCE.audience_words
REQUIRED_THEME_SLUGS = REFERENCE.required_theme_slugs
MAJOR_THEME_SLUGS = REFERENCE.major_theme_slugs
SENSITIVE_THEME_SLUGS = sensitive_slugs(THEMES)
STOPWORDS = REFERENCE.stopwords
FOR_RELATIVES_SLUGS = REFERENCE.for_relatives_slugs
FEATURE_WORDS = REFERENCE.feature_words


if __name__ == "__main__":
    print(f"OK: {len(LANGUAGES)} languages, {len(THEMES)} themes, {REFERENCE.synonym_count} synonyms")
