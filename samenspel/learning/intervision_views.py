"""Intervision groups at /leren/intervisie/: for their members, the course's trainers and its support point."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from samenspel.learning import intervision
from samenspel.learning.access import intervision_for_user, run_for_trainer, run_for_user
from samenspel.learning.models import Enrolment, EnrolmentStatus, IntervisionGroup
from samenspel.workspace.decorators import signed_in


def _errors(error: ValidationError) -> list[str]:
    return [str(m) for m in error.messages]


@signed_in
@require_POST
def intervision_start(request: HttpRequest, run_uuid: Any) -> HttpResponse:
    run = run_for_trainer(request.user, run_uuid)
    group = intervision.intervision_start(run=run, name=request.POST.get("name", ""), actor=request.user)
    messages.success(request, _("The intervision group is started. Participants can join it on the course page."))
    return redirect("learning:intervision", group_uuid=group.uuid)


@signed_in
@require_POST
def intervision_join(request: HttpRequest, group_uuid: Any) -> HttpResponse:
    group = IntervisionGroup.objects.select_related("run").filter(uuid=group_uuid).first()
    if group is None:
        raise Http404
    run_for_user(request.user, group.run.uuid)
    user: Any = request.user
    if not Enrolment.objects.filter(run=group.run, user=user, status=EnrolmentStatus.ENROLLED).exists():
        raise Http404
    if request.POST.get("leave"):
        intervision.intervision_leave(group=group, user=user, actor=user)
        messages.success(request, _("You left the intervision group."))
        return redirect("learning:run", run_uuid=group.run.uuid)
    intervision.intervision_join(group=group, user=user, actor=user)
    return redirect("learning:intervision", group_uuid=group.uuid)


@never_cache
@signed_in
def intervision_detail(request: HttpRequest, group_uuid: Any) -> HttpResponse:
    group = intervision_for_user(request.user, group_uuid)
    return render(request, "learning/intervision.html", _context(group))


def _context(group: IntervisionGroup, **extra: Any) -> dict[str, Any]:
    return {
        "group": group,
        "meetings": group.meetings.filter(starts_at__gte=timezone.now() - datetime.timedelta(days=1)),
        "notes": group.case_notes.all(),
        "member_count": group.members.count(),
        **extra,
    }


@signed_in
@require_POST
def meeting_add(request: HttpRequest, group_uuid: Any) -> HttpResponse:
    group = intervision_for_user(request.user, group_uuid)
    starts = parse_datetime(request.POST.get("starts_at", ""))
    try:
        if starts is None:
            raise ValidationError(_("Give a date and time."))
        if timezone.is_naive(starts):
            starts = timezone.make_aware(starts)
        intervision.meeting_add(group=group, starts_at=starts, place=request.POST.get("place", ""), actor=request.user)
    except ValidationError as error:
        return render(request, "learning/intervision.html", _context(group, errors=_errors(error)), status=400)
    return redirect("learning:intervision", group_uuid=group.uuid)


@signed_in
@require_POST
def case_note_add(request: HttpRequest, group_uuid: Any) -> HttpResponse:
    group = intervision_for_user(request.user, group_uuid)
    try:
        intervision.case_note_add(group=group, text=request.POST.get("text", ""), actor=request.user)
    except ValidationError as error:
        return render(request, "learning/intervision.html", _context(group, errors=_errors(error)), status=400)
    return redirect("learning:intervision", group_uuid=group.uuid)
