"""Text handling for search: the same tokens and stems on every database.

Stemming happens here, in Python, with the Snowball stemmers (the same
algorithms PostgreSQL's dutch/english/turkish/arabic text search
configurations use). The search document stores the stems, so PostgreSQL and
SQLite index exactly the same tokens and give the same results.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

import snowballstemmer

# Snowball algorithm per interface/meeting language; languages without one
# (Somali, Tigrinya, Ukrainian here) are matched on the folded word itself.
STEMMERS = {
    "nl": "dutch",
    "en": "english",
    "tr": "turkish",
    "ar": "arabic",
    "fa": "persian",
    "pl": "polish",
    "de": "german",
    "fr": "french",
    "es": "spanish",
    "pt": "portuguese",
    "ru": "russian",
}

_WORD_RE = re.compile(r"\w+", re.UNICODE)
# Arabic-script letters that are written in several ways; one form each.
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه", "ك": "ک", "ي": "ی", "ۀ": "ه"})
MAX_QUERY_CHARS = 200


def fold(text: str) -> str:
    """Lower case, accents and harakat off, tatweel dropped."""
    text = unicodedata.normalize("NFKC", text).lower().replace("ـ", "")
    decomposed = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", text)


def words(text: str) -> list[str]:
    """Folded words of a text, without single characters and digits-only tokens."""
    return [w for w in _WORD_RE.findall(fold(text)) if len(w) > 1 and not w.isdigit() and "_" not in w]


@cache
def _stemmer(language: str) -> Any:
    algorithm = STEMMERS.get(language)
    return snowballstemmer.stemmer(algorithm) if algorithm else None


@cache
def stem(word: str, language: str) -> str:
    """The stem of a folded word; Arabic-script letter variants are unified after stemming."""
    stemmer = _stemmer(language)
    return (stemmer.stemWord(word) if stemmer else word).translate(_ARABIC_FOLD)


def stems(text: str, language: str) -> list[str]:
    """The stemmed words of a text written in `language`."""
    return [stem(w, language) for w in words(text)]


def query_stems(word: str, languages: tuple[str, ...]) -> set[str]:
    """Every form a query word may be indexed under: itself and its stem in each language."""
    return {word.translate(_ARABIC_FOLD)} | {stem(word, lang) for lang in languages}
