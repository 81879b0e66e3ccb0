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
