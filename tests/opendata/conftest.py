from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from samenspel.directory.demo import Generator
from samenspel.opendata.profile import load_schemas, patched_schemas

TODAY = datetime.date(2026, 11, 22)
# CI keeps the shared reference data beside the repository: ../shared/reference/hsds-3.0
HSDS_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "reference" / "hsds-3.0"
SCHEMA_DIR = HSDS_DIR / "schema"

Validate = Callable[[str, dict[str, Any]], list[str]]


@pytest.fixture(autouse=True)
def _export_downloads_in_a_temporary_folder(settings: Any, tmp_path: Path) -> None:
    # The downloads are kept as files: each test starts without any, and none end up in var/.
    settings.OPENDATA_EXPORT_DIR = tmp_path / "exports"


@pytest.fixture(autouse=True)
def _fresh_rate_limits(settings: Any) -> None:
    # The rate limiter counts in the cache, which outlives a test: every test starts with a clean slate,
    # and with room for the many requests a test makes; the rate limit tests set their own small limits.
    cache.clear()
    settings.OPENDATA_ANON_REQUESTS_PER_MINUTE = 1_000_000


def build_demo() -> dict[str, int]:
    """The demo region (150 groups); for a module's tests that read it, `built_once(build_demo, name="demo")`."""
    return Generator(groups=150, seed=2015, today=TODAY).run()


@pytest.fixture
def demo(db: None) -> dict[str, int]:
    return build_demo()


@pytest.fixture
def small_demo(db: None) -> dict[str, int]:
    """A smaller region for the import and download tests: every kind of place and schedule, fewer rows."""
    return Generator(groups=48, seed=2015, today=TODAY).run()


@pytest.fixture
def client() -> Client:
    # English is the source language: assertions keep holding once translations arrive.
    return Client(HTTP_ACCEPT_LANGUAGE="en")


def make_validator(schemas: dict[str, dict[str, Any]]) -> Validate:
    registry: Registry = Registry().with_resources(
        (name, Resource.from_contents(schema, default_specification=DRAFT202012)) for name, schema in schemas.items()
    )

    def validate(schema_name: str, instance: dict[str, Any]) -> list[str]:
        validator = Draft202012Validator(
            schemas[schema_name], registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
        )
        return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(instance)]

    return validate


@pytest.fixture(scope="session")
def hsds_validate() -> Validate:
    if not SCHEMA_DIR.is_dir():
        pytest.skip(f"HSDS 3.0 reference schemas not found at {SCHEMA_DIR}: conformance not checked here")
    return make_validator(load_schemas(SCHEMA_DIR))


@pytest.fixture(scope="session")
def profile_validate() -> Validate:
    if not SCHEMA_DIR.is_dir():
        pytest.skip(f"HSDS 3.0 reference schemas not found at {SCHEMA_DIR}: profile not checked here")
    return make_validator(patched_schemas(SCHEMA_DIR))
