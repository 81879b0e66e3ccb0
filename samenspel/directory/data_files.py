"""Read the JSON data files under directory/data/ and check their shape as they are read.

The reference lists and the demo content are data, kept as JSON so that a change to a synonym or a group
text is a one-line diff and needs no Python. A broken file must fail loudly and say where: every error
names the file, the entry and the field ("reference/themes.json: theme 'adhd': field 'label.tr': missing").

The checks are explicit typed functions rather than a JSON Schema: the rules that matter most (a parent
earlier in the list, a label in every interface language, a synonym that repeats its label) are
relations a schema cannot state, the runtime needs no extra dependency, and the checked values come
out with the types mypy knows.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Collection
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


class DataFileError(ValueError):
    """A data file is broken; the message names the file, the entry and the field."""


def read_json(directory: Path, name: str) -> object:
    try:
        return json.loads((directory / name).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataFileError(f"{directory.name}/{name}: cannot be read: {exc}") from exc


@dataclasses.dataclass(frozen=True)
class Where:
    """One entry of one file, for error messages."""

    file: str
    entry: str

    def error(self, field: str, problem: str) -> DataFileError:
        return DataFileError(f"{self.file}: {self.entry}: field '{field}': {problem}")

    def record(self, value: object, required: Collection[str], optional: Collection[str] = ()) -> dict[str, object]:
        """The entry as a dict with exactly the known keys (a typo in a key is an error, not a silent default)."""
        if not isinstance(value, dict):
            raise DataFileError(f"{self.file}: {self.entry}: should be an object, not {_kind(value)}")
        for key in required:
            if key not in value:
                raise self.error(key, "missing")
        for key in value:
            if key not in required and key not in optional:
                raise self.error(key, "unknown field")
        return value

    def text(self, value: object, field: str, *, blank: bool = False) -> str:
        if not isinstance(value, str):
            raise self.error(field, f"should be a string, not {_kind(value)}")
        if not blank and not value.strip():
            raise self.error(field, "empty")
        return value

    def optional_text(self, value: object, field: str) -> str | None:
        return None if value is None else self.text(value, field)

    def flag(self, value: object, field: str) -> bool:
        if not isinstance(value, bool):
            raise self.error(field, f"should be true or false, not {_kind(value)}")
        return value

    def choice(self, value: object, field: str, allowed: Collection[str]) -> str:
        text = self.text(value, field)
        if text not in allowed:
            raise self.error(field, f"unknown value '{text}' (one of: {', '.join(sorted(allowed))})")
        return text

    def words(self, value: object, field: str) -> list[str]:
        if not isinstance(value, list):
            raise self.error(field, f"should be a list of strings, not {_kind(value)}")
        return [self.text(word, f"{field}[{i}]", blank=True) for i, word in enumerate(value)]

    def translations(self, value: object, field: str, languages: Collection[str]) -> dict[str, str]:
        """A text per language code; only codes from `languages`, every text non-empty."""
        if not isinstance(value, dict):
            raise self.error(field, f"should be an object with a text per language, not {_kind(value)}")
        for code in value:
            if code not in languages:
                raise self.error(f"{field}.{code}", "not an interface language")
        return {code: self.text(text, f"{field}.{code}") for code, text in value.items()}

    def word_lists(self, value: object, field: str, languages: Collection[str]) -> dict[str, list[str]]:
        if not isinstance(value, dict):
            raise self.error(field, f"should be an object with a list per language, not {_kind(value)}")
        for code in value:
            if code not in languages:
                raise self.error(f"{field}.{code}", "not an interface language")
        return {code: self.words(words, f"{field}.{code}") for code, words in value.items()}


def entries(value: object, file: str) -> list[object]:
    if not isinstance(value, list):
        raise DataFileError(f"{file}: should be a list of entries, not {_kind(value)}")
    return value


def _kind(value: object) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "true/false", type(None): "null"}.get(
        type(value), type(value).__name__
    )
