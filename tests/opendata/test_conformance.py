"""Every object the API gives validates against the official HSDS 3.0 JSON Schemas, and against the profile."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from samenspel.directory.models import Group, Location
from tests.conftest import built_once
from tests.opendata.conftest import SCHEMA_DIR, Validate, build_demo

pytestmark = pytest.mark.django_db

# Every test here reads the demo region: built once for the module, each test in a savepoint inside it.
_demo_rows, demo = built_once(build_demo, name="demo")


def every_object(client: Client) -> list[tuple[str, dict[str, Any]]]:
    """(schema file, object) for each list item and each detail the API serves."""
    found: list[tuple[str, dict[str, Any]]] = []
    for url, schema in (
        ("/api/hsds/services", "service.json"),
        ("/api/hsds/organizations", "organization.json"),
        ("/api/hsds/service_at_locations", "service_at_location.json"),
        ("/api/hsds/taxonomies", "taxonomy.json"),
        ("/api/hsds/taxonomy_terms", "taxonomy_term.json"),
    ):
        body = client.get(url, {"per_page": 200}).json()
        assert body["total_items"] == len(body["contents"]) > 0
        found += [(schema, item) for item in body["contents"]]
        if url.endswith(("services", "organizations")):
            found += [(schema, client.get(f"{url}/{item['id']}").json()) for item in body["contents"]]
    return found


@pytest.fixture
def varied_demo(demo: dict[str, int]) -> None:
    """The demo region plus the cases it lacks: an area-only place, a fee, a public contact name."""
    location = Location.objects.filter(disclosure="public").first()
    assert location is not None
    location.disclosure = "area"
    location.save()
    group = Group.objects.public().first()
    assert group is not None
    group.cost, group.cost_amount = "fee", Decimal("2.50")
    group.contact_name, group.contact_name_public = "Mila", True
    group.age_min, group.age_max = 18, 30
    group.save()


def test_every_api_object_validates_against_the_hsds_schemas(
    client: Client, varied_demo: None, hsds_validate: Validate
) -> None:
    objects = every_object(client)
    errors = [f"{schema} {obj['id']}: {error}" for schema, obj in objects for error in hsds_validate(schema, obj)]
    assert errors == []
    assert {schema for schema, _obj in objects} == {
        "service.json",
        "organization.json",
        "service_at_location.json",
        "taxonomy.json",
        "taxonomy_term.json",
    }


def test_service_list_items_validate_against_the_compiled_list_schema(
    client: Client, demo: dict[str, int], hsds_validate: Validate
) -> None:
    compiled = json.loads((SCHEMA_DIR / "compiled" / "service_list.json").read_text())
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(compiled, format_checker=Draft202012Validator.FORMAT_CHECKER)
    items = client.get("/api/hsds/services", {"per_page": 200}).json()["contents"]
    assert [e.message for item in items for e in validator.iter_errors(item)] == []


def test_every_api_object_validates_against_the_samenspel_profile(
    client: Client, varied_demo: None, profile_validate: Validate
) -> None:
    errors = [
        f"{schema} {obj['id']}: {error}"
        for schema, obj in every_object(client)
        for error in profile_validate(schema, obj)
    ]
    assert errors == []


def test_the_ndjson_stream_validates_too(client: Client, demo: dict[str, int], hsds_validate: Validate) -> None:
    response = client.get("/api/hsds/service_at_locations", {"format": "ndjson"})
    lines = b"".join(response.streaming_content).decode().splitlines()  # type: ignore[attr-defined]
    assert lines
    assert [e for line in lines for e in hsds_validate("service_at_location.json", json.loads(line))] == []
