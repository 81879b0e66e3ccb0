"""In a real browser, without JavaScript: a contact person changes every field, adds a Tigrinya text and a second
meeting time, and sees them on the public group page and in the HSDS API; the edit form has no axe violations."""

from __future__ import annotations

import time

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from samenspel.directory.models import Language, SupportPointSettings
from samenspel.workspace.models import ChangeRequest, Role
from tests.browser.axe import check_a11y
from tests.workspace.test_browser_journeys import _link

pytestmark = pytest.mark.browser

TIGRINYA = "ንሰባት ዘተሓሳስቦም ዝኾነ ጉጅለ።"


def _sign_in(page, base: str) -> None:
    page.goto(base + "/werkplek/inloggen/")
    page.fill("#id_link-email", "contact@example.org")
    page.click("button[name=send_link]")
    page.goto(_link(base))
    page.click("main button[type=submit]")


def _change_everything(page, base: str, group) -> None:
    page.goto(f"{base}/werkplek/groep/{group.uuid}/bewerken/")
    # "Add a language" is a plain link: no JavaScript needed.
    with page.expect_navigation():
        page.click("main a[hreflang=ti]")
    assert "lang=ti" in page.url
    page.fill("#id_description_ti", TIGRINYA)
    page.fill("#id_name_nl", "Samen sterker bij somberheid")
    page.fill("#id_house_rules_nl", "Wat in de groep gezegd wordt, blijft in de groep.")
    page.check(f"input[name=languages][value='{Language.objects.get(code='ti').pk}']")
    page.select_option("#id_audience", "relatives")
    page.fill("#id_age_min", "18")
    page.fill("#id_typical_size", "12")
    page.fill("#id_contact_phone", "040 123 45 67")
    page.select_option("#id_new_weekday", "0")
    page.fill("#id_new_start_time", "10:00")
    page.fill("#id_new_end_time", "11:30")
    page.click("main form button.primary")


def test_a_contact_person_changes_every_field_and_sees_it_public_and_in_the_api(
    live_server, make_page, group, contact
) -> None:
    page = make_page(locale="en-GB", javascript=False)
    _sign_in(page, live_server.url)
    page.goto(f"{live_server.url}/werkplek/groep/{group.uuid}/bewerken/?lang=ti")
    check_a11y(page, "group edit form with a Tigrinya column")
    _change_everything(page, live_server.url, group)
    assert "/bewerken/" not in page.url, page.content()[:2000]

    group.refresh_from_db()
    assert group.description_ti == TIGRINYA and group.schedules.count() == 2
    public = make_page(locale="ti", javascript=False)
    public.goto(f"{live_server.url}/groep/{group.slug}/")
    assert TIGRINYA in public.content()
    assert "10:00" in public.content()
    api = public.request.get(f"{live_server.url}/api/hsds/services/{group.uuid}", headers={"Accept-Language": "ti"})
    assert api.ok
    assert TIGRINYA in api.text()


def test_with_review_the_manager_sees_the_tigrinya_text_in_the_diff_and_approves(
    live_server, make_page, group, contact, member
) -> None:
    SupportPointSettings.objects.create(support_point=group.support_point, review_changes=True)
    page = make_page(locale="en-GB", javascript=False)
    _sign_in(page, live_server.url)
    _change_everything(page, live_server.url, group)
    change = ChangeRequest.objects.get()
    group.refresh_from_db()
    assert not group.description_ti

    manager = make_page(locale="en-GB", javascript=False)
    person = member(Role.MANAGER)
    device = TOTPDevice.objects.create(user=person, name="phone", confirmed=True)
    manager.goto(live_server.url + f"/werkplek/{group.support_point.slug}/")
    manager.fill("#id_pw-email", person.email)
    manager.fill("#id_pw-password", "a-long-test-password")
    manager.click("button[name=password_sign_in]")
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    manager.fill("#id_token", f"{totp.token():06d}")
    manager.click("main form button.primary")
    manager.goto(f"{live_server.url}/werkplek/wijziging/{change.uuid}/")
    text = manager.content()
    assert "what the group is (Tigrinya)" in text and TIGRINYA in text
    assert "New weekly meeting time" in text
    check_a11y(manager, "review of a change with a Tigrinya text")
    manager.click("main form button.primary")
    group.refresh_from_db()
    assert group.description_ti == TIGRINYA and group.schedules.count() == 2 and group.audience == "relatives"
