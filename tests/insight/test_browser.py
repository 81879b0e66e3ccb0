"""A municipality's policy officer in a real browser, on a small phone without JavaScript.

They sign in with the e-mailed link, find their municipality on the workspace home, read the coverage and
gaps and the referral figures: no accessibility violations, nothing scrolls sideways at 320 px.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from playwright.sync_api import expect

from samenspel.directory.models import Group
from tests.browser import assert_fits_320
from tests.browser.axe import check_a11y
from tests.insight.conftest import A_NAME, A_SLUG

pytestmark = pytest.mark.browser

EMAIL = "beleid@geldrop-mierlo.example.nl"


def test_a_policy_officer_signs_in_and_reads_coverage_and_referral_figures(
    live_server: Any, make_page: Any, region: dict[str, Group], referral_counts: None
) -> None:
    from django.core.management import call_command

    call_command("municipality_access", "grant", EMAIL, A_NAME, stdout=None)
    page = make_page(locale="en-GB", viewport=(320, 800), javascript=False)
    page.goto(f"{live_server.url}/werkplek/")
    page.fill("#id_link-email", EMAIL)
    page.click("button[name=send_link]")
    expect(page.locator("h1")).to_contain_text("e-mail")
    link = re.search(r"https?://\S+", mail.outbox[-1].body)
    assert link
    page.goto(link.group(0))
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert page.url == f"{live_server.url}/werkplek/"

    page.click(f"main a[href='/gemeente/{A_SLUG}/']")
    expect(page.locator("h1")).to_have_text("Peer groups in Geldrop-Mierlo")
    expect(page.locator("section[aria-labelledby=gaps] li")).to_have_count(3)
    expect(page.locator("table[aria-labelledby=by-place]")).to_contain_text("Mierlo")
    check_a11y(page, "municipality coverage")
    assert_fits_320(page)

    page.click(f"nav a[href='/gemeente/{A_SLUG}/verwijzingen/']")
    expect(page.locator("h1")).to_have_text("Referral figures of Geldrop-Mierlo")
    expect(page.locator("table[aria-labelledby=by-month] tbody tr").first).to_contain_text("<5")
    expect(page.locator("main")).not_to_contain_text("Groep ")
    check_a11y(page, "municipality referral figures")
    assert_fits_320(page)
