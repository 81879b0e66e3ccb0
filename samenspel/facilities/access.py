"""One access helper per facilities object: outsiders 404, who may only read 403 on a write.

Rooms belong to a support point (its staff); a room request belongs to its group (the group's contact persons
read it, the support point's editors and managers decide on it). Built on the workspace's access helpers.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404

from samenspel.facilities.models import Room, RoomRequest, Speaker
from samenspel.workspace.access import (
    GroupAccess,
    SupportPointAccess,
    facilitation_request_for_user,
    group_for_user,
    support_point_for_user,
)


def room_for_user(user: Any, slug: str, room_uuid: Any, *, write: bool = False) -> tuple[Room, SupportPointAccess]:
    access = support_point_for_user(user, slug, write=write)
    room = Room.objects.for_support_point(access.support_point).filter(uuid=room_uuid).first()
    if room is None:
        raise Http404
    return room, access


def room_request_for_user(user: Any, request_uuid: Any, *, review: bool = False) -> tuple[RoomRequest, GroupAccess]:
    if not getattr(user, "is_authenticated", False):
        raise Http404
    found = RoomRequest.objects.select_related("room__support_point", "group").filter(uuid=request_uuid).first()
    if found is None:
        raise Http404
    return found, group_for_user(user, found.group.uuid, review=review)


__all__ = [
    "facilitation_request_for_user",
    "group_for_user",
    "room_for_user",
    "room_request_for_user",
    "speaker_for_user",
    "support_point_for_user",
]


def speaker_for_user(
    user: Any, slug: str, speaker_uuid: Any, *, write: bool = False
) -> tuple[Speaker, SupportPointAccess]:
    access = support_point_for_user(user, slug, write=write)
    speaker = Speaker.objects.for_support_point(access.support_point).filter(uuid=speaker_uuid).first()
    if speaker is None:
        raise Http404
    return speaker, access
