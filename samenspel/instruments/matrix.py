"""The participation-factor matrix (seed 000, figures 3 and 5) as data: dimension -> category -> factor.

`data/factors.json` holds it; this module reads and checks it once (a broken file fails loudly, naming the entry
and the field) and gives typed objects. Labels are nl (the seed's words) and en; any other interface language
may be added per label, and a label shown in a language it has no text in is shown in English and marked so
(`Text.lang`), the way group texts fall back.
"""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path

from django.conf import settings
from django.utils.translation import get_language

from samenspel.directory.data_files import DataFileError, Where, entries, read_json

DATA_DIR = Path(__file__).parent / "data"
FILE = "factors.json"
DIMENSIONS = ("willen", "kunnen", "mogen")
SOURCES = ("conceptual", "empirical")
POLARITIES = ("promoting", "hindering", "both", "unsided")
# The conversation walks through the matrix from the citizen's perspective (figure 5).
CONVERSATION_SOURCE = "empirical"


@dataclasses.dataclass(frozen=True)
class Text:
    text: str
    lang: str

    @property
    def dir(self) -> str:
        """The text's own direction: an English fallback inside an Arabic page keeps its full stop at its end."""
        return "rtl" if self.lang in settings.LANGUAGES_BIDI else "ltr"


@dataclasses.dataclass(frozen=True)
class Labelled:
    labels: dict[str, str]

    def text(self, language: str | None = None) -> Text:
        code = (language or get_language() or "nl").split("-")[0]
        for candidate in (code, "en", "nl"):
            if candidate in self.labels:
                return Text(self.labels[candidate], candidate)
        raise KeyError(code)  # every label has nl and en: unreachable

    @property
    def label(self) -> Text:
        return self.text()


@dataclasses.dataclass(frozen=True)
class Factor(Labelled):
    key: str
    polarity: str
    dimension: str
    category: str


@dataclasses.dataclass(frozen=True)
class Category(Labelled):
    key: str
    source: str
    seed: str
    dimension: str
    factors: tuple[Factor, ...]


@dataclasses.dataclass(frozen=True)
class Dimension(Labelled):
    key: str
    names: dict[str, str]
    descriptions: dict[str, str]
    categories: tuple[Category, ...]

    @property
    def name(self) -> Text:
        return Labelled(self.names).label

    @property
    def description(self) -> Text:
        return Labelled(self.descriptions).label

    def conversation_categories(self) -> tuple[Category, ...]:
        return tuple(c for c in self.categories if c.source == CONVERSATION_SOURCE)


@dataclasses.dataclass(frozen=True)
class Matrix:
    dimensions: tuple[Dimension, ...]

    @functools.cached_property
    def factors(self) -> dict[str, Factor]:
        return {f.key: f for d in self.dimensions for c in d.categories for f in c.factors}

    def conversation_factors(self) -> list[Factor]:
        return [f for d in self.dimensions for c in d.conversation_categories() for f in c.factors]


def labels_of(where: Where, value: object, field: str) -> dict[str, str]:
    languages = [code for code, _name in settings.LANGUAGES]
    labels = where.translations(value, field, languages)
    for required in ("nl", "en"):
        if required not in labels:
            raise where.error(f"{field}.{required}", "missing")
    return labels


def parse(raw: object, file: str = FILE) -> Matrix:
    top = Where(file, "top").record(raw, ["about", "dimensions"])
    dimensions: list[Dimension] = []
    keys: set[str] = set()
    for i, d_raw in enumerate(entries(top["dimensions"], file)):
        where = Where(file, f"dimension {i}")
        d = where.record(d_raw, ["key", "label", "name", "description", "categories"])
        d_key = where.choice(d["key"], "key", DIMENSIONS)
        where = Where(file, f"dimension '{d_key}'")
        categories: list[Category] = []
        for c_raw in entries(d["categories"], file):
            c_where = Where(file, f"category in '{d_key}'")
            c = c_where.record(c_raw, ["key", "source", "seed", "label", "factors"])
            c_key = c_where.text(c["key"], "key")
            c_where = Where(file, f"category '{c_key}'")
            factors: list[Factor] = []
            for f_raw in entries(c["factors"], file):
                f_where = Where(file, f"factor in '{c_key}'")
                f = f_where.record(f_raw, ["key", "label", "polarity"])
                f_key = f_where.text(f["key"], "key")
                f_where = Where(file, f"factor '{f_key}'")
                if not f_key.startswith(c_key + ".") or f_key in keys:
                    raise f_where.error("key", "must be unique and start with its category's key")
                keys.add(f_key)
                factors.append(
                    Factor(
                        labels=labels_of(f_where, f["label"], "label"),
                        key=f_key,
                        polarity=f_where.choice(f["polarity"], "polarity", POLARITIES),
                        dimension=d_key,
                        category=c_key,
                    )
                )
            if not c_key.startswith(d_key + ".") or c_key in keys or not factors:
                raise c_where.error("key", "must be unique, start with its dimension and hold factors")
            keys.add(c_key)
            categories.append(
                Category(
                    labels=labels_of(c_where, c["label"], "label"),
                    key=c_key,
                    source=c_where.choice(c["source"], "source", SOURCES),
                    seed=c_where.text(c["seed"], "seed"),
                    dimension=d_key,
                    factors=tuple(factors),
                )
            )
        dimensions.append(
            Dimension(
                labels=labels_of(where, d["label"], "label"),
                key=d_key,
                names=labels_of(where, d["name"], "name"),
                descriptions=labels_of(where, d["description"], "description"),
                categories=tuple(categories),
            )
        )
    if tuple(d.key for d in dimensions) != DIMENSIONS:
        raise DataFileError(f"{file}: dimensions must be {', '.join(DIMENSIONS)}, in that order")
    return Matrix(tuple(dimensions))


@functools.cache
def matrix() -> Matrix:
    return parse(read_json(DATA_DIR, FILE))
