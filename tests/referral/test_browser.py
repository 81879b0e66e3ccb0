"""Warm referral in a real browser, without JavaScript (issue 5, "Done when").

A GP signs up and in by e-mail link, finds a gambling group for a Turkish-speaking man, prints a Turkish slip
(the PDF opens and its QR code leads to the group page), and sends a warm handover with consent. The group's
contact person signs in, reads it and marks it contacted. After the retention period the purge leaves only counts.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

import pypdfium2
import pytest
import zxingcpp
from django.core import mail
from django.core.management import call_command
from django.db import connection
from playwright.sync_api import Page, expect

from samenspel.directory.models import Group
from samenspel.directory.search_index import rebuild
from samenspel.referral.models import AllowedDomain, Handover, ReferralCount
from samenspel.workspace.models import GroupContact
from tests.browser import assert_fits_320
from tests.browser.axe import check_a11y
from tests.personas import make_user

pytestmark = pytest.mark.browser


def _link_in(message: Any) -> str:
    match = re.search(r"https?://\S+", message.body)
    assert match, message.body
    return match.group(0)


def _sign_in_by_link(page: Page, email: str) -> None:
    """On the sign-in page: ask for a link, open it from the e-mail, confirm."""
    page.fill("#id_link-email", email)
    page.click("button[name=send_link]")
    page.goto(_link_in(mail.outbox[-1]))
    page.click("main button[type=submit]")


def _qr_codes_in(pdf: bytes) -> list[str]:
    document = pypdfium2.PdfDocument(pdf)
    assert len(document) == 1, "the slip is one page"
    image = document[0].render(scale=3).to_pil()
    return [result.text for result in zxingcpp.read_barcodes(image)]


def test_a_gp_refers_a_turkish_speaking_man_to_a_gambling_group(
    live_server: Any, make_page: Any, reference: None, gambling_group: Group
) -> None:
    sp = gambling_group.support_point
    assert sp is not None
    AllowedDomain.objects.create(support_point=sp, domain="huisarts-woensel.nl")
    contact = make_user("contact@example.org")
    GroupContact.objects.create(user=contact, group=gambling_group)
    rebuild()
    base = live_server.url

    # The public page for professionals: accessible, and it leads to sign-up.
    gp = make_page(locale="en-GB", javascript=False)
    gp.goto(f"{base}/verwijzen/steunpunt/{sp.slug}/")
    expect(gp.locator("h2#tips")).to_be_visible()
    expect(gp.locator("section[aria-labelledby=tips] li")).to_have_count(6)
    check_a11y(gp, "page for professionals")
    gp.click("main a[href^='/verwijzen/aanmelden/']")
    expect(gp.locator("#id_support_point")).to_have_value(sp.slug)
    gp.fill("#id_email", "dokter@huisarts-woensel.nl")
    gp.fill("#id_organisation", "Huisartsenpraktijk Woensel")
    gp.select_option("#id_role", "gp")
    gp.select_option("#id_support_point", sp.slug)
    gp.click("main button[type=submit]")
    expect(gp.locator("h1")).to_have_text("Check your e-mail")

    # The link from the e-mail signs the GP in (the domain is allowed, so no waiting), no second factor.
    gp.goto(_link_in(mail.outbox[-1]))
    with gp.expect_navigation():
        gp.click("main button[type=submit]")
    assert gp.url == f"{base}/verwijzen/mijn/"

    # Search: gambling, meetings in Turkish.
    gp.click("a[href='/verwijzen/zoeken/']")
    gp.fill("#id_q", "gokken")
    gp.select_option("#id_language", "tr")
    gp.select_option("#id_distance", "any")
    gp.click("main form[role=search] button[type=submit]")
    result = gp.locator("li.result", has_text=gambling_group.name_en)
    expect(result).to_contain_text("Get in touch first")
    result.locator("button", has_text="Add to my list").click()
    expect(gp.locator(".ws-messages")).to_contain_text("Added to your list")

    # A slip in Turkish.
    gp.locator("li.result", has_text=gambling_group.name_en).locator("a", has_text="Make a slip").click()
    gp.select_option("#id_language", "tr")
    with gp.expect_navigation():
        gp.click("main form button.primary")
    assert re.search(r"/verwijzen/briefje/[A-Z0-9]{6}/tr/$", gp.url)
    expect(gp.locator("html")).to_have_attribute("lang", "tr")
    expect(gp.locator("h1")).to_have_text("Kumar sorunu: Türkçe konuşma grubu")
    check_a11y(gp, "referral slip in Turkish")
    pdf_href = gp.locator("a[href$='/pdf/']").get_attribute("href")
    pdf = gp.request.get(base + pdf_href)
    assert pdf.headers["content-type"] == "application/pdf"
    assert _qr_codes_in(pdf.body()) == [f"{base}/groep/{gambling_group.slug}/"]

    # A warm handover with the client's consent: he wants to be called.
    gp.goto(f"{base}/verwijzen/groep/{gambling_group.slug}/overdracht/")
    gp.check("input[name=consent][value=yes]")
    gp.check("input[name=kind][value=please_contact]")
    gp.fill("#id_contact_name", "Mehmet")
    gp.fill("#id_contact_phone", "06 12345678")
    gp.select_option("#id_preferred_language", "tr")
    gp.fill("#id_note", "Evenings are best")
    with gp.expect_navigation():
        gp.click("main form button.primary")
    assert gp.url == f"{base}/verwijzen/mijn/"
    expect(gp.locator("main table")).to_contain_text("Sent")
    expect(gp.locator("main")).not_to_contain_text("Mehmet")

    # The contact point's e-mail says only that there is a handover, and where.
    notices = [m for m in mail.outbox if "warm handover" in m.subject.lower() or "overdracht" in m.subject.lower()]
    assert {m.to[0] for m in notices} == {"kumar@steunpunt.example.org", "contact@example.org"}
    assert all("Mehmet" not in m.body and "612345678" not in m.body for m in notices)
    handover = Handover.objects.get()
    notice_link = _link_in(notices[0])
    assert notice_link == f"{base}/verwijzen/overdracht/{handover.uuid}/"

    # The contact person follows the link, signs in, reads and marks it contacted.
    cp = make_page(locale="en-GB", javascript=False)
    cp.goto(notice_link)
    _sign_in_by_link(cp, "contact@example.org")
    assert cp.url == notice_link
    details = cp.locator("dl.handover-details")
    expect(details).to_contain_text("Mehmet")
    expect(details).to_contain_text("+31612345678")
    expect(details).to_contain_text("Türkçe")
    cp.select_option("#id_status", "contacted")
    cp.click("main form button.primary")
    expect(cp.locator(".ws-messages")).to_contain_text("Status changed")
    handover.refresh_from_db()
    assert handover.status == "contacted"
    cp.click("a[href='/verwijzen/overdrachten/']")
    expect(cp.locator("main table")).to_contain_text(gambling_group.name_en)
    expect(cp.locator("main table")).not_to_contain_text("Mehmet")

    # After the retention period the purge leaves no personal data, and the counts remain.
    call_command("purge_referrals", today=(handover.delete_after + datetime.timedelta(days=1)).isoformat())
    assert not Handover.objects.exists()
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM referral_handover")
        assert cursor.fetchone() == (0,)
    counts = {(c.kind, c.role): c.count for c in ReferralCount.objects.all()}
    assert counts == {("slip", "gp"): 1, ("handover", "gp"): 1}


def test_the_public_referral_pages_work_at_320_pixels_without_javascript(
    live_server: Any, make_page: Any, gambling_group: Group
) -> None:
    from samenspel.referral.services import group_code

    code = group_code(gambling_group)
    sp = gambling_group.support_point
    assert sp is not None
    page = make_page(locale="en-GB", viewport=(320, 800), javascript=False)
    for path in (
        f"/verwijzen/steunpunt/{sp.slug}/",
        "/verwijzen/",
        "/verwijzen/aanmelden/",
        "/verwijzen/code/",
        f"/verwijzen/briefje/{code.code}/tr/",
        f"/verwijzen/briefje/{code.code}/ar/",
    ):
        page.goto(live_server.url + path)
        assert_fits_320(page)
        check_a11y(page, path)

    # The code box works without JavaScript, however the code is typed.
    page.goto(live_server.url + "/verwijzen/code/")
    page.fill("#id_code", f"{code.code[:3].lower()} {code.code[3:]}")
    with page.expect_navigation():
        page.click("main form button.primary")
    assert page.url == f"{live_server.url}/groep/{gambling_group.slug}/"
    page.goto(live_server.url + "/verwijzen/code/?code=ZZZ999")
    expect(page.locator("#code-error")).to_be_visible()
    check_a11y(page, "unknown code")
