from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from samenspel.directory.models import Group, GroupStatus, Organisation
from samenspel.learning.models import CourseRun, CourseTemplate
from samenspel.newsletter import services
from samenspel.newsletter.models import Issue, Subscriber
from tests.learning.conftest import basic_course, plan_run, shipped
from tests.rooms import _fresh_rate_limits

__all__ = ["_fresh_rate_limits", "basic_course", "shipped"]


@pytest.fixture
def run(support_point: Organisation, basic_course: CourseTemplate) -> CourseRun:
    return plan_run(support_point, basic_course)


@pytest.fixture
def looking_group(other_group: Group) -> Group:
    other_group.status = GroupStatus.LOOKING
    other_group.description_nl = "Wij zoeken nieuwe leden die een dierbare verloren."
    other_group.save()
    return other_group


@pytest.fixture
def issue(group: Group, looking_group: Group, run: CourseRun) -> Issue:
    return services.issue_create(
        support_point=group.support_point,
        title="Zelfhulpkrant winter",
        intro="Welkom bij de nieuwe krant.",
        new_groups=[group],
        looking_groups=[looking_group],
        runs=[run],
        actor=None,
    )


def confirmed(support_point: Organisation, email: str, language: str = "nl") -> Subscriber:
    return Subscriber.objects.create(
        support_point=support_point, email=email, language=language, confirmed_at=timezone.now()
    )


@pytest.fixture
def subscriber(support_point: Organisation) -> Any:
    return confirmed(support_point, "lezer@example.org")
