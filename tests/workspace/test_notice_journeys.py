"""The people of issue 20 in a real browser, their e-mails read from a real SMTP server (the "Done when").

(a) a group contact acts on the freshness e-mail without an account; (b) staff start a support point, its first
manager signs in by the invitation and invites a member and a contact; (c) a municipality officer granted access
by the command is told; (d) a manager hears of a waiting change, the contact of its approval.
"""

from __future__ import annotations

import base64
import datetime
import re
import time
from typing import Any

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from samenspel.accounts.models import Preference
from samenspel.directory.freshness import FreshnessState, freshness_of
from samenspel.directory.models import Group, Organisation, SupportPointSettings
from samenspel.workspace.models import ChangeRequest, ChangeStatus, Role
from tests.browser.axe import check_a11y
from tests.personas import make_member, make_staff, make_user

pytestmark = pytest.mark.browser

CONTACT_ADDRESS = "depressie@steunpunt.example.org"


@pytest.fixture
def site(live_server: Any) -> Any:
    with override_settings(SITE_URL=live_server.url):
        yield live_server


def _body(message: Any) -> str:
    return message.get_payload(decode=True).decode()


def _mail(sink: Any, address: str, containing: str = "") -> str:
    found = [_body(m) for m in sink.to(address) if containing in _body(m)]
    assert len(found) == 1, [_body(m) for m in sink.to(address)]
    return found[0]


def _links(body: str) -> list[str]:
    return re.findall(r"https?://\S+", body)


def _sign_in_link(body: str) -> str:
    return next(link for link in _links(body) if "/inloggen/link/" in link)


def _totp(key: bytes) -> str:
    totp = TOTP(key, 30, 0, 6, 0)
    totp.time = time.time()
    return f"{totp.token():06d}"


def _staff_sign_in(page: Page, site: Any, user: Any, next_path: str) -> None:
    device = TOTPDevice.objects.filter(user=user).first() or TOTPDevice.objects.create(
        user=user, name="phone", confirmed=True
    )
    page.goto(site.url + next_path)
    page.fill("#id_pw-email", user.email)
    page.fill("#id_pw-password", "a-long-test-password")
    page.click("button[name=password_sign_in]")
    page.fill("#id_token", _totp(device.bin_key))
    with page.expect_navigation():
        page.click("main form button.primary")
    assert page.url.endswith(next_path)


def _age(group: Group, days: int) -> None:
    Group.objects.filter(pk=group.pk).update(last_verified_at=timezone.now() - datetime.timedelta(days=days))
    group.refresh_from_db()


def _change_by_freshness_mail(site: Any, make_page: Any, smtp_sink: Any, group: Group, time_text: str) -> Page:
    """The contact opens the freshness e-mail's link, chooses to change something and saves a new time."""
    _age(group, 400)
    call_command("send_freshness_checks")
    body = _mail(smtp_sink, CONTACT_ADDRESS, "/werkplek/check/")
    assert f"{site.url}/werkplek/check/" in body  # settings.SITE_URL, not a built-in localhost
    page = make_page(locale="en-GB", javascript=False)
    page.goto(next(link for link in _links(body) if "/werkplek/check/" in link))
    with page.expect_navigation():
        page.click("text=No, I want to change something")
    assert "/inloggen/" not in page.url
    check_a11y(page, "group edit page by link")
    page.fill(f"#id_s{group.schedules.get().pk}_start_time", time_text)
    page.click("main form button.primary")
    expect(page.locator("h1")).to_have_text("Thank you")
    check_a11y(page, "thanks after a change by link")
    return page


def test_a_contact_changes_a_time_from_the_freshness_mail_without_an_account(
    site, make_page, smtp_sink, group, other_group
):
    editor = make_member(group.support_point, Role.EDITOR, "redacteur@steunpunt.example.org")
    public = make_page(locale="en-GB", javascript=False)
    public.goto(site.url + f"/groep/{group.slug}/")
    expect(public.locator("main")).not_to_contain_text("has not been checked since")
    page = _change_by_freshness_mail(site, make_page, smtp_sink, group, "20:00")
    edit_url = page.url
    assert group.schedules.get().start_time == datetime.time(20, 0)
    group.refresh_from_db()
    assert freshness_of(group).state == FreshnessState.FRESH

    # The public page shows the new time and no longer says the entry was not checked.
    public.goto(site.url + f"/groep/{group.slug}/")
    expect(public.locator("main")).to_contain_text("20:00")
    expect(public.locator("main")).not_to_contain_text("has not been checked since")

    # On the support point's dashboard the group is "Checked".
    staff = make_page(locale="en-GB", javascript=False)
    _staff_sign_in(staff, site, editor, f"/werkplek/{group.support_point.slug}/")
    row = staff.locator("table.ws-table tbody tr", has_text=group.name_en)
    expect(row.locator(".ws-fresh")).to_have_text("Checked")

    # The link opens no other group: changed by one character it is refused, and the workspace stays closed.
    token = edit_url.rstrip("/").rsplit("/", 1)[1]
    other = make_page(locale="en-GB", javascript=False)
    response = other.goto(edit_url.replace(token, token[:-3] + "abc"))
    assert response is not None and response.status == 400
    other.goto(site.url + f"/werkplek/groep/{other_group.uuid}/bewerken/")
    assert "/werkplek/inloggen/" in other.url


