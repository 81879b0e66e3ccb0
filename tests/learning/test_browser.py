"""A person enrols in a real browser, gets the confirmation with the course's .ics at a real mail server, and
the trainer marks attendance (#17 point 2). No JavaScript; the pages fit 320 px and pass axe."""

from __future__ import annotations

import re
from typing import Any

import icalendar
import pypdfium2
import pytest
import zxingcpp
from playwright.sync_api import Page, expect

from samenspel.core.outbox import deliver_due
from samenspel.learning import services
from samenspel.learning.certificates import certificate_pdf, may_have_certificate
from samenspel.learning.models import Attendance, Certificate, CourseRun, Enrolment, EnrolmentStatus
from tests.browser import assert_fits_320
from tests.browser.axe import check_a11y
from tests.personas import PASSWORD, make_user

pytestmark = pytest.mark.browser


def _sign_in(page: Page, email: str) -> None:
    page.fill("#id_pw-email", email)
    page.fill("#id_pw-password", PASSWORD)
    page.click("button[name=password_sign_in]")


def test_a_volunteer_enrols_gets_the_dates_by_e_mail_and_the_trainer_marks_attendance(
    live_server: Any, make_page: Any, smtp_sink: Any, run: CourseRun, trainer: Any
) -> None:
    base = live_server.url
    person = make_user("fatima@vrijwilligers.example.org")
    trainer.set_password(PASSWORD)
    trainer.save()

    # The course page asks to sign in first, and comes back to the course.
    volunteer = make_page(locale="en-GB", viewport=(320, 800), javascript=False)
    volunteer.goto(f"{base}/leren/cursus/{run.uuid}/")
    _sign_in(volunteer, person.email)
    expect(volunteer.locator("h1")).to_have_text("Basic course for trusted persons")
    expect(volunteer.locator("main ol > li")).to_have_count(7)
    expect(volunteer.get_by_text("You keep what you hear to yourself (confidentiality).")).to_be_visible()
    assert_fits_320(volunteer)
    check_a11y(volunteer, "course page")
    volunteer.get_by_role("button", name="Sign up").click()
    expect(volunteer.get_by_role("status")).to_contain_text("You are enrolled")
    assert Enrolment.objects.get(user=person).status == EnrolmentStatus.ENROLLED

    # The confirmation reaches the mail server with every session as a calendar event.
    deliver_due()
    [confirmation] = smtp_sink.to(person.email)
    assert "Basic course for trusted persons" in confirmation["Subject"] or "Basiscursus" in confirmation["Subject"]
    [ics] = [p for p in confirmation.walk() if p.get_content_type() == "text/calendar"]
    events = list(icalendar.Calendar.from_ical(ics.get_payload(decode=True)).walk("VEVENT"))
    assert len(events) == 7
    assert events[0]["DTSTART"].dt.isoformat() == "2027-01-05T19:00:00+01:00"

    # The trainer finds the course under "Courses I train" and marks the first session.
    coach = make_page(locale="en-GB", javascript=False)
    coach.goto(f"{base}/leren/")
    _sign_in(coach, trainer.email)
    coach.get_by_role("link", name="Basic course for trusted persons").click()
    expect(coach.locator("h1")).to_contain_text("Attendance")
    check_a11y(coach, "attendance overview")
    coach.get_by_role("link", name="1. Listening without judging").click()
    coach.get_by_label(person.email).check()
    check_a11y(coach, "attendance of a session")
    coach.get_by_role("button", name="Save attendance").click()
    expect(coach.get_by_role("status")).to_contain_text("Attendance saved")
    expect(coach.locator("tbody tr").first.locator("td").nth(2)).to_have_text("1")
    assert list(Attendance.objects.values_list("enrolment__user__email", "session__number", "present")) == [
        (person.email, 1, True)
    ]


