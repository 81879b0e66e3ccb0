"""Smoke tests: chromium starts, the site answers in Dutch and Arabic, axe runs, other hosts stay unreached."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

import pytest
from playwright.sync_api import Page

from tests.browser import assert_fits_320
from tests.browser.axe import check_a11y

pytestmark = pytest.mark.browser


def test_the_home_page_is_dutch_with_a_heading_and_passes_axe(live_server, demo_region, page: Page) -> None:
    page.goto(live_server.url + "/")
    assert page.locator("h1").count() >= 1
    assert page.locator("html").get_attribute("lang") == "nl"
    # The stylesheet is served and applied, so layout checks (320 px, contrast) test the styled page.
    assert page.request.get(live_server.url + "/static/samenspel/site.css").status == 200
    assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).display") == "flex"
    check_a11y(page, "home page, Dutch, desktop")


def test_the_home_page_is_right_to_left_for_an_arabic_browser(
    live_server, demo_region, make_page: Callable[..., Page]
) -> None:
    arabic = make_page(locale="ar")
    arabic.goto(live_server.url + "/")
    assert arabic.locator("html").get_attribute("dir") == "rtl"


def test_requests_to_other_hosts_are_blocked_and_recorded(
    make_page: Callable[..., Page], external_requests: list[str]
) -> None:
    page = make_page()
    page.set_content('<img src="https://cdn.example.org/logo.png" alt=""><p>hallo</p>')
    page.wait_for_load_state("load")
    assert external_requests == ["https://cdn.example.org/logo.png"]
    assert page.evaluate("() => document.images[0].naturalWidth") == 0
    external_requests.clear()  # expected here; any other test with a recorded URL fails


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_axe_reports_violations_with_and_without_javascript(make_page: Callable[..., Page], javascript: bool) -> None:
    page = make_page(javascript=javascript)
    page.goto("data:text/html," + quote('<html><body><img src="data:,"><p>geen alt-tekst</p></body></html>'))
    with pytest.raises(pytest.fail.Exception, match=r"image-alt \[critical\]") as failure:
        check_a11y(page, "a page missing lang, title and alt")
    assert "html-has-lang" in str(failure.value)
    assert "\n    img" in str(failure.value)


def test_assert_fits_320_catches_sideways_scrolling(make_page: Callable[..., Page]) -> None:
    page = make_page(viewport=(320, 700), javascript=False)
    page.set_content("<html lang=nl><body><p>Smal genoeg.</p></body></html>")
    assert_fits_320(page)
    page.set_content('<html lang=nl><body><table id="breed" style="width:600px"><tr><td>x</td></tr></table></body>')
    with pytest.raises(AssertionError, match=r"scrollWidth is 6\d\d.*table#breed"):
        assert_fits_320(page)
