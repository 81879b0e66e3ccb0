"""Public notes in a real browser: 'tell me when' from an empty search to the mail, and 'something is wrong'."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page

from samenspel.directory.models import Group, Language, Location, Theme
from samenspel.directory.search_index import index_groups
from samenspel.directory.services import group_create
from samenspel.public_notes.models import Correction, Wish
from tests.browser import assert_fits_320
from tests.browser.axe import check_a11y
from tests.personas import PASSWORD, sign_in

pytestmark = pytest.mark.browser

CITIZEN = "burger@example.org"


def _path(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def _mailed_link(sink: Any, address: str, part: str) -> str:
    for message in reversed(sink.to(address)):
        body = message.get_payload(decode=True).decode()
        found = re.search(rf"https?://\S+/laat-het-me-weten/{part}/\S+/", body)
        if found:
            return _path(found.group(0))
    raise AssertionError(f"no {part} link mailed to {address}")


def _staff_sign_in(page: Page, base: str, user: Any, next_path: str) -> None:
    device = TOTPDevice.objects.filter(user=user).first() or TOTPDevice.objects.create(
        user=user, name="phone", confirmed=True
    )
    page.goto(base + next_path)
    page.fill("#id_pw-email", user.email)
    page.fill("#id_pw-password", PASSWORD)
    page.click("button[name=password_sign_in]")
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    page.fill("#id_token", f"{totp.token():06d}")
    with page.expect_navigation():
        page.click("main form button.primary")
    assert page.url.endswith(next_path)


def test_a_citizen_is_told_when_a_group_starts_and_the_support_point_never_sees_who(
    live_server, make_page, group: Group, people, smtp_sink
) -> None:
    index_groups([group.pk])
    base = live_server.url

    # No group on gambling near 5611: the citizen leaves "tell me when", without JavaScript, on a small screen.
    citizen = make_page(viewport=(320, 800), javascript=False)
    citizen.goto(base + "/?q=gokken&place=5611")
    citizen.click("a[href^='/laat-het-me-weten/?theme=gambling']")
    citizen.wait_for_load_state("load")
    assert citizen.input_value("#id_pc4") == "5611"
    assert_fits_320(citizen)
    check_a11y(citizen, "wish form nl")
    citizen.fill("#id_email", CITIZEN)
    with citizen.expect_navigation():
        citizen.click("main form button[type=submit]")
    assert citizen.url.endswith("/laat-het-me-weten/verstuurd/")
    check_a11y(citizen, "wish sent nl")
    assert not Wish.objects.get().consent

    citizen.goto(base + _mailed_link(smtp_sink, CITIZEN, "bevestigen"))
    check_a11y(citizen, "wish confirm nl")
    citizen.click("main form button[type=submit]")
    assert Wish.objects.get().consent

    # A group on gambling starts nearby, in Dutch.
    place = Location.objects.create(name="Wijkcentrum", street="Kerkstraat 1", postcode="5612 AB", disclosure="public")
    started = group_create(
        actor=None,
        themes=[Theme.objects.get(slug="gambling")],
        languages=[Language.objects.get(code="nl")],
        slug="gokken-samen",
        name_nl="Samen stoppen met gokken",
        support_point=group.support_point,
        location=place,
        contact_email="gokken@example.org",
    )

    # The support point sees "<5" and writes to all of them, never seeing an address.
    staff = make_page(locale="en-GB", javascript=False)
    editor = people["editor"]
    overview = f"/werkplek/{group.support_point.slug}/wensen/"
    _staff_sign_in(staff, base, editor, overview)
    html = staff.content()
    assert "&lt;5" in html and started.name_nl in html and CITIZEN not in html
    staff.fill("main textarea[name=message]", "Er is een groep gestart: elke dinsdagavond in Wijkcentrum.")
    with staff.expect_navigation():
        staff.click("main form button.primary")
    assert CITIZEN not in staff.content()
    for path in (
        overview,
        f"/werkplek/{group.support_point.slug}/",
        f"/werkplek/{group.support_point.slug}/correcties/",
    ):
        staff.goto(base + path)
        assert CITIZEN not in staff.content()
    notices = [m for m in smtp_sink.to(CITIZEN) if "dinsdagavond" in m.get_payload(decode=True).decode()]
    assert len(notices) == 1
    assert "/laat-het-me-weten/stoppen/" in notices[0].get_payload(decode=True).decode()

    # Arabic, right to left, at 320 px without JavaScript: the form still works and passes axe.
    arabic = make_page(locale="ar", viewport=(320, 800), javascript=False)
    arabic.goto(base + "/laat-het-me-weten/?theme=gambling&pc4=5611")
    assert arabic.get_attribute("html", "dir") == "rtl"
    assert_fits_320(arabic)
    check_a11y(arabic, "wish form ar")


def test_a_visitor_reports_stopped_and_it_reaches_both_queues(live_server, make_page, group: Group, people) -> None:
    index_groups([group.pk])
    base = live_server.url
    for locale in ("ar", "nl"):
        visitor = make_page(locale=locale, viewport=(320, 800), javascript=False)
        visitor.goto(base + f"/groep/{group.slug}/")
        visitor.click(f"a[href='/groep/{group.slug}/klopt-er-iets-niet/']")
        visitor.wait_for_load_state("load")  # the stylesheet applied before measuring
        assert_fits_320(visitor)
        check_a11y(visitor, f"correction form {locale}")
    visitor.check("input[name=kind][value=stopped]")
    visitor.fill("#id_message", "Op de deur hangt een briefje: gestopt.")
    with visitor.expect_navigation():
        visitor.click("main form button[type=submit]")
    assert visitor.url.endswith("/klopt-er-iets-niet/verstuurd/")
    check_a11y(visitor, "correction sent nl")
    correction = Correction.objects.get()

    staff = make_page(locale="en-GB", javascript=False)
    _staff_sign_in(staff, base, people["editor"], f"/werkplek/{group.support_point.slug}/correcties/")
    assert f"/werkplek/correctie/{correction.uuid}/" in staff.content()

    contact_client = sign_in(Client(HTTP_ACCEPT_LANGUAGE="en"), people["contact"])
    queue = contact_client.get(f"/werkplek/groep/{group.uuid}/correcties/").content.decode()
    assert f"/werkplek/correctie/{correction.uuid}/" in queue
    detail = contact_client.get(f"/werkplek/correctie/{correction.uuid}/").content.decode()
    assert "gestopt" in detail


def test_a_page_about_violence_at_home_has_a_quick_exit_that_works_without_javascript(
    live_server, make_page, group: Group
) -> None:
    group.themes.set([Theme.objects.get(slug="domestic-violence")])
    index_groups([group.pk])
    for locale in ("nl", "ar"):
        page = make_page(locale=locale, viewport=(320, 800), javascript=False)
        response = page.goto(live_server.url + f"/groep/{group.slug}/")
        assert response is not None and response.headers["cache-control"] == "no-store"
        exit_link = page.locator("a[data-quick-exit]")
        assert exit_link.is_visible() and exit_link.get_attribute("href") == "https://www.weeronline.nl/"
        assert_fits_320(page)
        check_a11y(page, f"group page with quick exit {locale}")
        page.goto(live_server.url + "/?q=huiselijk+geweld")
        assert page.locator("a[data-quick-exit]").is_visible()
        check_a11y(page, f"results with quick exit {locale}")


def test_with_javascript_the_quick_exit_replaces_the_page_so_back_does_not_return(
    live_server, make_page, group: Group
) -> None:
    group.themes.set([Theme.objects.get(slug="domestic-violence")])
    index_groups([group.pk])
    page = make_page()
    # The neutral site, answered here: no request leaves the machine.
    page.route("https://www.weeronline.nl/**", lambda route: route.fulfill(body="<title>Weer</title>weer"))
    page.goto(live_server.url + "/")
    page.goto(live_server.url + f"/groep/{group.slug}/")
    page.click("a[data-quick-exit]")
    page.wait_for_url("https://www.weeronline.nl/")
    page.go_back()
    assert page.url == live_server.url + "/"
