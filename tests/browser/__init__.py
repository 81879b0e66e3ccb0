"""Browser tests: Playwright driving Debian's /usr/bin/chromium against pytest-django's live_server.

Shared helpers live here so journey tests and axe.py open contexts the same way the fixtures do:
every context blocks and records requests to any host other than the live server.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Page, Route, StorageState

# Never a Playwright browser download: bin/install-system-packages installs Debian's chromium.
CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
DEFAULT_VIEWPORT = (1280, 900)
DEFAULT_TIMEOUT_MS = 15_000


@dataclass(frozen=True)
class ContextOptions:
    """How a context was opened, so check_a11y can reopen a JavaScript-less page with JavaScript."""

    locale: str
    viewport: tuple[int, int]
    javascript: bool
    external_requests: list[str] = field(compare=False)


_options: weakref.WeakKeyDictionary[BrowserContext, ContextOptions] = weakref.WeakKeyDictionary()


def record_external_requests(context: BrowserContext, external_requests: list[str]) -> None:
    """Abort every request from `context` to a host other than the live server and append its URL."""

    def handle(route: Route) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in {"http", "https", "ws", "wss"} and parts.hostname not in LOCAL_HOSTS:
            external_requests.append(url)
            route.abort("blockedbyclient")
        else:
            route.continue_()

    context.route("**/*", handle)


def open_context(
    browser: Browser,
    external_requests: list[str],
    *,
    locale: str = "nl-NL",
    viewport: tuple[int, int] = DEFAULT_VIEWPORT,
    javascript: bool = True,
    storage_state: StorageState | None = None,
) -> BrowserContext:
    """A new context whose locale sets Accept-Language, with the external-request recorder attached."""
    width, height = viewport
    context = browser.new_context(
        viewport={"width": width, "height": height},
        locale=locale,
        java_script_enabled=javascript,
        storage_state=storage_state,
    )
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    record_external_requests(context, external_requests)
    _options[context] = ContextOptions(locale, viewport, javascript, external_requests)
    return context


def context_options(context: BrowserContext) -> ContextOptions | None:
    """The options `open_context` used, or None for a context opened some other way."""
    return _options.get(context)


def assert_fits_320(page: Page) -> None:
    """No horizontal scrolling on a 320 px wide screen (WCAG 1.4.10 reflow)."""
    width = page.viewport_size["width"] if page.viewport_size else None
    assert width == 320, f"assert_fits_320 needs a page with a 320 px viewport, this one is {width} px"
    # Right after a click that submits a form the next page may have no document yet: measure the page that came.
    page.wait_for_load_state("load")
    scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
    if scroll_width > 320 + 1:
        too_wide = page.evaluate(
            """() => [...document.querySelectorAll('body *')]
                .filter(el => el.getBoundingClientRect().right > 321)
                .slice(0, 5)
                .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                     + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
                     + ' (right edge ' + Math.round(el.getBoundingClientRect().right) + ' px)')"""
        )
        raise AssertionError(
            f"{page.url} scrolls sideways at 320 px: scrollWidth is {scroll_width}. Widest elements: {too_wide}"
        )
