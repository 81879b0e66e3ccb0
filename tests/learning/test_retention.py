"""Who took part is kept for a year after the course, a withdrawal for 30 days; reminders go once per session."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from samenspel.core.models import OutboxMessage
from samenspel.learning import services
from samenspel.learning.models import Attendance, CourseRun, Enrolment
from tests.personas import make_user

pytestmark = pytest.mark.django_db

LAST_SESSION_END = timezone.make_aware(datetime.datetime(2027, 2, 16, 21, 30))


def test_enrolments_and_attendance_are_deleted_a_year_after_the_last_session(run: CourseRun) -> None:
    person = make_user("een@example.org")
    enrolment = services.enrolment_create(run=run, user=person, actor=person)
    services.attendance_mark(session=run.sessions.get(number=1), present={enrolment.pk}, actor=None)
    assert run.last_end() == LAST_SESSION_END
    assert services.learning_purge(now=LAST_SESSION_END + datetime.timedelta(days=364)) == {
        "ended_runs": 0,
        "withdrawn": 0,
        "certificates": 0,
        "plans": 0,
        "case_notes": 0,
    }
    services.learning_purge(now=LAST_SESSION_END + datetime.timedelta(days=366))
    assert not Enrolment.objects.exists() and not Attendance.objects.exists()
    assert CourseRun.objects.filter(pk=run.pk).exists() and run.sessions.count() == 7


def test_a_withdrawn_sign_up_is_deleted_after_30_days(run: CourseRun) -> None:
    person = make_user("weg@example.org")
    enrolment = services.enrolment_create(run=run, user=person, actor=person)
    services.enrolment_withdraw(enrolment=enrolment, actor=person)
    withdrawn_at = Enrolment.objects.get().withdrawn_at
    assert services.learning_purge(now=withdrawn_at + datetime.timedelta(days=29))["withdrawn"] == 0
    assert services.learning_purge(now=withdrawn_at + datetime.timedelta(days=31))["withdrawn"] == 1


def test_the_daily_purge_command_runs_twice_without_harm(run: CourseRun) -> None:
    call_command("purge_learning", verbosity=0)
    call_command("purge_learning", verbosity=0)


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
def test_a_reminder_goes_once_per_session_with_the_calendar_file(run: CourseRun, support_point: Any) -> None:
    people = [make_user(f"p{i}@example.org") for i in range(7)]
    for p in people:
        services.enrolment_create(run=run, user=p, actor=p)
    first = run.sessions.get(number=1)
    the_day_before = first.starts_at - datetime.timedelta(hours=24)
    assert services.reminders_send(now=the_day_before) == 6  # not the one on the waiting list
    services.reminders_send(now=the_day_before + datetime.timedelta(hours=1))
    reminders = OutboxMessage.objects.filter(kind="learning_reminder")
    assert reminders.count() == 6
    assert all(m.attachments and m.attachments[0][0] == "course.ics" for m in reminders)
    assert services.reminders_send(now=first.starts_at - datetime.timedelta(days=5)) == 0
