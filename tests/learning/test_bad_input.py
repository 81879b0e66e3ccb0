"""Bad input gets a clear error and writes nothing: a course without sessions, dates that do not fit, a file too big."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samenspel.learning import services
from samenspel.learning.models import CourseRun, CourseTemplate, Material, RunSession
from tests.learning.conftest import weekly
from tests.personas import client_for

pytestmark = pytest.mark.django_db


def _form(template: CourseTemplate, starts: list[Any], **extra: Any) -> dict[str, Any]:
    data = {"title": "", "language": "nl", "place": "Buurthuis", "capacity": 12, "trainers": ""}
    for session, start in zip(template.sessions.order_by("number"), starts, strict=False):
        data[f"session_{session.number}"] = start.strftime("%Y-%m-%dT%H:%M")
    data.update(extra)
    return data


def test_a_course_without_sessions_cannot_be_planned_and_nothing_is_written(
    support_point: Any, personas: dict[str, Any]
) -> None:
    empty = CourseTemplate.objects.create(slug="leeg", support_point=support_point, title_nl="Lege cursus")
    editor = client_for(personas["editor"])
    response = editor.post(reverse("learning:run_new", args=[support_point.slug, empty.uuid]), _form(empty, []))
    assert response.status_code == 400
    assert "no sessions yet" in response.content.decode()
    assert not CourseRun.objects.exists()


def test_dates_out_of_order_are_refused_and_nothing_is_written(
    support_point: Any, basic_course: CourseTemplate, personas: dict[str, Any]
) -> None:
    starts = weekly(7)
    starts[3], starts[4] = starts[4], starts[3]
    editor = client_for(personas["editor"])
    response = editor.post(
        reverse("learning:run_new", args=[support_point.slug, basic_course.uuid]), _form(basic_course, starts)
    )
    assert response.status_code == 400 and "must be in order" in response.content.decode()
    assert not CourseRun.objects.exists() and not RunSession.objects.exists()


def test_a_missing_date_and_a_place_left_empty_are_named(
    support_point: Any, basic_course: CourseTemplate, personas: dict[str, Any]
) -> None:
    editor = client_for(personas["editor"])
    url = reverse("learning:run_new", args=[support_point.slug, basic_course.uuid])
    response = editor.post(url, _form(basic_course, weekly(6)))
    assert response.status_code == 400 and not CourseRun.objects.exists()
    response = editor.post(url, _form(basic_course, weekly(7), place=""))
    assert "Say where the course is" in response.content.decode()
    assert not CourseRun.objects.exists()


def test_a_good_plan_makes_a_draft_with_seven_dated_sessions_and_its_trainer(
    support_point: Any, basic_course: CourseTemplate, personas: dict[str, Any]
) -> None:
    editor = client_for(personas["editor"])
    url = reverse("learning:run_new", args=[support_point.slug, basic_course.uuid])
    response = editor.post(url, _form(basic_course, weekly(7), trainers="trainer@training.example.org"))
    run = CourseRun.objects.get()
    assert response.url == reverse("learning:run_manage", args=[support_point.slug, run.uuid])
    assert run.status == "draft" and run.sessions.count() == 7 and run.capacity == 12
    assert [t.email for t in run.trainers.all()] == ["trainer@training.example.org"]


def test_a_30_mb_material_is_refused_with_its_size_and_nothing_is_kept(
    support_point: Any, basic_course: CourseTemplate, personas: dict[str, Any]
) -> None:
    own = services.template_copy(template=basic_course, support_point=support_point, actor=None)
    editor = client_for(personas["editor"])
    big = SimpleUploadedFile("slides.pdf", b"%PDF" + b"0" * 30_000_000, content_type="application/pdf")
    url = reverse("learning:material_upload", args=[support_point.slug, own.uuid, 1])
    response = editor.post(url, {"title": "Dia's", "file": big})
    assert response.status_code == 400
    assert "The file is 30 MB; at most 20 MB is allowed." in response.content.decode()
    assert not Material.objects.exists()


def test_a_small_material_is_kept_and_given_to_a_participant_with_a_place_only(
    support_point: Any, basic_course: CourseTemplate, personas: dict[str, Any], trainer: Any
) -> None:
    from tests.learning.conftest import plan_run
    from tests.personas import make_user

    own = services.template_copy(template=basic_course, support_point=support_point, actor=None)
    editor = client_for(personas["editor"])
    handout = SimpleUploadedFile("fasen.pdf", b"%PDF-1.4 hand-out", content_type="application/pdf")
    url = reverse("learning:material_upload", args=[support_point.slug, own.uuid, 2])
    assert editor.post(url, {"title": "Fasen in het contact", "file": handout}).status_code == 302
    material = Material.objects.get()
    run = plan_run(support_point, own, capacity=1, trainer=trainer)
    first, second = make_user("een@example.org"), make_user("twee@example.org")
    services.enrolment_create(run=run, user=first, actor=first)
    services.enrolment_create(run=run, user=second, actor=second)  # waiting list
    download = reverse("learning:material", args=[material.uuid])
    got = client_for(first).get(download)
    assert got.status_code == 200 and bytes(got.content) == b"%PDF-1.4 hand-out"
    assert client_for(second).get(download).status_code == 404
    assert client_for(trainer).get(download).status_code == 200


def test_an_enrolment_past_capacity_is_told_it_waits_and_the_course_never_has_more_than_its_places(
    support_point: Any, basic_course: CourseTemplate, trainer: Any
) -> None:
    from django.core.exceptions import ValidationError

    from samenspel.learning.models import Attendance, EnrolmentStatus
    from tests.learning.conftest import plan_run
    from tests.personas import make_user

    run = plan_run(support_point, basic_course, capacity=2, trainer=trainer)
    people = [make_user(f"p{i}@example.org") for i in range(4)]
    for person in people[:2]:
        services.enrolment_create(run=run, user=person, actor=person)
    # The third signs up on the course page: a clear message, and no place taken.
    response = client_for(people[2]).post(reverse("learning:enrol", args=[run.uuid]), follow=True)
    assert "The course is full. You are on the waiting list; we sent you an e-mail." in response.content.decode()
    assert "You are number 1 on the waiting list." in response.content.decode()
    assert run.enrolments.filter(status=EnrolmentStatus.ENROLLED).count() == 2
    # The same again is refused with a reason, and writes nothing.
    before = run.enrolments.count()
    response = client_for(people[2]).post(reverse("learning:enrol", args=[run.uuid]), follow=True)
    assert "You are already signed up for this course." in response.content.decode()
    assert run.enrolments.count() == before
    # Someone waiting cannot be marked present: the marks for the session are refused as a whole.
    waiting = run.enrolments.get(user=people[2])
    placed = run.enrolments.filter(status=EnrolmentStatus.ENROLLED).first()
    assert placed is not None
    with pytest.raises(ValidationError):
        services.attendance_mark(session=run.sessions.get(number=1), present={placed.pk, waiting.pk}, actor=None)
    assert Attendance.objects.count() == 0


def test_a_course_without_places_is_refused_and_nothing_is_written(
    support_point: Any, basic_course: CourseTemplate, personas: dict[str, Any]
) -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match=r"at least one place|minstens één plaats"):
        services.run_create(
            support_point=support_point,
            template=basic_course,
            title="",
            language="nl",
            online=True,
            place="",
            capacity=0,
            trainer_emails=[],
            session_starts=weekly(7),
            actor=None,
        )
    editor = client_for(personas["editor"])
    response = editor.post(
        reverse("learning:run_new", args=[support_point.slug, basic_course.uuid]),
        _form(basic_course, weekly(7), capacity=0),
    )
    assert response.status_code == 400  # the form again, with the field named
    assert 'id="id_capacity"' in response.content.decode() and 'aria-invalid="true"' in response.content.decode()
    assert CourseRun.objects.count() == 0 and RunSession.objects.count() == 0
