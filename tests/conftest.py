from __future__ import annotations

import copy
import datetime
import inspect
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pytest
from django.conf import settings
from django.db import transaction
from django.utils import translation
from hypothesis import settings as hypothesis_settings

from samenspel.directory.models import Group, Language, Location, Organisation, Schedule, Theme
from samenspel.directory.reference import load_reference_data
from samenspel.directory.search_index import bump_vocabulary

# Browser journeys, the personas of every access table and the real mail servers serve all apps.
pytest_plugins = ["tests.browser.fixtures", "tests.personas", "tests.smtp"]

# No timed assertions in tests (speed is measured in bench/): hypothesis' per-example deadline would fail
# a correct parser on a busy shared machine.
hypothesis_settings.register_profile("samenspel", deadline=None)
hypothesis_settings.load_profile("samenspel")


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    # A request through LocaleMiddleware leaves its language active in the thread. Start and end every test in
    # the site's default language, so a test's outcome never depends on which test ran before it.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_search_vocabulary() -> None:
    # Each test builds its own themes inside a transaction that never commits, so the on-commit bump
    # never runs: start every test with a new vocabulary version instead of one cached by an earlier test.
    bump_vocabulary()


World = TypeVar("World")


def built_once(build: Callable[[], World], *, name: str = "world", scope: str = "module") -> tuple[Any, Any]:
    """Two fixtures for rows every test of a module (or class) reads, built once instead of once per test.

    Django's TestCase.setUpTestData, for pytest: `build()` runs once, inside a transaction around the whole module
    that is rolled back after its last test, so nothing it wrote outlives the module. Each test still runs in its own
    savepoint inside it (pytest-django's `db`), so what one test writes is gone before the next, and it gets its own
    deep copy of what `build()` returned, so changing an object in one test never leaks into the next.

        _world_rows, world = built_once(lambda: {"group": make_group(...)})  # fixtures `_world_rows` and `world`

    Only for modules whose tests use `db`: a `transactional_db` or `live_server` test would flush these rows.
    """

    rows_name = f"_{name}_rows"

    @pytest.fixture(scope=scope, name=rows_name)  # type: ignore[call-overload]
    def rows(django_db_setup: None, django_db_blocker: Any) -> Iterator[World]:
        with django_db_blocker.unblock():
            # Inside a test's own transaction the rows would be gone after that test.
            assert not transaction.get_connection().in_atomic_block, "built_once rows must be set up before `db`"
            outer = transaction.atomic()
            outer.__enter__()
            try:
                built = build()
            except BaseException:
                transaction.set_rollback(True)
                outer.__exit__(None, None, None)
                raise
        try:
            yield built
        finally:
            with django_db_blocker.unblock():
                transaction.set_rollback(True)
                outer.__exit__(None, None, None)

    def each_test(**fixtures: Any) -> World:
        return copy.deepcopy(fixtures[rows_name])

    # Asks for the rows by their name, and before `db`: pytest sets up the module's rows before the test's savepoint.
    each_test.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter(rows_name, inspect.Parameter.KEYWORD_ONLY),
            inspect.Parameter("db", inspect.Parameter.KEYWORD_ONLY),
        ]
    )
    each_test = pytest.fixture(name=name)(each_test)

    return rows, each_test


@pytest.fixture
def reference(db: None) -> None:
    load_reference_data()


def make_support_point() -> Organisation:
    return Organisation.objects.create(
        slug="steunpunt-test", kind="support_point", name="Steunpunt Test", email="info@steunpunt.example.org"
    )


def make_location() -> Location:
    loc = Location(name="Buurthuis De Boog", street="Boogstraat 12", postcode="5611 AB", disclosure="public")
    loc.full_clean()
    loc.save()
    return loc


def make_group(support_point: Organisation, location: Location) -> Group:
    """The shared `group` (reference data loaded first)."""
    g = Group.objects.create(
        slug="lotgenoten-depressie",
        name_nl="Lotgenotengroep depressie",
        name_en="Peer group depression",
        description_nl="Een groep voor mensen die somber zijn.",
        support_point=support_point,
        location=location,
        contact_email="depressie@steunpunt.example.org",
    )
    g.themes.set([Theme.objects.get(slug="depression")])
    g.languages.set([Language.objects.get(code="nl")])
    Schedule.objects.create(
        group=g,
        kind="weekly",
        weekdays=[3],
        start_time=datetime.time(19, 30),
        end_time=datetime.time(21, 0),
        valid_from=datetime.date(2026, 1, 1),
    )
    return g


@pytest.fixture
def support_point(db: None) -> Organisation:
    return make_support_point()


@pytest.fixture
def location(db: None) -> Location:
    return make_location()


@pytest.fixture
def group(reference: None, support_point: Organisation, location: Location) -> Group:
    return make_group(support_point, location)
