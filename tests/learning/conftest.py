"""A support point's run of the shipped basic course (7 sessions, weekly from 5 January 2027), and its trainer."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone

from samenspel.directory.models import Organisation
from samenspel.learning import services
from samenspel.learning.course_data import load_course_templates
from samenspel.learning.knowledge import load_knowledge_pages
from samenspel.learning.models import CourseRun, CourseTemplate, RunStatus
from tests.personas import make_user

# As in every signed-in room: a fresh rate-limit budget per test, and a client that reads English.
from tests.rooms import _fresh_rate_limits, client

__all__ = ["_fresh_rate_limits", "client"]

BASIC = "basiscursus-vertrouwenspersoon"
FIRST = datetime.datetime(2027, 1, 5, 19, 0)


def weekly(count: int, first: datetime.datetime = FIRST) -> list[datetime.datetime]:
    return [timezone.make_aware(first + datetime.timedelta(weeks=i)) for i in range(count)]


@pytest.fixture
def shipped(db: None) -> None:
    """The shipped templates and knowledge pages. The migrations load them, but a browser test's database is
    emptied after each test (live_server), so they are loaded again when missing (both loaders are idempotent)."""
    load_course_templates()
    load_knowledge_pages()


@pytest.fixture
def basic_course(shipped: None) -> CourseTemplate:
    """The shipped basic course for trusted persons."""
    return CourseTemplate.objects.get(slug=BASIC, support_point__isnull=True)


@pytest.fixture
def trainer(db: None) -> Any:
    return make_user("trainer@training.example.org")


def plan_run(
    support_point: Organisation, template: CourseTemplate, *, capacity: int = 6, trainer: Any = None
) -> CourseRun:
    run = services.run_create(
        support_point=support_point,
        template=template,
        title="",
        language="nl",
        online=False,
        place="Buurthuis De Boog, Boogstraat 12, Eindhoven",
        capacity=capacity,
        trainer_emails=[trainer.email] if trainer is not None else [],
        session_starts=weekly(template.sessions.count()),
        actor=None,
    )
    services.run_set_status(run=run, status=RunStatus.OPEN, actor=None)
    run.refresh_from_db()
    return run


@pytest.fixture
def run(support_point: Organisation, basic_course: CourseTemplate, trainer: Any) -> CourseRun:
    return plan_run(support_point, basic_course, trainer=trainer)


def verified_client(user: Any) -> Any:
    """A client signed in as `user` who also passed two-factor (platform staff need it, as support-point staff)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.personas import client_for

    client = client_for(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="test", confirmed=True
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client