def test_staff_start_a_support_point_whose_manager_invites_a_member_and_a_contact(site, make_page, smtp_sink):
    staff = make_staff("staf@samenspel.example.org")
    page = make_page(locale="en-GB", javascript=False)
    _staff_sign_in(page, site, staff, "/werkplek/nieuw-steunpunt/")
    check_a11y(page, "new support point")
    page.fill("#id_name", "Steunpunt Zelfhulp Helmond")
    page.fill("#id_municipality", "Helmond")
    page.fill("#id_email", "info@zelfhulp-helmond.example.nl")
    page.fill("#id_manager_email", "coordinator@zelfhulp-helmond.example.nl")
    page.click("main form button.primary")
    expect(page.locator(".ws-messages")).to_contain_text("Steunpunt Zelfhulp Helmond")
    sp = Organisation.objects.get(name="Steunpunt Zelfhulp Helmond")

    # The manager signs in by the invitation's link and sets up a second factor.
    invitation = _mail(smtp_sink, "coordinator@zelfhulp-helmond.example.nl")
    assert f"{site.url}/werkplek/{sp.slug}/" in invitation
    manager = make_page(locale="en-GB", javascript=False)
    manager.goto(_sign_in_link(invitation))
    manager.click("main form button.primary")
    secret = re.sub(r"\s", "", manager.locator("code.ws-secret").inner_text())
    manager.fill("#id_token", _totp(base64.b32decode(secret + "=" * (-len(secret) % 8))))
    with manager.expect_navigation():
        manager.click("main form button.primary")
    assert manager.url.endswith(f"/werkplek/{sp.slug}/")

    # The manager adds a member (a new person: Dutch) ...
    manager.goto(site.url + f"/werkplek/{sp.slug}/mensen/")
    check_a11y(manager, "members page")
    manager.fill("#id_email", "lid@zelfhulp-helmond.example.nl")
    manager.select_option("#id_role", "editor")
    manager.click("main form button.primary")
    member_mail = _mail(smtp_sink, "lid@zelfhulp-helmond.example.nl")
    assert "redacteur" in member_mail and "/inloggen/link/" in member_mail

    # ... and a contact person for a group, who chose English for their e-mails.
    group = Group.objects.create(
        slug="rouw-helmond",
        name_nl="Lotgenoten rouw",
        name_en="Grief peer group",
        support_point=sp,
        contact_email="rouw@zelfhulp-helmond.example.nl",
    )
    Preference.objects.create(user=make_user("pat@example.org"), language="en")
    manager.goto(site.url + f"/werkplek/groep/{group.uuid}/")
    manager.fill("#id_email", "pat@example.org")
    manager.click("form[action$='/contactpersonen/'] button")
    contact_mail = _mail(smtp_sink, "pat@example.org")
    assert "Grief peer group" in contact_mail and "Lotgenoten rouw" not in contact_mail
    assert f"{site.url}/werkplek/groep/{group.uuid}/" in contact_mail


def test_a_municipality_officer_granted_access_by_the_command_is_told_and_gets_in(site, make_page, smtp_sink):
    call_command("municipality_access", "grant", "beleid@eindhoven.example.nl", "Eindhoven")
    body = _mail(smtp_sink, "beleid@eindhoven.example.nl")
    page = make_page(locale="en-GB", javascript=False)
    page.goto(_sign_in_link(body))
    with page.expect_navigation():
        page.click("main form button.primary")
    assert page.url.endswith("/gemeente/eindhoven/")


def test_a_manager_hears_of_a_waiting_change_and_the_contact_of_its_approval(site, make_page, smtp_sink, group):
    SupportPointSettings.objects.create(support_point=group.support_point, review_changes=True)
    manager = make_member(group.support_point, Role.MANAGER, "beheer@steunpunt.example.org")
    _change_by_freshness_mail(site, make_page, smtp_sink, group, "20:15")
    assert group.schedules.get().start_time == datetime.time(19, 30)
    change = ChangeRequest.objects.get()

    told = _mail(smtp_sink, manager.email)
    review_link = next(link for link in _links(told) if "/werkplek/wijziging/" in link)
    staff = make_page(locale="en-GB", javascript=False)
    _staff_sign_in(staff, site, manager, review_link.removeprefix(site.url))
    staff.click("form[action$='/goedkeuren/'] button")
    change.refresh_from_db()
    assert change.status == ChangeStatus.APPROVED
    assert group.schedules.get().start_time == datetime.time(20, 15)

    approved = _mail(smtp_sink, CONTACT_ADDRESS, f"/groep/{group.slug}/")
    assert site.url in approved
