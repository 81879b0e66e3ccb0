"""What a support point does for groups: requests for facilitation (a room, money, a speaker) and information sessions."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from samenspel.core.audit import acting_user, diff, log_action, snapshot
from samenspel.core.services import Actor
from samenspel.directory.models import Group, Organisation, Theme
from samenspel.workspace.models import FacilitationKind, FacilitationRequest, FacilitationStatus, InformationSession


@transaction.atomic
def facilitation_request_create(
    *, group: Group, kind: FacilitationKind, description: str, actor: Actor
) -> FacilitationRequest:
    request = FacilitationRequest.objects.create(
        group=group,
        kind=kind,
        description=description,
        created_by=acting_user(actor),
    )
    log_action(obj=request, action="created", actor=actor, changes={"kind": [None, kind]})
    return request


@transaction.atomic
def facilitation_request_set_status(
    *, request: FacilitationRequest, status: FacilitationStatus, actor: Actor
) -> FacilitationRequest:
    old = request.status
    request.status = status
    request.save(update_fields=["status", "updated_at"])
    log_action(obj=request, action="status", actor=actor, changes={"status": [old, status]})
    return request


@transaction.atomic
def information_session_record(
    *, support_point: Organisation, themes: list[Theme], actor: Actor, **fields: Any
) -> InformationSession:
    session = InformationSession(support_point=support_point, **fields)
    session.full_clean()
    session.save()
    session.themes.set(themes)
    log_action(obj=session, action="created", actor=actor, changes=diff({}, snapshot(session)))
    return session


@transaction.atomic
def information_session_set_attendees(*, session: InformationSession, attendees: int, actor: Actor) -> None:
    """The number of people of a session that took place (planned ahead, or not filled in on the day)."""
    before = snapshot(session)
    session.attendees = attendees
    session.full_clean()
    session.save(update_fields=["attendees"])
    log_action(obj=session, action="updated", actor=actor, changes=diff(before, snapshot(session)))
