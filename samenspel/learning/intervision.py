"""Intervision after a course: the trainer starts a group, participants with a place join, members plan their own
meetings and bring anonymous cases. Writes as in services.py: keyword-only, in a transaction, audited."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.core.audit import Actor, log_action
from samenspel.learning.models import (
    CaseNote,
    CourseRun,
    Enrolment,
    EnrolmentStatus,
    IntervisionGroup,
    IntervisionMeeting,
)

CASE_NOTE_MAX = 4000


def intervision_start(*, run: CourseRun, name: str, actor: Actor) -> IntervisionGroup:
    name = name.strip() or _("Intervision: %(course)s") % {"course": run.heading()}
    with transaction.atomic():
        group = IntervisionGroup.objects.create(run=run, name=name[:200])
        log_action(obj=group, action="created", actor=actor)
    return group


def intervision_join(*, group: IntervisionGroup, user: Any, actor: Actor) -> None:
    """Only a participant with a place in the course joins, and only by their own choice."""
    if not Enrolment.objects.filter(run=group.run, user=user, status=EnrolmentStatus.ENROLLED).exists():
        raise ValidationError(_("Only participants of the course can join its intervision group."))
    with transaction.atomic():
        group.members.add(user)
        log_action(obj=group, action="joined", actor=actor)


def intervision_leave(*, group: IntervisionGroup, user: Any, actor: Actor) -> None:
    with transaction.atomic():
        group.members.remove(user)
        log_action(obj=group, action="left", actor=actor)


def meeting_add(
    *, group: IntervisionGroup, starts_at: datetime.datetime, place: str, actor: Actor
) -> IntervisionMeeting:
    if not place.strip():
        raise ValidationError(_("Say where you meet."))
    with transaction.atomic():
        meeting = IntervisionMeeting.objects.create(group=group, starts_at=starts_at, place=place.strip()[:300])
        log_action(obj=meeting, action="planned", actor=actor)
    return meeting


def case_note_add(*, group: IntervisionGroup, text: str, actor: Actor) -> CaseNote:
    """An anonymous case: kept without its writer (the audit log names the group, not the note's author)."""
    text = text.strip()
    if not text:
        raise ValidationError(_("Write the case first."))
    if len(text) > CASE_NOTE_MAX:
        raise ValidationError(_("A case note holds at most %(max)d characters.") % {"max": CASE_NOTE_MAX})
    with transaction.atomic():
        note = CaseNote.objects.create(group=group, text=text)
        log_action(obj=group, action="case_note", actor=None)
    return note


def case_notes_purge(*, today: datetime.date | None = None) -> int:
    cutoff = (today or timezone.localdate()) - datetime.timedelta(days=settings.LEARNING_CASE_NOTE_DAYS)
    deleted, _by_model = CaseNote.objects.filter(written_on__lt=cutoff).delete()
    return deleted
