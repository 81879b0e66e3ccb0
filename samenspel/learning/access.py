"""Who may use which learning page. Every learning view goes through these.

Support-point pages: the workspace's rule (members read, editors and managers write; outsiders 404). A run's
trainer pages: its trainers and the writers of its support point; anyone else 404. A run's own page: any
signed-in person while it is open or closed for enrolment (it is an offer), its trainers and its support point
always; a draft or cancelled run is 404 to the rest. A template's material: those who may see the template.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404

from samenspel.learning.models import (
    CourseRun,
    CourseTemplate,
    Enrolment,
    EnrolmentStatus,
    IntervisionGroup,
    Material,
    ProjectPlan,
    RunStatus,
)
from samenspel.workspace.access import SupportPointAccess, support_point_for_user
from samenspel.workspace.models import WRITE_ROLES, Membership

VISIBLE = (RunStatus.OPEN, RunStatus.CLOSED)


def _role_at(user: Any, support_point_id: int) -> str | None:
    return (
        Membership.objects.for_user(user)
        .filter(support_point_id=support_point_id)
        .values_list("role", flat=True)
        .first()
    )


def is_trainer(user: Any, run: CourseRun) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and run.trainers.filter(pk=user.pk).exists()


def run_for_user(user: Any, run_uuid: Any) -> CourseRun:
    """A run's own page: an open or closed run for anyone signed in; a draft or cancelled one for its people."""
    run = CourseRun.objects.select_related("template", "support_point").filter(uuid=run_uuid).first()
    if run is None:
        raise Http404
    if run.status in VISIBLE or is_trainer(user, run) or _role_at(user, run.support_point_id) is not None:
        return run
    if Enrolment.objects.filter(run=run, user=user).exclude(status=EnrolmentStatus.WITHDRAWN).exists():
        return run  # a participant still sees a run that was cancelled
    raise Http404


def run_for_trainer(user: Any, run_uuid: Any) -> CourseRun:
    """Attendance: the run's trainers and the writers of its support point; its read-only members 403."""
    run = CourseRun.objects.select_related("template", "support_point").filter(uuid=run_uuid).first()
    if run is None:
        raise Http404
    if is_trainer(user, run):
        return run
    role = _role_at(user, run.support_point_id)
    if role in WRITE_ROLES:
        return run
    if role is not None:
        raise PermissionDenied
    raise Http404


def template_for_support_point(access: SupportPointAccess, template_uuid: Any) -> CourseTemplate:
    template = CourseTemplate.objects.usable_by(access.support_point).filter(uuid=template_uuid).first()
    if template is None:
        raise Http404
    return template


def run_of_support_point(access: SupportPointAccess, run_uuid: Any) -> CourseRun:
    run = (
        CourseRun.objects.for_support_point(access.support_point)
        .select_related("template")
        .filter(uuid=run_uuid)
        .first()
    )
    if run is None:
        raise Http404
    return run


def material_for_user(user: Any, material_uuid: Any) -> Material:
    """A session's file: for the members of a support point that may use the template, and for the trainers and
    participants (with a place) of a run of it."""
    material = Material.objects.select_related("session__template").filter(uuid=material_uuid).first()
    if material is None:
        raise Http404
    template = material.session.template
    memberships = Membership.objects.for_user(user)
    if template.support_point_id is None:
        if memberships.exists():
            return material
    elif memberships.filter(support_point_id=template.support_point_id).exists():
        return material
    runs = CourseRun.objects.filter(template=template)
    if runs.filter(trainers=user).exists():
        return material
    if Enrolment.objects.filter(run__in=runs, user=user, status=EnrolmentStatus.ENROLLED).exists():
        return material
    raise Http404


def runs_for_trainer(user: Any) -> list[CourseRun]:
    if not getattr(user, "is_authenticated", False):
        return []
    return list(
        CourseRun.objects.filter(trainers=user)
        .exclude(status=RunStatus.CANCELLED)
        .select_related("support_point", "template")
    )


__all__ = ["SupportPointAccess", "support_point_for_user"]


def plan_for_user(user: Any, plan_uuid: Any, *, write: bool = False) -> ProjectPlan:
    """A plan is its owner's. Shared with a course: that run's trainers and support point may read it (a write
    is 403 for them). Anyone else: 404."""
    plan = ProjectPlan.objects.select_related("shared_run", "owner").filter(uuid=plan_uuid).first()
    if plan is None:
        raise Http404
    if getattr(user, "is_authenticated", False) and plan.owner_id == user.pk:
        return plan
    run = plan.shared_run
    if run is not None and (is_trainer(user, run) or _role_at(user, run.support_point_id) is not None):
        if write:
            raise PermissionDenied
        return plan
    raise Http404


def plans_shared_with(user: Any) -> list[ProjectPlan]:
    """Plans shared with a course this person trains or whose support point they belong to."""
    if not getattr(user, "is_authenticated", False):
        return []
    support_points = Membership.objects.for_user(user).values("support_point_id")
    return list(
        ProjectPlan.objects.filter(shared_run__isnull=False)
        .filter(models.Q(shared_run__trainers=user) | models.Q(shared_run__support_point_id__in=support_points))
        .distinct()
        .select_related("shared_run")
    )


def intervision_for_user(user: Any, group_uuid: Any) -> IntervisionGroup:
    """An intervision group: its members, its course's trainers and the writers of its support point; else 404."""
    group = IntervisionGroup.objects.select_related("run").filter(uuid=group_uuid).first()
    if group is None:
        raise Http404
    if getattr(user, "is_authenticated", False) and group.members.filter(pk=user.pk).exists():
        return group
    if is_trainer(user, group.run) or _role_at(user, group.run.support_point_id) in WRITE_ROLES:
        return group
    raise Http404
