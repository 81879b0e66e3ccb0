"""The Samenspel HSDS profile: merge patches that give valid JSON Schemas and that say something."""

from __future__ import annotations

from typing import Any

import pytest
from jsonschema import Draft202012Validator

from samenspel.opendata.profile import PROFILE_DIR, load_schemas, merge_patch, patched_schemas, patches
from tests.opendata.conftest import SCHEMA_DIR, Validate


def test_merge_patch_follows_rfc_7396() -> None:
    assert merge_patch({"a": 1, "b": {"c": 2, "d": 3}}, {"b": {"c": None, "e": 4}, "f": [1]}) == {
        "a": 1,
        "b": {"d": 3, "e": 4},
        "f": [1],
    }
    assert merge_patch({"a": [1, 2]}, {"a": [3]}) == {"a": [3]}


def test_the_profile_is_documented_and_patches_core_schemas_only() -> None:
    assert (PROFILE_DIR / "README.md").is_file()
    names = set(patches())
    assert {"service.json", "location.json"} <= names
    if SCHEMA_DIR.is_dir():
        assert names <= set(load_schemas(SCHEMA_DIR))


@pytest.fixture(scope="module")
def patched() -> dict[str, dict[str, Any]]:
    if not SCHEMA_DIR.is_dir():
        pytest.skip(f"HSDS 3.0 reference schemas not found at {SCHEMA_DIR}: profile not checked here")
    return patched_schemas(SCHEMA_DIR)


def test_every_patched_schema_is_a_valid_json_schema(patched: dict[str, dict[str, Any]]) -> None:
    for schema in patched.values():
        Draft202012Validator.check_schema(schema)


def test_the_profile_adds_what_hsds_lacks(patched: dict[str, dict[str, Any]]) -> None:
    service = patched["service.json"]["properties"]
    assert service["audience"]["enum"] == ["affected", "relatives", "both"]
    assert {"translations", "gender", "intake", "lifecycle_stage"} <= set(service)
    assert patched["location.json"]["properties"]["disclosure"]["enum"] == ["public", "area", "on_request", "online"]
    # The core stays: the profile only adds.
    assert {"id", "name", "status"} <= set(patched["service.json"]["required"])


def test_the_profile_rejects_what_it_forbids(profile_validate: Validate) -> None:
    base = {
        "id": "ac148810-d857-441c-9679-408f346de14b",
        "name": "Groep",
        "status": "active",
        "audience": "affected",
        "gender": "everyone",
        "intake": "just_come",
        "lifecycle_stage": "active",
    }
    assert profile_validate("service.json", base) == []
    assert profile_validate("service.json", base | {"audience": "members"})
    assert profile_validate("service.json", base | {"translations": {"xx": {"name": "?"}}})
    assert profile_validate("service.json", {k: v for k, v in base.items() if k != "intake"})
    assert profile_validate("location.json", {"id": base["id"], "location_type": "physical"})
