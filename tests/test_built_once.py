"""built_once (tests/conftest.py), which access tables use: rows built once, and yet every test starts from them as built.

The tests run in file order (as pytest runs them without xdist): the first writes, the ones after it check that none of
it reached them. Split over xdist workers they still pass, proving less.
"""

from __future__ import annotations

from typing import Any

import pytest

from samenspel.directory.models import Organisation
from tests.conftest import built_once


def _build() -> dict[str, Any]:
    return {"point": Organisation.objects.create(slug="eens-gebouwd", kind="support_point", name="Eens gebouwd")}


_rows_rows, rows = built_once(_build, name="rows", scope="class")


class TestBuiltOnce:
    def test_a_test_changes_the_rows_and_adds_one(self, rows: dict[str, Any]) -> None:
        rows["point"].name = "Veranderd"
        rows["point"].save()
        Organisation.objects.create(slug="erbij", kind="support_point", name="Erbij")
        assert Organisation.objects.filter(slug__in=["eens-gebouwd", "erbij"]).count() == 2

    def test_the_next_test_gets_the_rows_as_they_were_built(self, rows: dict[str, Any]) -> None:
        assert rows["point"].name == "Eens gebouwd"
        assert Organisation.objects.get(slug="eens-gebouwd").name == "Eens gebouwd"
        assert not Organisation.objects.filter(slug="erbij").exists()

    def test_the_rows_are_built_once(self, rows: dict[str, Any], request: pytest.FixtureRequest) -> None:
        built = request.getfixturevalue("_rows_rows")["point"]
        assert rows["point"].pk == built.pk and rows["point"] is not built


@pytest.mark.django_db
def test_after_the_class_its_rows_are_gone() -> None:
    assert not Organisation.objects.filter(slug__in=["eens-gebouwd", "erbij"]).exists()
