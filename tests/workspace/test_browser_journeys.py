"""Workspace journeys in a real browser, without JavaScript (issue 4, "Done when")."""

from __future__ import annotations

import datetime
import re
import time

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from samenspel.directory.models import Cancellation, Group, SupportPointSettings
from samenspel.workspace.models import ChangeRequest, ImportBatch, Role
from tests.browser import assert_fits_320
from tests.browser.axe import check_a11y

pytestmark = pytest.mark.browser


def _link(base: str) -> str:
    match = re.search(r"https?://\S+", mail.outbox[-1].body)
    assert match
    return match.group(0)


def test_a_contact_person_changes_the_time_and_the_support_point_approves_it(
    live_server,
    make_page,
    group,
    contact,
    member,
):
    SupportPointSettings.objects.create(support_point=group.support_point, review_changes=True)
    editor = member(Role.EDITOR)
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    # The contact person signs in with a link by e-mail, changes the time and cancels tomorrow's meeting.
    page = make_page(locale="en-GB", javascript=False)
    page.goto(live_server.url + "/werkplek/inloggen/")
    page.fill("#id_link-email", "contact@example.org")
    page.click("button[name=send_link]")
    page.goto(_link(live_server.url))
    page.click("main button[type=submit]")
    page.click(f"a[href='/werkplek/groep/{group.uuid}/']")
    page.click(f"a[href='/werkplek/groep/{group.uuid}/bewerken/']")
    check_a11y(page, "group edit page")
    page.fill(f"#id_s{group.schedules.get().pk}_start_time", "20:00")
    page.fill("#id_cancel_date", tomorrow.isoformat())
    page.fill("#id_cancel_reason", "Holiday")
    page.click("main form button.primary")
    expect(page.locator(".ws-messages")).to_be_visible()
    change = ChangeRequest.objects.get()
    assert group.schedules.get().start_time == datetime.time(19, 30)

    # An editor signs in with password and second factor, sees the diff and approves.
    staff = make_page(locale="en-GB", javascript=False)
    staff.goto(live_server.url + f"/werkplek/{group.support_point.slug}/")
    staff.fill("#id_pw-email", editor.email)
    staff.fill("#id_pw-password", "a-long-test-password")
    staff.click("button[name=password_sign_in]")
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    staff.fill("#id_token", f"{totp.token():06d}")
    with staff.expect_navigation():
        staff.click("main form button.primary")
    assert staff.url.endswith(f"/werkplek/{group.support_point.slug}/")
    check_a11y(staff, "workspace dashboard")
    staff.click(f"a[href='/werkplek/{group.support_point.slug}/wijzigingen/']")
    staff.click(f"a[href='/werkplek/wijziging/{change.uuid}/']")
    diff = staff.locator("table.ws-diff")
    time_row = diff.locator("tbody tr").first
    expect(time_row.locator("th")).to_contain_text("starts at")
    expect(time_row.locator("del")).to_have_text("19:30")
    expect(time_row.locator("ins")).to_have_text("20:00")
    expect(diff.locator("tbody tr").nth(1)).to_contain_text("Holiday")
    check_a11y(staff, "change review")
    staff.click("form[action$='/goedkeuren/'] button")

    assert group.schedules.get().start_time == datetime.time(20, 0)
    assert Cancellation.objects.filter(date=tomorrow).exists()
    public = make_page(locale="en-GB", javascript=False)
    public.goto(live_server.url + f"/groep/{group.slug}/")
    expect(public.locator("main")).to_contain_text("20:00")


def test_a_freshness_link_confirms_a_group_in_one_click(live_server, make_page, group):
    Group.objects.filter(pk=group.pk).update(last_verified_at=timezone.now() - datetime.timedelta(days=190))
    call_command("send_freshness_checks", base_url=live_server.url)
    page = make_page(locale="en-GB", javascript=False)
    page.goto(_link(live_server.url))
    page.click("main form button.primary")
    expect(page.locator("h1")).to_be_visible()
    group.refresh_from_db()
    assert timezone.now() - group.last_verified_at < datetime.timedelta(minutes=5)


