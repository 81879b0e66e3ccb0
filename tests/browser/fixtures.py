"""Fixtures for browser tests: Debian's chromium, function-scoped pages, no request leaves the machine.

Loaded for the whole suite by tests/conftest.py (pytest_plugins), so browser journeys of any app share
one browser per session.

Use with pytest-django's ``live_server`` (it gives the test transactional database access):

    def test_it_finds_a_group(live_server, demo_region, page):
        page.goto(live_server.url + "/")

Every page blocks and records requests to hosts other than the live server; a test that made any fails with
their URLs. Extra pages: ``make_page(locale="ar", viewport=(320, 800), javascript=False)``.
"""

from __future__ import annotations

import datetime
import importlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.browser import CHROMIUM, DEFAULT_VIEWPORT, LAUNCH_ARGS, open_context

# Playwright's sync API keeps an asyncio loop in this thread, so Django's async-unsafe guard would refuse
# every ORM call in the test (demo_region, assertions on rows). The test thread never runs async code itself.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

HERE = Path(__file__).resolve().parent
SEARCH_INDEX_MODULE = "samenspel.directory.search_index"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Every test under tests/browser is a browser test, so `-m "not browser"` leaves them all out.
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        # CI must prove the browser journeys: there a missing browser is a failure, not a skip.
        (pytest.fail if os.environ.get("CI") else pytest.skip)(
            "chromium not installed: run bin/install-system-packages as root"
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def external_requests() -> Iterator[list[str]]:
    """URLs the test's pages asked for on other hosts (blocked). Must stay empty."""
    urls: list[str] = []
    yield urls
    if urls:
        pytest.fail(
            "The page requested other hosts (public pages load nothing from another host):\n"
            + "\n".join(f"- {url}" for url in urls),
            pytrace=False,
        )


@pytest.fixture
def make_page(browser: Browser, external_requests: list[str]) -> Iterator[Callable[..., Page]]:
    """Factory for pages in fresh contexts, e.g. make_page(locale="ar", viewport=(320, 800), javascript=False)."""
    contexts = []

    def make(locale: str = "nl-NL", viewport: tuple[int, int] = DEFAULT_VIEWPORT, javascript: bool = True) -> Page:
        context = open_context(browser, external_requests, locale=locale, viewport=viewport, javascript=javascript)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(make_page: Callable[..., Page]) -> Page:
    """A Dutch desktop page (1280x900, nl-NL, JavaScript on) in its own context."""
    return make_page()


@pytest.fixture
def demo_region(transactional_db: None) -> dict[str, int]:
    """The demo region (150 groups) in the live server's database, search index rebuilt when there is one."""
    from samenspel.directory.demo import Generator

    counts = Generator(groups=150, seed=2015, today=datetime.date(2026, 11, 22)).run()
    try:
        search_index = importlib.import_module(SEARCH_INDEX_MODULE)
    except ModuleNotFoundError as error:
        if error.name != SEARCH_INDEX_MODULE:
            raise
    else:
        rebuild = getattr(search_index, "rebuild", None)
        if callable(rebuild):
            rebuild()
    return counts
