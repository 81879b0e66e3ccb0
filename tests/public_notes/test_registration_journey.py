"""Register a group in a real browser: an initiator without an account, at 320 px without JavaScript, confirms by
mail; the support point approves; the initiator signs in by the one-time link as the group's contact person; the
idea is on the public map as looking for others."""

from __future__ import annotations

import re
from typing import Any

import pytest

from samenspel.directory.models import Group
from samenspel.directory.search_index import index_groups
from samenspel.public_notes.models import Registration, RegistrationStatus
from samenspel.workspace.models import GroupContact
from tests.browser import assert_fits_320
from tests.browser.axe import check_a11y
from tests.public_notes.test_browser_journeys import _staff_sign_in

pytestmark = pytest.mark.browser

INITIATOR = "contact@vrouwengroep.example.org"
NAME = "Vrouwengroep Woensel"


def _path(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def _mailed(sink: Any, address: str, pattern: str) -> str:
    for message in reversed(sink.to(address)):
        body = message.get_payload(decode=True).decode()
        found = re.search(rf"https?://\S+{pattern}\S*", body)
        if found:
            return _path(found.group(0))
    raise AssertionError(f"no link like {pattern} mailed to {address}")


def test_an_initiator_registers_a_group_without_an_account_and_becomes_its_contact_person(
    live_server, make_page, group: Group, people, smtp_sink
) -> None:
    index_groups([group.pk])
    base = live_server.url

    # The Arabic form: right to left, at 320 px without JavaScript, no axe violations.
    arabic = make_page(locale="ar", viewport=(320, 800), javascript=False)
    arabic.goto(base + "/groep-aanmelden/?place=5611")
    assert arabic.get_attribute("html", "dir") == "rtl"
    assert_fits_320(arabic)
    check_a11y(arabic, "register form ar")
    arabic.goto(base + "/groep-aanmelden/verstuurd/")
    check_a11y(arabic, "register sent ar")
    arabic.goto(base + "/groep-aanmelden/bevestigen/geen-geldige-link/")
    check_a11y(arabic, "register link invalid ar")

    # From the empty search to the form, in Dutch, on a small screen without JavaScript.
    initiator = make_page(viewport=(320, 800), javascript=False)
    initiator.goto(base + "/?q=gokken&place=5611")
    initiator.click("a[href='/groep-aanmelden/?place=5611']")
    initiator.wait_for_load_state("load")
    assert_fits_320(initiator)
    check_a11y(initiator, "register form nl")
    initiator.check("input[name=kind][value=idea]")
    initiator.fill("#id_name", NAME)
    # The theme picker without JavaScript: the filter is a button that brings the form back, nothing stored.
    initiator.fill("#id_themes_filter", "depress")
    initiator.click("button[name=themes_filter_submit]")
    assert Registration.objects.count() == 0
    assert initiator.input_value("#id_name") == NAME
    initiator.check("input[name=themes][value=depression]")
    initiator.fill("#id_frequency", "elke tweede dinsdagavond")
    initiator.fill("#id_description", "Voor vrouwen die somber zijn en elkaar willen steunen.")
    initiator.fill("#id_email", INITIATOR)
    # The nearest support point was chosen already from the place.
    assert initiator.is_checked(f"input[name=support_point][value={group.support_point.slug}]")
    with initiator.expect_navigation():
        initiator.click("main form button.button-primary")
    assert initiator.url.endswith("/groep-aanmelden/verstuurd/"), initiator.content()
    check_a11y(initiator, "register sent nl")
    assert Registration.objects.get().status == RegistrationStatus.UNCONFIRMED

    confirm = base + _mailed(smtp_sink, INITIATOR, "/groep-aanmelden/bevestigen/")
    arabic.goto(confirm)
    assert_fits_320(arabic)
    check_a11y(arabic, "register confirm ar")
    initiator.goto(confirm)
    check_a11y(initiator, "register confirm nl")
    initiator.click("main form button[type=submit]")
    assert Registration.objects.get().status == RegistrationStatus.PENDING

    # The support point's editor approves it from the queue.
    staff = make_page(locale="en-GB", javascript=False)
    queue = f"/werkplek/{group.support_point.slug}/nieuwe-groepen/"
    _staff_sign_in(staff, base, people["editor"], queue)
    staff.click(f"main a:has-text('{NAME}')")
    assert staff.is_checked("input[name=status][value=initiative]")
    with staff.expect_navigation():
        staff.click("button[name=approve]")
    assert staff.url.endswith(queue)
    new = Group.objects.get(name_nl=NAME)

    # The initiator signs in by the one-time link and sees the group in the workspace, as its contact person.
    initiator.goto(base + _mailed(smtp_sink, INITIATOR, "/werkplek/inloggen/link/"))
    with initiator.expect_navigation():
        initiator.click("main form button[type=submit]")
    assert initiator.url.endswith(f"/werkplek/groep/{new.uuid}/"), initiator.url
    assert NAME in initiator.content()
    assert GroupContact.objects.filter(group=new, user__email=INITIATOR).exists()

    # On the public map: an initiative looking for others.
    visitor = make_page(viewport=(320, 800), javascript=False)
    visitor.goto(base + "/?q=depressie&place=5611")
    assert NAME in visitor.content()
    hit = visitor.locator("li", has_text=NAME).first
    assert hit.locator(".tag-status").count() == 1  # "new initiative, looking for others in the same situation"
    visitor.goto(base + f"/groep/{new.slug}/")
    assert "initiative" in visitor.content().lower() or "initiatief" in visitor.content().lower()