def test_the_dashboard_fits_a_320_pixel_screen(live_server, make_page, group, member):
    viewer = member(Role.VIEWER)
    device = TOTPDevice.objects.create(user=viewer, name="phone", confirmed=True)
    page = make_page(locale="en-GB", viewport=(320, 800), javascript=False)
    page.goto(live_server.url + f"/werkplek/{group.support_point.slug}/")
    page.fill("#id_pw-email", viewer.email)
    page.fill("#id_pw-password", "a-long-test-password")
    page.click("button[name=password_sign_in]")
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    page.fill("#id_token", f"{totp.token():06d}")
    with page.expect_navigation():
        page.click("main form button.primary")
    assert page.url.endswith(f"/werkplek/{group.support_point.slug}/")
    # Both stylesheets are linked and served, so the 320 px check measures the styled page.
    hrefs = page.locator("link[rel=stylesheet]").evaluate_all("links => links.map(l => l.href)")
    assert len(hrefs) == 2
    assert all(page.request.get(href).status == 200 for href in hrefs)
    assert_fits_320(page)


def _staff_sign_in(page, live_server, user, next_path: str) -> None:
    device = TOTPDevice.objects.filter(user=user).first() or TOTPDevice.objects.create(
        user=user, name="phone", confirmed=True
    )
    page.goto(live_server.url + next_path)
    page.fill("#id_pw-email", user.email)
    page.fill("#id_pw-password", "a-long-test-password")
    page.click("button[name=password_sign_in]")
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    page.fill("#id_token", f"{totp.token():06d}")
    with page.expect_navigation():
        page.click("main form button.primary")
    assert page.url.endswith(next_path)


def test_a_csv_with_three_bad_rows_shows_them_and_imports_only_when_asked(
    live_server, make_page, support_point, member, reference
):
    rows = [f"Groep {i};groep{i}@example.org;depression;nl" for i in range(50)]
    rows[4] = "Groep 4;groep4@example.org;no-such-theme;nl"
    rows[19] = "Groep 19;;depression;nl"
    rows[33] = '=HYPERLINK("http://evil.example","Klik");x@example.org;depression;nl'
    body = ("Naam;E-mail;Thema;Taal\n" + "\n".join(rows) + "\n").encode()
    editor = member(Role.EDITOR)
    page = make_page(locale="en-GB", javascript=False)
    _staff_sign_in(page, live_server, editor, f"/werkplek/{support_point.slug}/import/")
    page.set_input_files("#id_file", files=[{"name": "groepen.csv", "mimeType": "text/csv", "buffer": body}])
    page.click("main form button.primary")

    expect(page.locator("main")).to_contain_text("47 new, 0 changed, 0 unchanged, 3 refused.")
    problems = page.locator("section[aria-labelledby=problems-heading] tbody tr")
    expect(problems).to_have_count(3)
    expect(problems.locator("th")).to_have_text(["6", "21", "35"])
    expect(problems.nth(0)).to_contain_text("Row 6, column 'Thema': we do not know the theme 'no-such-theme'.")
    expect(problems.nth(2)).to_contain_text("holds a formula")
    check_a11y(page, "import check")
    assert not Group.objects.filter(support_point=support_point).exists()
    # There is no button that imports everything while rows have errors: only the valid rows, when chosen.
    expect(page.locator("button[value=import]")).to_have_count(0)
    page.click("button[value=import_valid]")
    expect(page.locator("main [role=status]")).to_contain_text("47 new")
    assert Group.objects.filter(support_point=support_point).count() == 47


def test_a_50_mb_upload_in_the_browser_gets_a_clear_message(
    live_server, make_page, support_point, member, reference, tmp_path
):
    editor = member(Role.EDITOR)
    page = make_page(locale="en-GB", javascript=False)
    _staff_sign_in(page, live_server, editor, f"/werkplek/{support_point.slug}/import/")
    big = tmp_path / "groot.csv"
    with big.open("wb") as fh:
        fh.write(b"Naam;E-mail;Thema\n")
        fh.write(b"x" * (50 * 1024 * 1024))
    page.set_input_files("#id_file", str(big))
    page.click("main form button.primary")
    expect(page.locator(".ws-error")).to_have_text("The file is too big. The limit is 10 MB.")
    assert not ImportBatch.objects.exists()
