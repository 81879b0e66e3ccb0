"""A person enrols in a real browser, gets the confirmation with the course's .ics at a real mail server, and
the trainer marks attendance (#17 point 2). No JavaScript; the pages fit 320 px and pass axe."""

from __future__ import annotations

from typing import Any

import icalendar
import pytest
from playwright.sync_api import Page, expect

from samenspel.core.outbox import deliver_due
from samenspel.learning.models import Attendance, CourseRun, Enrolment, EnrolmentStatus
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