def test_the_trainer_keeps_seven_sessions_a_participant_gets_a_certificate_and_evaluates_anonymously(
    live_server: Any, make_page: Any, run: CourseRun, trainer: Any
) -> None:
    base = live_server.url
    trainer.set_password(PASSWORD)
    trainer.save()
    users = [make_user(f"deelnemer{i}@vrijwilligers.example.org") for i in range(8)]
    enrolments = [services.enrolment_create(run=run, user=u, actor=u) for u in users]
    assert [e.status for e in enrolments].count(EnrolmentStatus.WAITING) == 2
    placed = [e for e in enrolments if e.status == EnrolmentStatus.ENROLLED]

    # The trainer keeps seven sessions: everyone comes, one misses the last (6 of 7 is still enough).
    coach = make_page(locale="en-GB", javascript=False)
    coach.goto(f"{base}/leren/cursus/{run.uuid}/presentie/")
    _sign_in(coach, trainer.email)
    for number in range(1, 8):
        coach.goto(f"{base}/leren/cursus/{run.uuid}/presentie/{number}/")
        for e in placed:
            if not (number == 7 and e == placed[-1]):
                coach.get_by_label(e.user.email).check()
        coach.get_by_role("button", name="Save attendance").click()
        expect(coach.get_by_role("status")).to_contain_text("Attendance saved")
    expect(coach.locator("main table").first.locator("tbody tr")).to_have_count(7)
    assert all(may_have_certificate(e) for e in placed)

    # A participant makes a certificate with the name she chooses, and evaluates.
    first = placed[0].user
    first.set_password(PASSWORD)
    first.save()
    me = make_page(locale="en-GB", viewport=(320, 800), javascript=False)
    me.goto(f"{base}/leren/cursus/{run.uuid}/")
    _sign_in(me, first.email)
    check_a11y(me, "course page with certificate and evaluation")
    assert_fits_320(me)
    me.get_by_label("Name to print on the certificate").fill("Fatima el Amrani")
    me.get_by_role("button", name="Make my certificate").click()
    certificate = Certificate.objects.get(user=first)
    me.wait_for_url(f"**/leren/certificaat/{certificate.uuid}.pdf")
    pdf = me.request.get(me.url)  # the browser's session: the PDF is its owner's only
    assert pdf.headers["content-type"] == "application/pdf" and pdf.body().startswith(b"%PDF")
    document = pypdfium2.PdfDocument(pdf.body())
    text = " ".join(document[0].get_textpage().get_text_range().split())
    assert "Fatima el Amrani" in text and "Basic course for trusted persons" in text
    # (This request carries no Accept-Language, so the dates are in the site's language, Dutch.)
    assert re.search(r"5 (January|januari) 2027 .* 16 (February|februari) 2027", text)
    [code] = zxingcpp.read_barcodes(document[0].render(scale=3).to_pil())
    assert code.text.endswith(f"/leren/certificaat/{certificate.uuid}/")
    # The other five make theirs too: six certificates, each with its own name, the course, the dates and a QR code.
    names = ["Fatima el Amrani"]
    for i, e in enumerate(placed[1:], start=2):
        other = services.certificate_issue(enrolment=e, printed_name=f"Deelnemer {i} Jansen", actor=e.user)
        page_pdf = pypdfium2.PdfDocument(certificate_pdf(other))[0]
        other_text = " ".join(page_pdf.get_textpage().get_text_range().split())
        assert f"Deelnemer {i} Jansen" in other_text and re.search(r"5 (January|januari) 2027", other_text)
        [other_code] = zxingcpp.read_barcodes(page_pdf.render(scale=3).to_pil())
        assert other_code.text.endswith(f"/leren/certificaat/{other.uuid}/")
        names.append(other.printed_name)
    assert Certificate.objects.filter(run=run).count() == 6 and len(set(names)) == 6
    me.goto(f"{base}/leren/cursus/{run.uuid}/")
    for question in ("The content of the course", "The trainers", "What I can do with it in my work as a volunteer"):
        me.get_by_role("group", name=question).get_by_label("5").check()
    me.get_by_role("button", name="Send my answers").click()
    expect(me.get_by_role("status")).to_contain_text("without your name")
    for e in placed[1:5]:
        services.evaluation_submit(enrolment=e, answers={"content": 4, "trainers": 5, "useful": 5}, actor=None)

    # The trainer sees the evaluation: the four 4s are "<5", and the one 5 beside them is hidden too.
    coach.goto(f"{base}/leren/cursus/{run.uuid}/presentie/")
    expect(coach.get_by_text("Answers given: 5")).to_be_visible()
    content_row = coach.get_by_role("row", name=re.compile("The content of the course"))
    expect(content_row.locator("td").nth(3)).to_have_text("<5")
    expect(content_row.locator("td").nth(5)).to_have_text("5")

    # The QR code's page: anyone can read it, in Arabic too, right to left on a small phone.
    reader = make_page(locale="ar", viewport=(320, 800), javascript=False)
    reader.goto(f"{base}/leren/certificaat/{certificate.uuid}/")
    expect(reader.locator("html")).to_have_attribute("dir", "rtl")
    expect(reader.get_by_text("Fatima el Amrani")).to_be_visible()
    assert_fits_320(reader)
    check_a11y(reader, "certificate check in Arabic")


def test_a_citizen_reads_what_a_peer_group_is_in_arabic_and_reaches_the_search(
    live_server: Any, make_page: Any, run: CourseRun
) -> None:
    # A search that finds nothing points to the page about what a peer group is.
    reader = make_page(locale="ar", viewport=(320, 800), javascript=False)
    reader.goto(f"{live_server.url}/?q=zzqqxxyy")
    reader.locator(".nothing-found a[href='/leren/kennis/wat-is-een-lotgenotengroep/']").click()
    expect(reader.locator("html")).to_have_attribute("dir", "rtl")
    expect(reader.locator("h1")).to_have_text("ما هي مجموعة دعم الأقران؟")
    expect(reader.locator("p.note")).to_have_count(0)  # written in Arabic, so no note
    expect(reader.locator("main li")).to_have_count(7)
    expect(reader.get_by_text("«كنت أظن أنني الوحيد. هنا يفهمونني دون أن أشرح.»")).to_be_visible()
    assert_fits_320(reader)
    check_a11y(reader, "what is a peer group, in Arabic")
    # Printed: the text only, without the menus and links.
    reader.emulate_media(media="print")
    expect(reader.locator(".site-footer")).to_be_hidden()
    expect(reader.locator("main p.no-print").first).to_be_hidden()
    expect(reader.locator("p.print-only")).to_be_visible()
    reader.emulate_media(media="screen")
    reader.locator("main a[href='/']").first.click()
    expect(reader).to_have_url(f"{live_server.url}/")
    expect(reader.locator("form[role=search], main form").first).to_be_visible()

    # The knowledge index is in the footer, right to left too.
    reader.locator(".site-footer a[href='/leren/kennis/']").click()
    expect(reader.locator("html")).to_have_attribute("dir", "rtl")
    check_a11y(reader, "knowledge index in Arabic")

    # The public training calendar, also right to left on a small phone.
    reader.goto(f"{live_server.url}/leren/agenda/")
    expect(reader.locator(f"main a[href='/leren/cursus/{run.uuid}/']")).to_be_visible()
    assert_fits_320(reader)
    check_a11y(reader, "training calendar in Arabic")
