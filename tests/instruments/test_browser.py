"""The matrix conversation in a real browser (issue 16, "Done when"): a key person does it in Arabic on a 360 px
phone without JavaScript and takes the page home as PDF; every step fits 320 px and has no axe violations in Dutch
and in Arabic."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdfium2
import pytest
from playwright.sync_api import Page

from samenspel.directory.models import Theme
from samenspel.instruments.matrix import matrix
from samenspel.instruments.models import ContributionReceipt, ConversationCount, FactorCount
from tests.browser import assert_fits_320
from tests.browser.axe import check_a11y

pytestmark = pytest.mark.browser

PLAN = "سنذهب معًا إلى لقاء تجريبي"  # "We go to a trial meeting together"


def _key(nl: str) -> str:
    return next(f.key for f in matrix().conversation_factors() if f.labels["nl"] == nl)


def _themes() -> None:
    Theme.objects.create(slug="depression", label_nl="Depressie", label_en="Depression", category="mental")


def _answer(page: Page, nl: str, answer: str) -> None:
    page.check(f"input[name='f:{_key(nl)}'][value='{answer}']")


def _walk(page: Page, base: str, at_each_step: Callable[[str], None]) -> None:
    page.goto(base + "/deelname-gesprek/")
    at_each_step("start")
    page.select_option("#id_theme", "depression")
    page.click("button[value=next]")
    at_each_step("part 1")
    _answer(page, "Hoop op herstel", "helps")
    page.click("button[value=next]")
    at_each_step("part 2")
    _answer(page, "Schaamte voor de eigen problemen", "in_the_way")
    _answer(page, "Taalbarrière", "in_the_way")
    page.click("button[value=next]")
    at_each_step("part 3")
    _answer(page, "Eigen bijdrage koffie en thee", "in_the_way")
    page.click("button[value=next]")
    at_each_step("what we will try")
    page.fill("#id_plan", PLAN)
    page.click("button[value=next]")
    at_each_step("result")


def test_a_key_person_does_the_conversation_in_arabic_on_a_phone_and_takes_the_page_home(
    live_server: Any, make_page: Any, tmp_path: Path
) -> None:
    _themes()
    phone = make_page(locale="ar", viewport=(360, 780), javascript=False)
    _walk(phone, live_server.url, lambda step: None)
    assert phone.locator("html").get_attribute("dir") == "rtl"
    assert phone.locator("html").get_attribute("lang") == "ar"
    sheet = phone.locator("main.sheet")
    # The factors in the person's language (the data file's Arabic labels), not an English fallback.
    assert "الأمل في التعافي" in sheet.inner_text()
    assert "الخجل من مشاكلك" in sheet.inner_text()
    assert "Hope of recovery" not in sheet.inner_text()
    assert PLAN in sheet.inner_text()
    assert not FactorCount.objects.exists(), "nothing is kept before the person agrees"

    with phone.expect_download() as download:
        phone.click("form[action$='/pdf/'] button")
    pdf = tmp_path / "gesprek.pdf"
    download.value.save_as(pdf)
    document = pypdfium2.PdfDocument(pdf.read_bytes())
    assert len(document) == 1, "the take-home page is one page"
    page = document[0]
    textpage = page.get_textpage()
    text = textpage.get_text_range()
    assert "القهوة" in text and "حاجز" in text, text
    # Right to left: the Arabic lines start at the right margin of the paper.
    width = page.get_width()
    starts = [textpage.get_charbox(text.index(word))[2] for word in ("حاجز", "القهوة")]
    assert all(right > width * 0.6 for right in starts), (starts, width)

    phone.click("form[action$='/meetellen/'] button")
    assert phone.locator("[role=status]").count() == 1
    assert ConversationCount.objects.get().language == "ar"
    assert FactorCount.objects.count() == 4
    assert ContributionReceipt.objects.count() == 1
    assert PLAN in phone.locator("main.sheet").inner_text(), "the page stays the person's after counting"
    assert not phone.context.cookies(), "the conversation leaves no cookie in the browser"


@pytest.mark.parametrize("locale", ["nl-NL", "ar"])
def test_every_step_fits_a_small_phone_and_passes_axe(live_server: Any, make_page: Any, locale: str) -> None:
    _themes()
    # JavaScript on only so axe can run in this page: the steps are reached by POST, which a re-fetch cannot repeat.
    page = make_page(locale=locale, viewport=(320, 700), javascript=True)

    def check(step: str) -> None:
        assert_fits_320(page)
        check_a11y(page, f"matrix conversation, {step} ({locale})")

    _walk(page, live_server.url, check)
