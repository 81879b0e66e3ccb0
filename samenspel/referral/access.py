"""Who may use which referral page. Every referral view goes through these.

A handover is readable only through workspace.access.group_for_user: the
group's contact persons and the members of its support point. Outsiders,
other contact points, other support points and other professionals
(the sender included) get 404, as for any workspace object.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from samenspel.referral.models import Handover, Professional
from samenspel.workspace.access import GroupAccess, group_for_user
from samenspel.workspace.decorators import signed_in

View = Callable[..., HttpResponse]


def professional_of(user: Any) -> Professional | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Professional.objects.select_related("support_point").filter(user=user).first()


def professional_required(view: View) -> View:
    """Signed in (staff still pass two-factor) and approved as a professional; otherwise a 403 that says why."""

    @signed_in
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        professional = professional_of(request.user)
        if professional is None or not professional.is_approved:
            return render(request, "referral/not_approved.html", {"professional": professional}, status=403)
        return view(request, professional, *args, **kwargs)

    return wrapper


def handover_for_user(user: Any, handover_uuid: Any, *, write: bool = False) -> tuple[Handover, GroupAccess]:
    handover = Handover.objects.select_related("group").filter(uuid=handover_uuid).first()
    if handover is None:
        raise Http404
    return handover, group_for_user(user, handover.group.uuid, write=write)
