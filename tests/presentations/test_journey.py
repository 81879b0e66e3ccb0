"""A team books a presentation in a real browser: a professional asks for one and for a group's story, the group's
contact person agrees, the support point plans it (the confirmation with its .ics arrives through a real SMTP
server), and afterwards the professional records the evaluation in counts, which the year's figures show."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from samenspel.directory.models import Group
from samenspel.presentations.models import GroupAnswer, PresentationRequest, Status
from tests.personas import PASSWORD
from tests.public_notes.test_browser_journeys import _staff_sign_in

pytestmark = pytest.mark.browser


def _sign_in(page, base: str, user, path: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(base + path)
    page.fill("#id_pw-email", user.email)
    page.fill("#id_pw-password", PASSWORD)
    with page.expect_navigation():
        page.click("button[name=password_sign_in]")
    assert page.url.endswith(path), page.url


def test_a_team_books_a_presentation_with_a_groups_story_and_evaluates_it(
    live_server, make_page, group: Group, people, smtp_sink
) -> None:
    base = live_server.url
    sp = group.support_point
    professional, contact, editor = people["professional"], people["contact"], people["editor"]

    asker = make_page(locale="en-GB", viewport=(320, 800), javascript=False)
    _sign_in(asker, base, professional, f"/presentaties/{sp.slug}/aanvragen/")
    asker.fill("#id_team", "Wijkteam Noord")
    asker.fill("#id_organisation", "Vluchtelingenwerk Eindhoven")
    asker.fill("#id_contact_name", "Muna")
    asker.fill("#id_wished_dates", "A Tuesday morning in February")
    asker.fill("#id_audience_size", "12")
    asker.check("input[name=themes][value=depression]")
    asker.select_option("#id_group", str(group.uuid))
    asker.click("button[name=ask]")
    found = PresentationRequest.objects.get()
    assert asker.url.endswith(f"/presentaties/aanvraag/{found.uuid}/")
    assert found.contact_email == professional.email
    assert smtp_sink.to(sp.email) and smtp_sink.to(contact.email)

    # The group's contact person agrees; they do not see the asker's address.
    teller = make_page(locale="en-GB", javascript=False)
    _sign_in(teller, base, contact, f"/presentaties/aanvraag/{found.uuid}/")
    assert professional.email not in teller.content()
    teller.click("button[value=agree]")
    found.refresh_from_db()
    assert found.group_answer == GroupAnswer.AGREED

    # The support point plans it with the group; the team and the group get the confirmation with a calendar.
    staff = make_page(locale="en-GB", javascript=False)
    _staff_sign_in(staff, base, editor, f"/werkplek/{sp.slug}/presentaties/")
    staff.click(f"main a[href='/presentaties/aanvraag/{found.uuid}/']")
    moment = timezone.localtime() + datetime.timedelta(days=14)
    staff.fill("#id_starts_at", moment.strftime("%Y-%m-%dT10:00"))
    staff.fill("#id_minutes", "45")
    staff.fill("#id_place", "Stationsplein 1, Eindhoven")
    staff.fill("#id_presenters", "Anna of the support point")
    staff.check("#id_group_presents")
    staff.click("button[name=plan]")
    found.refresh_from_db()
    assert found.status == Status.PLANNED
    for address in (professional.email, contact.email):
        confirmation = [m for m in smtp_sink.to(address) if m.get_content_maintype() == "multipart"][-1]
        calendars = [p for p in confirmation.walk() if p.get_content_type() == "text/calendar"]
        assert calendars and b"Stationsplein 1" in calendars[0].get_payload(decode=True)

    # Afterwards (the date moved into the past), the professional records the evaluation: counts only.
    PresentationRequest.objects.filter(pk=found.pk).update(starts_at=timezone.now() - datetime.timedelta(hours=2))
    asker.goto(base + f"/presentaties/aanvraag/{found.uuid}/")
    asker.fill("#id_attendees", "11")
    asker.fill("#id_found_useful", "12")  # more than were present: refused, nothing stored
    asker.fill("#id_will_refer", "7")
    with asker.expect_navigation():
        asker.click("button[name=evaluate]")
    assert "Nothing was changed" in asker.content()
    found.refresh_from_db()
    assert found.evaluated_at is None
    asker.fill("#id_found_useful", "10")
    with asker.expect_navigation():
        asker.click("button[name=evaluate]")
    assert "11 present, 10 found it useful, 7 now know where to refer people" in asker.content()

    staff.goto(base + f"/werkplek/{sp.slug}/presentaties/")
    figures = staff.locator("table.figures").inner_text()
    assert "Presentations held\t1" in figures and "with a group telling its story\t1" in figures
