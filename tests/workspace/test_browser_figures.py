"""The figures pages, the theme picker and the change review in a real browser (issue #20, points 5, 6 and 9):
no accessibility violations, nothing scrolls sideways at 320 px, the theme filter works with and without
JavaScript."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from samenspel.directory.models import Theme
from samenspel.referral.models import ReferralCount
from samenspel.workspace.models import ChangeRequest, InformationSession, Role
from tests.browser import assert_fits_320
from tests.browser.axe import check_a11y
from tests.personas import sign_in

pytestmark = pytest.mark.browser


def _signed_in_page(make_page: Any, live_server: Any, user: Any, **options: Any) -> Any:
    client = Client()
    sign_in(client, user)
    page = make_page(locale="en-GB", **options)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])
    return page


def test_the_theme_filter_works_without_javascript(live_server, make_page, group, member) -> None:
    InformationSession.objects.create(
        support_point=group.support_point, date="2026-05-04", place_kind="school", attendees=3, given_by="x"
    )
    page = _signed_in_page(make_page, live_server, member(Role.EDITOR), viewport=(320, 800), javascript=False)
    page.goto(f"{live_server.url}/werkplek/{group.support_point.slug}/voorlichtingen/")
    check_a11y(page, "information sessions")
    assert_fits_320(page)
    depression = Theme.objects.get(slug="depression")
    page.check(f"input[name=themes][value='{depression.pk}']")
    page.fill("#id_given_by", "Key person")
    page.fill("#id_themes_filter", "gambl")
    page.click("button[name=themes_filter_submit]")
    boxes = page.locator("input[name=themes]")
    expect(boxes).not_to_have_count(Theme.objects.count())
    expect(page.locator(f"input[name=themes][value='{depression.pk}']")).to_be_checked()
    expect(page.locator("#id_given_by")).to_have_value("Key person")
    assert boxes.count() >= 2
    check_a11y(page, "information sessions, filtered")
    assert not InformationSession.objects.filter(given_by="Key person").exists()


def test_the_theme_filter_narrows_as_one_types_with_javascript(live_server, make_page, group, member) -> None:
    page = _signed_in_page(make_page, live_server, member(Role.EDITOR))
    page.goto(f"{live_server.url}/werkplek/{group.support_point.slug}/voorlichtingen/")
    expect(page.locator("button[name=themes_filter_submit]")).to_be_hidden()
    everything = page.locator("[data-theme-option]:visible").count()
    assert everything == Theme.objects.count()
    page.fill("#id_themes_filter", "gambl")
    visible = page.locator("[data-theme-option]:visible")
    expect(visible).not_to_have_count(everything)
    for text in visible.all_inner_texts():
        assert "gambl" in text.casefold() or "addiction" in text.casefold()
    check_a11y(page, "information sessions, filtered with JavaScript")


def test_the_support_points_figures_and_the_change_review_pass_axe(
    live_server, make_page, group, member, contact
) -> None:
    for kind, role, n in (("slip", "poh_ggz", 8), ("slip", "social_worker", 2), ("handover", "gp", 6)):
        ReferralCount.objects.create(group=group, kind=kind, role=role, month=datetime.date(2026, 3, 1), count=n)
    change = ChangeRequest.objects.create(
        group=group,
        changes={
            "cost": ["voluntary", "fee"],
            "seeking_others": [False, True],
            "themes": [[], [group.themes.first().pk]],
        },
    )
    page = _signed_in_page(make_page, live_server, member(Role.EDITOR), viewport=(320, 800), javascript=False)
    page.goto(f"{live_server.url}/verwijzen/beheer/{group.support_point.slug}/cijfers/")
    expect(page.locator("svg.figure-chart").first).to_be_visible()
    expect(page.locator("table[aria-labelledby=by-role] tbody")).to_contain_text("hidden")
    check_a11y(page, "support point referral figures")
    assert_fits_320(page)
    page.goto(f"{live_server.url}/werkplek/wijziging/{change.uuid}/")
    expect(page.locator("table.ws-diff")).to_contain_text("Voluntary contribution")
    check_a11y(page, "change review")
    assert_fits_320(page)
    page.goto(f"{live_server.url}/werkplek/{group.support_point.slug}/wijzigingen/")
    check_a11y(page, "review queue")
