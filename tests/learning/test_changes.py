"""A course or a session that is cancelled or moved (#17 point 2): who signed up gets a mail in their own language,
through the outbox to a real mail server, with a calendar file that keeps each event's UID, raises its SEQUENCE and
says METHOD:CANCEL (to strike it) or METHOD:REQUEST (to update it)."""

from __future__ import annotations

import datetime
from email.header import decode_header, make_header
from typing import Any

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samenspel.accounts.services import language_set
from samenspel.core.outbox import deliver_due
from samenspel.learning import services
from samenspel.learning.models import CourseRun, EnrolmentStatus, RunSession, RunStatus
from tests.learning.conftest import plan_run
from tests.personas import client_for, make_user

pytestmark = pytest.mark.django_db


def _sign_up(run: CourseRun, n: int, *, language: str = "nl") -> list[Any]:
    users = [make_user(f"p{i}-{language}@vrijwilligers.example.org") for i in range(n)]
    for user in users:
        language_set(user=user, language=language)
        services.enrolment_create(run=run, user=user, actor=user)
    return users


def _calendar(mail: Any) -> tuple[icalendar.Calendar, Any]:
    [part] = [p for p in mail.walk() if p.get_content_type() == "text/calendar"]
    return icalendar.Calendar.from_ical(part.get_payload(decode=True)), part


def _subject(mail: Any) -> str:
    return str(make_header(decode_header(mail["Subject"])))


def _text(mail: Any) -> str:
    [part] = [p for p in mail.walk() if p.get_content_type() == "text/plain"]
    return str(part.get_payload(decode=True).decode())


def test_a_cancelled_course_tells_who_has_a_place_and_who_waits_and_removes_the_dates(
    support_point: Any, basic_course: Any, smtp_sink: Any
) -> None:
    run = plan_run(support_point, basic_course, capacity=1)
    [english] = _sign_up(run, 1, language="en")
    [dutch] = _sign_up(run, 1, language="nl")  # on the waiting list
    deliver_due()
    smtp_sink.messages.clear()
    services.run_set_status(run=run, status=RunStatus.CANCELLED, actor=None)
    deliver_due()

    [mail_en] = smtp_sink.to(english.email)
    assert _subject(mail_en) == "Cancelled: Basic course for trusted persons"
    assert "It does not take place." in _text(mail_en)
    cal, part = _calendar(mail_en)
    assert str(cal["METHOD"]) == "CANCEL" and part.get_param("method") == "CANCEL"
    events = list(cal.walk("VEVENT"))
    assert len(events) == 7
    assert {str(e["STATUS"]) for e in events} == {"CANCELLED"}
    assert {int(e["SEQUENCE"]) for e in events} == {1}
    assert str(events[0]["UID"]) == f"{run.uuid}-1@samenspel"  # the same event the confirmation had

    [mail_nl] = smtp_sink.to(dutch.email)
    with translation.override("nl"):
        assert _subject(mail_nl) == _("Cancelled: %(course)s") % {"course": "Basiscursus vertrouwenspersoon"}

    # Cancelling again sends nothing more.
    smtp_sink.messages.clear()
    services.run_set_status(run=run, status=RunStatus.CANCELLED, actor=None)
    deliver_due()
    assert smtp_sink.to(english.email) == []


def test_a_moved_session_sends_the_updated_calendar_to_who_has_a_place(run: CourseRun, smtp_sink: Any) -> None:
    [person] = _sign_up(run, 1, language="en")
    deliver_due()
    smtp_sink.messages.clear()
    session = run.sessions.get(number=3)
    new_start = timezone.make_aware(datetime.datetime(2027, 1, 20, 19, 30))
    services.session_move(session=session, starts_at=new_start, actor=None)
    deliver_due()
    [mail] = smtp_sink.to(person.email)
    assert _subject(mail) == "Session 3 of Basic course for trusted persons has a new date"
    assert " moves from " in _text(mail)
    cal, _part = _calendar(mail)
    assert str(cal["METHOD"]) == "REQUEST"
    events = {int(str(e["UID"]).split("-")[-1].split("@")[0]): e for e in cal.walk("VEVENT")}
    assert events[3]["DTSTART"].dt.isoformat() == "2027-01-20T19:30:00+01:00"
    assert int(events[3]["SEQUENCE"]) == 1 and int(events[2]["SEQUENCE"]) == 0
    session.refresh_from_db()
    assert session.ends_at - session.starts_at == datetime.timedelta(minutes=session.template_session.minutes)


def test_a_cancelled_session_is_struck_from_the_calendar_and_gets_no_reminder(run: CourseRun, smtp_sink: Any) -> None:
    [person] = _sign_up(run, 1, language="en")
    deliver_due()
    smtp_sink.messages.clear()
    session = run.sessions.get(number=2)
    services.session_cancel(session=session, actor=None)
    deliver_due()
    [mail] = smtp_sink.to(person.email)
    assert _subject(mail) == "Session 2 of Basic course for trusted persons is cancelled"
    cal, _part = _calendar(mail)
    [event] = cal.walk("VEVENT")
    assert str(cal["METHOD"]) == "CANCEL" and str(event["STATUS"]) == "CANCELLED" and int(event["SEQUENCE"]) == 1
    # The course's own calendar strikes it too, and no reminder goes out for it.
    feed = client_for(person).get(reverse("learning:run_ics", args=[run.uuid])).content
    statuses = {str(e["UID"]): str(e["STATUS"]) for e in icalendar.Calendar.from_ical(feed).walk("VEVENT")}
    assert statuses[f"{run.uuid}-2@samenspel"] == "CANCELLED" and statuses[f"{run.uuid}-1@samenspel"] == "CONFIRMED"
    assert services.reminders_send(now=session.starts_at - datetime.timedelta(hours=1)) == 0


def test_a_move_out_of_order_or_of_a_cancelled_session_is_refused_and_nothing_changes(run: CourseRun) -> None:
    _sign_up(run, 1)
    session = run.sessions.get(number=3)
    before = session.starts_at
    with pytest.raises(ValidationError):
        services.session_move(session=session, starts_at=before + datetime.timedelta(weeks=2), actor=None)
    services.session_cancel(session=session, actor=None)
    with pytest.raises(ValidationError):
        services.session_move(session=session, starts_at=before + datetime.timedelta(days=1), actor=None)
    with pytest.raises(ValidationError):
        services.session_cancel(session=session, actor=None)
    session.refresh_from_db()
    assert session.starts_at == before and session.sequence == 1


def test_the_support_point_moves_and_cancels_sessions_on_the_course_page(
    run: CourseRun, personas: dict[str, Any]
) -> None:
    [person] = _sign_up(run, 1)
    editor = client_for(personas["editor"])
    url = reverse("learning:run_session_change", args=[run.support_point.slug, run.uuid, 4])
    page = editor.get(reverse("learning:run_manage", args=[run.support_point.slug, run.uuid])).content.decode()
    assert url in page
    editor.post(url, {"action": "move", "starts_at": "2027-01-27T20:00"})
    moved = RunSession.objects.get(run=run, number=4)
    assert timezone.localtime(moved.starts_at).isoformat() == "2027-01-27T20:00:00+01:00"
    # A move without a date is refused with a reason.
    response = editor.post(url, {"action": "move", "starts_at": ""}, follow=True)
    assert "Give the new date and time of the session." in response.content.decode()
    editor.post(url, {"action": "cancel"})
    assert RunSession.objects.get(run=run, number=4).cancelled
    assert run.enrolments.get(user=person).status == EnrolmentStatus.ENROLLED
