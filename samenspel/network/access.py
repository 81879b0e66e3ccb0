"""Who may use which page of the key persons' room. Every network view goes through these.

A key person sees only their own work (contacts, journeys) and the network of their own support point. The support
point's members see its key persons, figures and self-organisations; managers and editors change them. Outsiders get
404 (they never learn that a journey or a self-organisation's file exists); who may read but not change gets 403.
Trust notes deeper than the shop window: only their author and the people they name (TrustNote.readable_by).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from samenspel.network.models import Journey, KeyPerson, KeyPersonStatus, Meeting, Tie
from samenspel.workspace.access import SupportPointAccess, support_point_for_user
from samenspel.workspace.decorators import signed_in
from samenspel.workspace.models import Membership

View = Callable[..., HttpResponse]


def key_person_of(user: Any) -> KeyPerson | None:
    """The person's key-person role, invited or active; None when they hold none (or it ended)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        KeyPerson.objects.select_related("support_point")
        .filter(user=user)
        .exclude(status=KeyPersonStatus.ENDED)
        .first()
    )


def key_person_required(view: View) -> View:
    """Signed in (support-point staff still pass two-factor) and a key person; otherwise a 403 that says why."""

    @signed_in
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        key_person = key_person_of(request.user)
        if key_person is None:
            return render(request, "network/not_key_person.html", status=403)
        return view(request, key_person, *args, **kwargs)

    return wrapper


def journey_for_key_person(key_person: KeyPerson, journey_uuid: Any) -> Journey:
    """Only the key person's own journeys; another's is as if it did not exist."""
    journey = Journey.objects.for_key_person(key_person).filter(uuid=journey_uuid).first()
    if journey is None:
        raise Http404
    return journey


def tie_for_user(user: Any, slug: str, tie_uuid: Any, *, write: bool = False) -> tuple[Tie, SupportPointAccess]:
    access = support_point_for_user(user, slug, write=write)
    tie = (
        Tie.objects.for_support_point(access.support_point).select_related("organisation").filter(uuid=tie_uuid).first()
    )
    if tie is None:
        raise Http404
    return tie, access


def meeting_for_user(user: Any, meeting_uuid: Any) -> tuple[Meeting, bool]:
    """A network meeting, for its support point's key persons and members; (meeting, may add a case).

    Members who only read may read it; everyone else gets 404.
    """
    meeting = Meeting.objects.select_related("support_point").filter(uuid=meeting_uuid).first()
    if meeting is None:
        raise Http404
    key_person = key_person_of(user)
    if key_person is not None and key_person.support_point_id == meeting.support_point_id:
        return meeting, True
    membership = Membership.objects.for_user(user).filter(support_point=meeting.support_point).first()
    if membership is None:
        raise Http404
    return meeting, membership.can_write
