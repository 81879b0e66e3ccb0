"""Signing up with one's own account: a place or the waiting list, mails with the dates as .ics, withdrawing."""

from __future__ import annotations

from typing import Any

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from samenspel.core.models import OutboxMessage
from samenspel.core.outbox import deliver_due
from samenspel.learning import services
from samenspel.learning.models import CourseRun, Enrolment, EnrolmentStatus, RunStatus
from tests.learning.conftest import plan_run
from tests.personas import client_for, make_user

pytestmark = pytest.mark.django_db


def people(n: int) -> list[Any]:
    return [make_user(f"deelnemer{i}@vrijwilligers.example.org") for i in range(1, n + 1)]


def _ics(message: Any) -> icalendar.Calendar:
    parts = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1, "one calendar file attached"
    assert parts[0].get_filename() == "course.ics"
    return icalendar.Calendar.from_ical(parts[0].get_payload(decode=True))


def test_eight_sign_ups_for_six_places_give_six_places_and_two_on_the_waiting_list(run: CourseRun) -> None:
    enrolments = [services.enrolment_create(run=run, user=u, actor=u) for u in people(8)]
    assert [e.status for e in enrolments] == [EnrolmentStatus.ENROLLED] * 6 + [EnrolmentStatus.WAITING] * 2
    assert services.waiting_position(enrolments[7]) == 2


def test_the_confirmation_reaches_the_mail_server_with_every_session_as_a_calendar_event(
    run: CourseRun, smtp_sink: Any
) -> None:
    person = make_user("ayse@vrijwilligers.example.org")
    services.enrolment_create(run=run, user=person, actor=person)
    deliver_due()
    [mail] = smtp_sink.to("ayse@vrijwilligers.example.org")
    assert "Basiscursus vertrouwenspersoon" in mail["Subject"]
    events = [c for c in _ics(mail).walk("VEVENT")]
    assert len(events) == 7
    assert str(events[0]["SUMMARY"]).endswith("1. Luisteren zonder oordeel")
    assert events[0]["DTSTART"].dt.isoformat() == "2027-01-05T19:00:00+01:00"
    assert "Boogstraat 12" in str(events[0]["LOCATION"])
    # A sent message keeps neither address, text nor attachment.
    sent = OutboxMessage.objects.get(kind="learning_enrolled")
    assert (sent.to, sent.body, sent.attachments) == ("", "", [])


def test_withdrawing_moves_the_first_on_the_waiting_list_up_and_tells_them(run: CourseRun, smtp_sink: Any) -> None:
    users = people(8)
    enrolments = [services.enrolment_create(run=run, user=u, actor=u) for u in users]
    moved = services.enrolment_withdraw(enrolment=enrolments[2], actor=users[2])
    assert moved is not None and moved.user == users[6]
    assert Enrolment.objects.get(pk=enrolments[7].pk).status == EnrolmentStatus.WAITING
    assert services.waiting_position(Enrolment.objects.get(pk=enrolments[7].pk)) == 1
    deliver_due()
    subjects = [m["Subject"] for m in smtp_sink.to(users[6].email)]
    assert any("waiting list" in s or "wachtlijst" in s for s in subjects)
    moved_up = [
        m for m in smtp_sink.to(users[6].email) if "place came free" in m["Subject"] or "plek vrij" in m["Subject"]
    ]
    assert len(moved_up) == 1 and len(list(_ics(moved_up[0]).walk("VEVENT"))) == 7


def test_someone_on_the_waiting_list_who_withdraws_frees_no_place(run: CourseRun) -> None:
    users = people(8)
    enrolments = [services.enrolment_create(run=run, user=u, actor=u) for u in users]
    assert services.enrolment_withdraw(enrolment=enrolments[6], actor=users[6]) is None
    assert services.enrolled_count(run) == 6
    assert Enrolment.objects.get(pk=enrolments[7].pk).status == EnrolmentStatus.WAITING


def test_signing_up_again_after_withdrawing_goes_to_the_back(run: CourseRun) -> None:
    users = people(7)
    enrolments = [services.enrolment_create(run=run, user=u, actor=u) for u in users]
    services.enrolment_withdraw(enrolment=enrolments[0], actor=users[0])  # the 7th moves up
    again = services.enrolment_create(run=run, user=users[0], actor=users[0])
    assert again.pk == enrolments[0].pk and again.status == EnrolmentStatus.WAITING


def test_a_double_sign_up_and_a_closed_course_are_refused_with_a_reason(run: CourseRun) -> None:
    person = make_user("twee@vrijwilligers.example.org")
    services.enrolment_create(run=run, user=person, actor=person)
    with pytest.raises(ValidationError, match="al aangemeld"):
        services.enrolment_create(run=run, user=person, actor=person)
    services.run_set_status(run=run, status=RunStatus.CLOSED, actor=None)
    late = make_user("laat@vrijwilligers.example.org")
    with pytest.raises(ValidationError, match="niet inschrijven"):
        services.enrolment_create(run=run, user=late, actor=late)
    assert not Enrolment.objects.filter(user=late).exists()


def test_a_person_signs_up_and_withdraws_on_the_course_page(run: CourseRun, client: Any) -> None:
    person = make_user("pagina@vrijwilligers.example.org")
    browser = client_for(person)
    page = browser.get(reverse("learning:run", args=[run.uuid])).content.decode()
    assert "Sign up" in page and "confidentiality" in page
    response = browser.post(reverse("learning:enrol", args=[run.uuid]), follow=True)
    assert "You are enrolled" in response.content.decode()
    ics = browser.get(reverse("learning:run_ics", args=[run.uuid]))
    assert ics["Content-Type"].startswith("text/calendar") and ics["Cache-Control"] == "no-store"
    response = browser.post(reverse("learning:withdraw", args=[run.uuid]), follow=True)
    assert "You withdrew" in response.content.decode()
    assert Enrolment.objects.get(user=person).status == EnrolmentStatus.WITHDRAWN


def test_a_trainer_is_told_by_e_mail_with_a_link_to_the_attendance(
    support_point: Any, basic_course: Any, trainer: Any, smtp_sink: Any
) -> None:
    run = plan_run(support_point, basic_course, trainer=trainer)
    deliver_due()
    [mail] = smtp_sink.to(trainer.email)
    assert reverse("learning:attendance", args=[run.uuid]) in mail.get_payload(decode=True).decode()
