from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest
from django.conf import settings
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


@pytest.fixture
def reference(db: None) -> None:
    load_reference_data()


@pytest.fixture
def support_point(db: None) -> Organisation:
    return Organisation.objects.create(
        slug="steunpunt-test", kind="support_point", name="Steunpunt Test", email="info@steunpunt.example.org"
    )


@pytest.fixture
def location(db: None) -> Location:
    loc = Location(name="Buurthuis De Boog", street="Boogstraat 12", postcode="5611 AB", disclosure="public")
    loc.full_clean()
    loc.save()
    return loc


@pytest.fixture
def group(reference: None, support_point: Organisation, location: Location) -> Group:
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
