"""The participant survey in a real browser (issue 16, "Done when"): a group leader prints 12 slips, 6 answers in
three languages arrive from phones without JavaScript, the group sees its results, the support point sees "<5"."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page

from samenspel.instruments.models import SurveyAnswer
from tests.browser import assert_fits_320
from tests.browser.axe import check_a11y
from tests.personas import make_contact, make_member, sign_in

pytestmark = pytest.mark.browser


def _signed_in_page(make_page: Any, base: str, user: Any) -> Page:
    client = sign_in(Client(), user)
    page = make_page(locale="en-GB")
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": base,
            }
        ]
    )
    return page


def test_a_group_leader_prints_slips_and_the_answers_reach_the_group_and_the_support_point(
    live_server: Any, make_page: Any, group: Any
) -> None:
    base = live_server.url
    leader = _signed_in_page(make_page, base, make_contact(group, "leider@example.org"))
    leader.goto(f"{base}/werkplek/groep/{group.uuid}/vragenlijst/")
    check_a11y(leader, "survey page of a group")
    leader.fill("#count", "12")
    leader.click("button.primary")
    codes = re.findall(r"[A-Z0-9]{10}", " ".join(leader.locator(".slip-code").all_inner_texts()))
    assert len(codes) == 12 and leader.locator(".slip-card svg").count() == 12
    urls = [f"{base}/vragenlijst/{code}/" for code in codes]
    assert all(url.endswith(f"/vragenlijst/{code}/") for url, code in zip(urls, codes, strict=True))

    answers = [("nl", "3"), ("nl", "2"), ("tr", "3"), ("tr", "3"), ("ar", "1"), ("ar", "3")]
    for url, (language, rating) in zip(urls[:6], answers, strict=True):
        phone = make_page(locale=language, viewport=(320, 700), javascript=False)
        phone.goto(url)
        assert phone.locator("html").get_attribute("lang") == language
        assert_fits_320(phone)
        phone.check(f"input[name=self_help][value='{rating}']")
        phone.check("input[name=routes][value=people]")
        phone.click("main button[type=submit]")
        assert phone.locator("h1").count() == 1
        assert not phone.context.cookies(), "no cookie is kept"
        phone.goto(url)
        assert phone.locator("a[href='/vragenlijst/']").count() == 1, "a used code does not work again"
    assert sorted(SurveyAnswer.objects.values_list("language", flat=True)) == ["ar", "ar", "nl", "nl", "tr", "tr"]

    leader.goto(f"{base}/werkplek/groep/{group.uuid}/vragenlijst/")
    own = leader.locator("table").first.inner_text()
    # Six answers: the 4 who gave +3 are still "<5"; the total is shown.
    assert re.search(r"\+3\s+<5", own) and re.search(r"Total\s+6", own), own
    routes = leader.locator("table").nth(2).inner_text()
    assert re.search(r"Through friends, family or colleagues\s+6\s+100[.,]0%", routes), routes

    viewer = _signed_in_page(make_page, base, make_member(group.support_point, "viewer"))
    viewer.goto(f"{base}/werkplek/{group.support_point.slug}/vragenlijst/")
    per_group = viewer.locator("table").first.inner_text()
    assert re.search(r"Total\s+6", per_group), per_group
    assert "<5" in viewer.locator("main").inner_text()
    check_a11y(viewer, "survey overview of the support point")


def test_the_survey_form_passes_axe_in_dutch_and_arabic(live_server: Any, make_page: Any, group: Any) -> None:
    from samenspel.instruments.services import survey_codes_create

    code = survey_codes_create(group=group, count=1, actor=None)[0].code
    for locale in ("nl-NL", "ar"):
        page = make_page(locale=locale, viewport=(320, 700))
        page.goto(f"{live_server.url}/vragenlijst/{code}/")
        assert_fits_320(page)
        check_a11y(page, f"survey form ({locale})")


def test_a_group_leader_sends_links_fills_in_the_inventory_and_the_support_point_sees_it(
    live_server: Any, make_page: Any, group: Any
) -> None:
    base = live_server.url
    leader = _signed_in_page(make_page, base, make_contact(group, "leider@example.org"))
    leader.goto(f"{base}/werkplek/groep/{group.uuid}/vragenlijst/")
    leader.fill("#link-count", "3")
    leader.click("form:has(input[name=kind][value=link]) button")
    check_a11y(leader, "survey links")
    links = leader.locator(".survey-link").all_inner_texts()
    assert len(links) == 3 and all(link.startswith(f"{base}/vragenlijst/") for link in links)

    for link, language in zip(links, ("pl", "so", "ar"), strict=True):
        phone = make_page(locale=language, viewport=(320, 700), javascript=False)
        phone.goto(link)
        assert_fits_320(phone)
        phone.check("input[name=conditions][value=safe]")
        phone.check("input[name=brings][value=less_lonely]")
        phone.click("main button[type=submit]")
        assert not phone.context.cookies()
        phone.goto(link)
        assert phone.locator("a[href='/vragenlijst/']").count() == 1, "a used link does not work again"
    assert sorted(SurveyAnswer.objects.values_list("language", flat=True)) == ["ar", "pl", "so"]

    leader.goto(f"{base}/werkplek/groep/{group.uuid}/inventarisatie/")
    check_a11y(leader, "group inventory")
    leader.check("input[name=size][value='6-10']")
    leader.check("input[name=website][value=information]")
    with leader.expect_navigation():
        leader.click("form:has(input[name=size]) button.primary")
    assert "Next time:" in leader.locator("main").inner_text()

    viewer = _signed_in_page(make_page, base, make_member(group.support_point, "viewer"))
    viewer.goto(f"{base}/werkplek/{group.support_point.slug}/inventarisatie/")
    check_a11y(viewer, "group inventory of the support point")
    size = viewer.locator("table").first.inner_text()
    assert re.search(r"6 to 10\s+<5", size), size
