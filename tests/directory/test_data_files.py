"""The data files under directory/data/: the shipped ones pass every rule, a broken one is refused by name."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from samenspel.directory import demo_content, reference_data
from samenspel.directory.data_files import DataFileError

Edit = Callable[[Any], None]


def _by(rows: list[dict[str, Any]], key: str, value: str) -> dict[str, Any]:
    return next(row for row in rows if row[key] == value)


def _broken(tmp_path: Path, source: Path, file: str, edit: Edit) -> Path:
    """A copy of `source` with `edit` applied to the data of `file`."""
    directory = tmp_path / source.name
    shutil.copytree(source, directory)
    data = json.loads((directory / file).read_text(encoding="utf-8"))
    edit(data)
    (directory / file).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return directory


def test_the_shipped_reference_lists_keep_every_rule() -> None:
    loaded = reference_data.load()
    assert (len(loaded.languages), len(loaded.themes), loaded.synonym_count) == (27, 116, 3709)
    assert loaded == reference_data.REFERENCE
    slugs = {theme["slug"] for theme in loaded.themes}
    assert set(loaded.required_theme_slugs) <= slugs
    assert set(loaded.major_theme_slugs) <= slugs
    assert {t["slug"] for t in loaded.themes if t["parent"] is None} == set(reference_data.TOP_LEVEL_SLUGS)
    assert all(set(theme["label"]) == set(reference_data.INTERFACE_LANGUAGES) for theme in loaded.themes)


def test_the_shipped_demo_content_loads() -> None:
    loaded = demo_content.load()
    assert (len(loaded.templates), len(loaded.places), len(loaded.organisations)) == (57, 43, 19)
    assert loaded == demo_content.DEMO


def test_the_data_files_are_readable_text_without_escapes() -> None:
    for path in reference_data.DATA_DIR.rglob("*.json"):
        text = path.read_text(encoding="utf-8")
        assert "\\u" not in text, path
        assert text.endswith("}\n") or text.endswith("]\n"), path


def _drop_label(data: Any) -> None:
    del _by(data, "slug", "adhd")["label"]["tr"]


def _unknown_parent(data: Any) -> None:
    _by(data, "slug", "adhd")["parent"] = "no-such-theme"


def _parent_later(data: Any) -> None:
    data.append(data.pop(data.index(_by(data, "slug", "mental"))))


def _synonyms_as_text(data: Any) -> None:
    _by(data, "slug", "adhd")["synonyms"]["nl"] = "druk, concentratie"


def _typo_in_field(data: Any) -> None:
    theme = _by(data, "slug", "adhd")
    theme["synonym"] = theme.pop("synonyms")


def _synonym_is_label(data: Any) -> None:
    theme = _by(data, "slug", "grief")
    theme["synonyms"]["en"].append(theme["label"]["en"].lower())


def _uppercase_synonym(data: Any) -> None:
    _by(data, "slug", "grief")["synonyms"]["nl"].append("Rouw om een kind")


def _slug_twice(data: Any) -> None:
    data.append(dict(_by(data, "slug", "grief")))


def _rtl_as_text(data: Any) -> None:
    _by(data, "code", "ar")["rtl"] = "yes"


def _interface_language_missing(data: Any) -> None:
    data.remove(_by(data, "code", "so"))


def _major_theme_unknown(data: Any) -> None:
    data["major"].append("no-such-theme")


def _major_theme_few_synonyms(data: Any) -> None:
    _by(data, "slug", "grief")["synonyms"]["fa"] = ["سوگ"]


def _audience_language_missing(data: Any) -> None:
    del data["women"]["ti"]


@pytest.mark.parametrize(
    ("file", "edit", "message"),
    [
        ("themes.json", _drop_label, "reference/themes.json: theme 'adhd': field 'label.tr': missing"),
        (
            "themes.json",
            _unknown_parent,
            "reference/themes.json: theme 'adhd': field 'parent': unknown parent 'no-such-theme'",
        ),
        ("themes.json", _parent_later, "theme 'adhd': field 'parent': unknown parent 'mental' (or it comes later"),
        (
            "themes.json",
            _synonyms_as_text,
            "theme 'adhd': field 'synonyms.nl': should be a list of strings, not a string",
        ),
        ("themes.json", _typo_in_field, "theme 'adhd': field 'synonyms': missing"),
        (
            "themes.json",
            _synonym_is_label,
            "theme 'grief': field 'synonyms.en': synonym 'grief and loss' repeats the label",
        ),
        (
            "themes.json",
            _uppercase_synonym,
            "theme 'grief': field 'synonyms.nl': synonym 'Rouw om een kind' not lowercase",
        ),
        ("themes.json", _slug_twice, "theme 'grief': field 'slug': appears twice"),
        (
            "themes.json",
            _major_theme_few_synonyms,
            "theme 'grief': field 'synonyms.fa': a major theme needs 2 synonyms",
        ),
        (
            "languages.json",
            _rtl_as_text,
            "reference/languages.json: language 'ar': field 'rtl': should be true or false, not a string",
        ),
        ("languages.json", _interface_language_missing, "reference/languages.json: interface language 'so' missing"),
        ("theme_lists.json", _major_theme_unknown, "major theme 'no-such-theme' missing"),
        ("audience_words.json", _audience_language_missing, "audience words: field 'women.ti': missing or empty"),
    ],
)
def test_a_broken_reference_file_is_refused_with_the_file_entry_and_field(
    tmp_path: Path, file: str, edit: Edit, message: str
) -> None:
    directory = _broken(tmp_path, reference_data.REFERENCE_DIR, file, edit)
    with pytest.raises(DataFileError, match=re.escape(message)):
        reference_data.load(directory)


def _unknown_kind(data: Any) -> None:
    data[0]["kind"] = "choir"


def _place_without_postcode(data: Any) -> None:
    del _by(data, "name", "Bibliotheek Woensel")["postcode"]


def _description_as_text(data: Any) -> None:
    _by(data, "slug", "mantelzorgpunt-peel")["description"] = "Een informatiepunt"


def _online_as_text(data: Any) -> None:
    data[2]["online"] = "no"


@pytest.mark.parametrize(
    ("file", "edit", "message"),
    [
        (
            "group_templates.json",
            _unknown_kind,
            "demo/group_templates.json: template 1 ('Lotgenotengroep Depressie'): field 'kind': unknown value 'choir'",
        ),
        ("group_templates.json", _online_as_text, "template 3 ('Rouwgroep: verder na verlies'): field 'online'"),
        (
            "places.json",
            _place_without_postcode,
            "demo/places.json: place 7 ('Bibliotheek Woensel'): field 'postcode': missing",
        ),
        (
            "organisations.json",
            _description_as_text,
            "organisation 19 ('mantelzorgpunt-peel'): field 'description': should be an object with a text per language",
        ),
    ],
)
def test_a_broken_demo_file_is_refused_with_the_file_entry_and_field(
    tmp_path: Path, file: str, edit: Edit, message: str
) -> None:
    directory = _broken(tmp_path, demo_content.DEMO_DIR, file, edit)
    with pytest.raises(DataFileError, match=re.escape(message)):
        demo_content.load(directory)


def test_a_file_that_is_not_json_is_refused_by_name(tmp_path: Path) -> None:
    directory = tmp_path / "reference"
    shutil.copytree(reference_data.REFERENCE_DIR, directory)
    (directory / "themes.json").write_text('[{"slug": "somatic",', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"^reference/themes\.json: cannot be read"):
        reference_data.load(directory)
