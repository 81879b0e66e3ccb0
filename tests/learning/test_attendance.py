"""The trainer keeps attendance per session, of the course's participants only (never of a peer group's members)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from samenspel.directory.models import Group
from samenspel.learning import models as learning_models
from samenspel.learning import services
from samenspel.learning.models import Attendance, CourseRun, EnrolmentStatus
from tests.learning.conftest import plan_run
from tests.personas import client_for, make_user

pytestmark = pytest.mark.django_db


def _enrol(run: CourseRun, n: int, prefix: str = "deelnemer") -> list[Any]:
    users = [make_user(f"{prefix}{i}@example.org") for i in range(n)]
    return [services.enrolment_create(run=run, user=u, actor=u) for u in users]


def test_the_trainer_marks_who_was_there_and_sees_the_sessions_attended(
    run: CourseRun, trainer: Any, client: Any
) -> None:
    enrolments = _enrol(run, 7)  # six places, one waiting
    browser = client_for(trainer)
    page = browser.get(reverse("learning:attendance_session", args=[run.uuid, 1])).content.decode()
    assert enrolments[0].user.email in page
    assert enrolments[6].user.email not in page  # on the waiting list: not a participant (yet)
    present = [e.pk for e in enrolments[:5]]
    response = browser.post(reverse("learning:attendance_session", args=[run.uuid, 1]), {"present": present})
    assert response.status_code == 302
    marks = dict(Attendance.objects.filter(session__number=1).values_list("enrolment_id", "present"))
    assert marks == {e.pk: e.pk in present for e in enrolments[:6]}
    overview = browser.get(reverse("learning:attendance", args=[run.uuid])).content.decode()
    assert "not kept yet" in overview


def test_marking_someone_who_is_not_a_participant_of_this_run_is_refused_and_nothing_is_written(
    run: CourseRun, support_point: Any, basic_course: Any
) -> None:
    ours = _enrol(run, 2)
    other = plan_run(support_point, basic_course)
    theirs = _enrol(other, 1, prefix="ander")
    session = run.sessions.get(number=1)
    with pytest.raises(ValidationError, match="alleen deelnemers van deze cursus"):
        services.attendance_mark(session=session, present={ours[0].pk, theirs[0].pk}, actor=None)
    assert not Attendance.objects.exists()


def test_a_withdrawn_participant_can_no_longer_be_marked(run: CourseRun) -> None:
    [gone, stays] = _enrol(run, 2)
    services.enrolment_withdraw(enrolment=gone, actor=gone.user)
    session = run.sessions.get(number=2)
    with pytest.raises(ValidationError):
        services.attendance_mark(session=session, present={gone.pk}, actor=None)
    services.attendance_mark(session=session, present={stays.pk}, actor=None)
    assert list(Attendance.objects.values_list("enrolment_id", flat=True)) == [stays.pk]


def test_marking_the_same_again_changes_nothing(run: CourseRun) -> None:
    [a, b] = _enrol(run, 2)
    session = run.sessions.get(number=3)
    assert services.attendance_mark(session=session, present={a.pk}, actor=None) == 2
    assert services.attendance_mark(session=session, present={a.pk}, actor=None) == 0
    assert services.attendance_mark(session=session, present={a.pk, b.pk}, actor=None) == 1


def test_no_learning_table_can_hold_a_peer_group_or_its_members() -> None:
    """Attendance is about course participants who signed up themselves: no link to a group, ever."""
    for model in (learning_models.Enrolment, learning_models.Attendance, learning_models.CourseRun):
        for field in model._meta.get_fields():
            related = getattr(field, "related_model", None)
            assert related is not Group, f"{model.__name__}.{field.name}"
    assert {f.name for f in Attendance._meta.concrete_fields} == {
        "id",
        "enrolment",
        "session",
        "present",
        "marked_by",
        "marked_at",
    }
    enrolment_user = learning_models.Enrolment._meta.get_field("user")
    assert isinstance(enrolment_user, models.ForeignKey)


def test_someone_who_only_signed_up_cannot_see_the_attendance(run: CourseRun) -> None:
    [e] = _enrol(run, 1)
    assert e.status == EnrolmentStatus.ENROLLED
    assert client_for(e.user).get(reverse("learning:attendance", args=[run.uuid])).status_code == 404
