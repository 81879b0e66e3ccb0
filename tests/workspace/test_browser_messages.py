"""After an action the workspace says what happened in a live region that axe finds clean (issue #22 point 7)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from samenspel.directory.models import Group
from tests.browser.axe import check_a11y
from tests.workspace.test_browser_journeys import _link

pytestmark = pytest.mark.browser


def test_the_message_after_a_change_is_a_list_in_a_status_region_without_axe_violations(
    live_server, make_page, group: Group, contact
) -> None:
    # JavaScript on: axe then audits this very page, with its one-time message, instead of a fresh GET without it.
    page = make_page(locale="en-GB", javascript=True)
    page.goto(live_server.url + "/werkplek/inloggen/")
    page.fill("#id_link-email", "contact@example.org")
    page.click("button[name=send_link]")
    page.goto(_link(live_server.url))
    page.click("main button[type=submit]")
    page.click(f"a[href='/werkplek/groep/{group.uuid}/']")
    page.click(f"a[href='/werkplek/groep/{group.uuid}/bewerken/']")
    page.fill(f"#id_s{group.schedules.get().pk}_start_time", "20:00")
    page.click("main form button.primary")

    region = page.locator("[role=status]:has(> ul.ws-messages)")
    expect(region).to_be_visible()
    expect(region.locator("li.ws-message").first).to_be_visible()
    assert page.locator("ul.ws-messages[role]").count() == 0
    check_a11y(page, "workspace page after a change")
