"""The newsletter in a real browser: the support point composes an issue, prints it (the PDF's text is read back),
two people sign up on the public page (Dutch on a phone, Arabic right to left, no JavaScript) and confirm through
the mailed link, the issue is sent through a real SMTP server, and one of them leaves with one click. The public
pages pass axe at 320 px."""

from __future__ import annotations

import re
from typing import Any

import pypdfium2
import pytest

from samenspel.directory.models import Group
from samenspel.learning.models import CourseRun
from samenspel.newsletter.models import Issue, Subscriber
from tests.browser import assert_fits_320
from tests.browser.axe import check_a11y
from tests.public_notes.test_browser_journeys import _staff_sign_in

pytestmark = pytest.mark.browser


def _path(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def _text(message: Any) -> str:
    for part in message.walk():
        if part.get_content_type() == "text/plain":
            return str(part.get_payload(decode=True).decode())
    raise AssertionError("no text part")


def _html(message: Any) -> str:
    for part in message.walk():
        if part.get_content_type() == "text/html":
            return str(part.get_payload(decode=True).decode())
    raise AssertionError("no html part")


def _link(message: Any, part: str) -> str:
    found = re.search(rf"https?://\S+{part}\S*", _text(message))
    assert found, _text(message)
    return _path(found.group(0))


def _sign_up(page: Any, base: str, slug: str, email: str, sink: Any, label: str) -> None:
    page.goto(base + f"/steunpunt/{slug}/nieuwsbrief/")
    assert_fits_320(page)
    check_a11y(page, f"newsletter subscribe {label}")
    page.fill("#id_email", email)
    with page.expect_navigation():
        page.click("main form button.button-primary")
    assert "/nieuwsbrief/aangemeld/" in page.url
    check_a11y(page, f"newsletter subscribed {label}")
    (mail,) = sink.to(email)
    page.goto(base + _link(mail, "/nieuwsbrief/bevestigen/"))
    check_a11y(page, f"newsletter confirm {label}")
    page.click("main form button.button-primary")
    check_a11y(page, f"newsletter confirmed {label}")
    assert Subscriber.objects.get(email=email).confirmed_at is not None


def test_an_issue_is_composed_printed_sent_to_two_subscribers_and_one_leaves_with_one_click(
    live_server, make_page, group: Group, other_group: Group, run: CourseRun, people, smtp_sink
) -> None:
    base = live_server.url
    sp = group.support_point
    other_group.status = "looking"
    other_group.save()

    # Two readers sign up: one in Dutch on a phone, one in Arabic (right to left); neither runs JavaScript.
    dutch = make_page(locale="nl-NL", viewport=(320, 800), javascript=False)
    _sign_up(dutch, base, sp.slug, "els@example.org", smtp_sink, "nl")
    arabic = make_page(locale="ar", viewport=(320, 800), javascript=False)
    arabic.goto(base + f"/steunpunt/{sp.slug}/nieuwsbrief/")
    assert arabic.get_attribute("html", "dir") == "rtl"
    arabic.click("main form button.button-primary")  # nothing filled in: the error, in a list with a link
    assert arabic.locator(".alert").count() == 1
    check_a11y(arabic, "newsletter subscribe errors ar")
    _sign_up(arabic, base, sp.slug, "samir@example.org", smtp_sink, "ar")
    arabic.goto(base + "/nieuwsbrief/afmelden/geen-geldige-link/")
    check_a11y(arabic, "newsletter bad link ar")

    # The support point composes an issue: the new group, the group looking for members and the training are
    # proposed; it adds a few words of its own.
    staff = make_page(locale="en-GB", javascript=False)
    _staff_sign_in(staff, base, people["editor"], f"/werkplek/{sp.slug}/nieuwsbrief/nieuw/")
    assert staff.locator(f"input[name=new_groups][value='{group.uuid}']").is_checked()
    assert staff.locator(f"input[name=looking_groups][value='{other_group.uuid}']").is_checked()
    assert staff.locator(f"input[name=runs][value='{run.uuid}']").is_checked()
    staff.fill("#id_title", "Zelfhulpkrant winter 2026")
    staff.fill("#id_intro", "Beste lezer, dit is de eerste krant van Steunpunt Test.")
    staff.click("button[name=save]")
    issue = Issue.objects.get()
    assert staff.url.endswith(f"/werkplek/nieuwsbrief/{issue.uuid}/")

    # Printed: the PDF holds the title, the own words, the groups and the training.
    pdf = staff.context.request.get(base + f"/werkplek/nieuwsbrief/{issue.uuid}/krant.pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    document = pypdfium2.PdfDocument(pdf.body())
    text = "".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    for expected in ("Zelfhulpkrant winter 2026", "Beste lezer", group.name, other_group.name, run.heading()):
        assert expected in text, expected

    # Sent: both readers get it once, as HTML and text with the one-click unsubscribe headers.
    with staff.expect_navigation():
        staff.click("button[name=send]")
    assert "Sent to 2" in staff.content()
    with staff.expect_navigation():
        staff.click("button[name=send]")
    assert "Nobody new" in staff.content()
    for address in ("els@example.org", "samir@example.org"):
        (message,) = [m for m in smtp_sink.to(address) if "Zelfhulpkrant" in m["Subject"]]
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert "/nieuwsbrief/afmelden/" in message["List-Unsubscribe"]
        html = _html(message)
        assert group.name in html and "Beste lezer" in _text(message), html

    # Els leaves with one click from the mail; Samir stays on the list.
    (els_mail,) = [m for m in smtp_sink.to("els@example.org") if "Zelfhulpkrant" in m["Subject"]]
    leave = _link(els_mail, "/nieuwsbrief/afmelden/")
    dutch.goto(base + leave)
    check_a11y(dutch, "newsletter unsubscribe nl")
    dutch.click("main form button.button-primary")
    check_a11y(dutch, "newsletter unsubscribed nl")
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["samir@example.org"]
    # A changed link: refused, and nothing changes.
    dutch.goto(base + leave[:-4] + "abc/")
    assert dutch.locator("h1").count() == 1
    assert Subscriber.objects.count() == 1
