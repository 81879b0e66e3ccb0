"""A volunteer in a real browser: signs up in Dutch on a phone without JavaScript, the support point answers (the
mail arrives through a real SMTP server), starts a trial and fixes a role; later the volunteer deletes everything
with the link from the e-mail. The public pages pass axe in Dutch and in Arabic (right to left) at 320 px."""

from __future__ import annotations

import re
from typing import Any

import pytest

from samenspel.directory.models import Group
from samenspel.volunteering.models import Volunteer, VolunteerRole, VolunteerStatus
from tests.browser import assert_fits_320
from tests.browser.axe import check_a11y
from tests.public_notes.test_browser_journeys import _staff_sign_in

pytestmark = pytest.mark.browser

VOLUNTEER = "samira@example.org"


def _path(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def _mailed(sink: Any, address: str, pattern: str) -> str:
    for message in reversed(sink.to(address)):
        body = message.get_payload(decode=True).decode()
        found = re.search(rf"https?://\S+{pattern}\S*", body)
        if found:
            return _path(found.group(0))
    raise AssertionError(f"no link like {pattern} mailed to {address}")


def _bodies(sink: Any, address: str) -> list[str]:
    return [m.get_payload(decode=True).decode() for m in sink.to(address)]


def test_a_volunteer_signs_up_on_a_phone_is_answered_tried_placed_and_later_deletes_everything(
    live_server, make_page, group: Group, role: VolunteerRole, people, smtp_sink
) -> None:
    base = live_server.url
    sp = group.support_point
    public = f"/steunpunt/{sp.slug}/vrijwilliger-worden/"

    # Arabic: right to left, 320 px, no JavaScript, no axe violations; the error page too.
    arabic = make_page(locale="ar", viewport=(320, 800), javascript=False)
    arabic.goto(base + public)
    assert arabic.get_attribute("html", "dir") == "rtl"
    assert_fits_320(arabic)
    check_a11y(arabic, "volunteer page ar")
    arabic.click("main form button.button-primary")  # nothing filled in: the errors, in a list with links
    assert arabic.locator(".alert").count() == 1
    check_a11y(arabic, "volunteer page errors ar")
    arabic.goto(base + public + "verstuurd/")
    check_a11y(arabic, "volunteer sent ar")
    arabic.goto(base + "/vrijwilliger/mijn-gegevens/geen-geldige-link/")
    check_a11y(arabic, "volunteer own link invalid ar")

    # Dutch, on a phone, without JavaScript.
    phone = make_page(viewport=(320, 800), javascript=False)
    phone.goto(base + public)
    assert_fits_320(phone)
    check_a11y(phone, "volunteer page nl")
    assert role.title in phone.content()
    phone.check(f"input[name=interested_in][value='{role.uuid}']")
    phone.fill("#id_name", "Samira")
    phone.fill("#id_email", VOLUNTEER)
    phone.fill("#id_phone", "06 12345678")
    phone.fill("#id_give", "Ik spreek Arabisch en vertaal graag voor vrouwen.")
    phone.check("input[name=wants][value=meet_people]")
    phone.check("input[name=times][value=weekday_evening]")
    phone.fill("#id_pc4", "5611")
    phone.check("input[name=languages][value=ar]")
    # Without the consent box: a clear error, nothing stored.
    phone.click("main form button.button-primary")
    assert phone.locator(".alert").count() == 1
    assert Volunteer.objects.count() == 0
    check_a11y(phone, "volunteer page errors nl")
    phone.check("#id_consent")
    with phone.expect_navigation():
        phone.click("main form button.button-primary")
    assert phone.url.split("#")[0].endswith(public + "verstuurd/"), phone.content()
    check_a11y(phone, "volunteer sent nl")
    volunteer = Volunteer.objects.get()
    assert volunteer.status == VolunteerStatus.NEW
    assert any("Samira" in body for body in _bodies(smtp_sink, VOLUNTEER))  # the receipt
    assert smtp_sink.to(sp.email)  # the support point's notice

    # The support point answers from its intake queue, starts a trial and fixes the role.
    staff = make_page(locale="en-GB", javascript=False)
    queue = f"/werkplek/{sp.slug}/vrijwilligers/"
    _staff_sign_in(staff, base, people["editor"], queue)
    with staff.expect_navigation():
        staff.click("main a:has-text('Samira')")
    assert role.title in staff.locator(".volunteer-matches").inner_text()
    staff.fill("#id_message", "Welkom Samira! Ik bel je morgenochtend om kennis te maken.")
    staff.click("button[name=answer]")
    assert any("Ik bel je morgenochtend" in body for body in _bodies(smtp_sink, VOLUNTEER))
    staff.select_option("#id_trial-role", str(role.uuid))
    staff.fill("#id_trial-since", "2026-12-07")
    staff.click("button[name=trial]")
    volunteer.refresh_from_db()
    assert volunteer.status == VolunteerStatus.TRIAL
    staff.select_option("#id_role-role", str(role.uuid))
    staff.fill("#id_role-since", "2027-01-04")
    staff.click("button[name=role]")
    volunteer.refresh_from_db()
    assert (volunteer.status, volunteer.role) == (VolunteerStatus.ACTIVE, role)

    # Later the volunteer asks to be deleted: the link from the e-mail, on the phone.
    own = base + _mailed(smtp_sink, VOLUNTEER, "/vrijwilliger/mijn-gegevens/")
    phone.goto(own)
    assert_fits_320(phone)
    check_a11y(phone, "volunteer own data nl")
    assert VOLUNTEER in phone.content()
    arabic.goto(own)
    assert_fits_320(arabic)
    check_a11y(arabic, "volunteer own data ar")
    phone.click("form:has(input[value=delete]) button")
    check_a11y(phone, "volunteer deleted nl")
    assert Volunteer.objects.count() == 0
