"""Translations: Dutch complete, the public pages complete in every interface language, .mo files current."""

from __future__ import annotations

import gettext
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from public_msgids import entries, is_public  # noqa: E402

OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code not in ("nl", "en")]


def po(code: str) -> Path:
    return ROOT / "locale" / code / "LC_MESSAGES" / "django.po"


def test_dutch_is_complete() -> None:
    missing = [msgid for _refs, msgid, ok in entries(po("nl")) if not ok]
    assert not missing, f"{len(missing)} Dutch strings are not translated, e.g. {missing[:5]}"


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_the_public_pages_are_translated(code: str) -> None:
    missing = [msgid for refs, msgid, ok in entries(po(code)) if is_public(refs) and not ok]
    assert not missing, f"{len(missing)} public strings not translated into {code}, e.g. {missing[:5]}"


@pytest.mark.parametrize("code", ["nl", *OTHER_LANGUAGES])
def test_the_compiled_catalogue_matches_the_po_file(code: str) -> None:
    mo = po(code).with_suffix(".mo")
    assert mo.exists(), f"run: manage.py compilemessages -l {code}"
    with mo.open("rb") as fh:
        catalogue = gettext.GNUTranslations(fh)._catalog  # type: ignore[attr-defined]
    compiled = {key[0] if isinstance(key, tuple) else key for key in catalogue}
    translated = [msgid for _refs, msgid, ok in entries(po(code)) if ok]
    stale = [m for m in translated if m.replace('\\"', '"').replace("\\n", "\n") not in compiled]
    assert not stale, f"{code}: .mo is older than .po for {len(stale)} strings, e.g. {stale[:3]}"
