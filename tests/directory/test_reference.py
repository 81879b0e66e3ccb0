"""The reference lists load the same way into an empty database (bulk) as into one that has them (update)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.utils import translation

from samenspel.directory import reference
from samenspel.directory.models import Language, Theme, ThemeSynonym


def _stored() -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    with connection.cursor() as cursor:
        for table in ("directory_language", "directory_theme"):
            cursor.execute(f"SELECT * FROM {table}")
            names = [column[0] for column in cursor.description]
            out[table] = sorted(
                repr(tuple(v for n, v in zip(names, row, strict=True) if n not in ("id", "parent_id")))
                for row in cursor.fetchall()
            )
        cursor.execute(
            "SELECT t.slug, s.language, s.term FROM directory_themesynonym s JOIN directory_theme t ON t.id = s.theme_id"
        )
        out["synonyms"] = sorted(cursor.fetchall())
        cursor.execute("SELECT c.slug, p.slug FROM directory_theme c LEFT JOIN directory_theme p ON p.id = c.parent_id")
        out["tree"] = sorted(cursor.fetchall(), key=repr)
    return out


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_first_load_stores_exactly_what_the_updating_load_stores(language: str) -> None:
    with translation.override(language):
        counts = reference.load_reference_data()
        first = _stored()
        ThemeSynonym.objects.all().delete()
        Theme.objects.update(parent=None)
        Theme.objects.all().delete()
        Language.objects.all().delete()
        Language.objects.create(code="xx", name_local="x")  # not empty: the updating path runs
        reference.load_reference_data()
        Language.objects.filter(code="xx").delete()
        again = _stored()
    assert counts == {"languages": 27, "themes": 116, "synonyms": len(first["synonyms"])}
    for table, rows in first.items():
        assert rows == again[table], table
