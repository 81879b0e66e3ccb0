"""Who may see and do what in a space: one helper per object. Outsiders get 404, so a closed space's address
tells nothing; someone who may read but not do the thing gets 403.

A member is known by the session only (`request.session["spaces"]`: space → member id), never by an account;
being signed in to the workspace gives no access to any space's messages, also not to platform staff.
Moderators are members the group chose; in a theme space also the support point's editors and managers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from samenspel.spaces.models import Member, MemberStatus, Post, Space, Thread
from samenspel.spaces.services import Moderator
from samenspel.workspace.access import group_for_user, support_point_for_user
from samenspel.workspace.models import WRITE_ROLES, Membership

SESSION_KEY = "spaces"


def remember(request: HttpRequest, member: Member) -> None:
    """This browser is this member in this space (until they sign out or leave)."""
    request.session.cycle_key()
    known = dict(request.session.get(SESSION_KEY, {}))
    known[str(member.space.uuid)] = member.pk
    request.session[SESSION_KEY] = known


def forget(request: HttpRequest, space: Space) -> None:
    known = dict(request.session.get(SESSION_KEY, {}))
    known.pop(str(space.uuid), None)
    request.session[SESSION_KEY] = known


def member_in(request: HttpRequest, space: Space) -> Member | None:
    member_id = request.session.get(SESSION_KEY, {}).get(str(space.uuid))
    if member_id is None:
        return None
    return Member.objects.filter(pk=member_id, space=space).select_related("space").first()


def staff_moderates(user: Any, space: Space) -> bool:
    """Support-point editors and managers moderate their theme spaces (a group's space is the group's)."""
    if not space.is_theme_space or not getattr(user, "is_authenticated", False):
        return False
    return Membership.objects.for_user(user).filter(support_point=space.support_point, role__in=WRITE_ROLES).exists()


@dataclass(frozen=True)
class SpaceAccess:
    space: Space
    member: Member | None
    moderator: Moderator | None

    @property
    def can_read(self) -> bool:
        if self.moderator is not None or self.space.is_public:
            return True
        return self.member is not None and self.member.status != MemberStatus.INTRODUCING


def _open_space(space_uuid: Any) -> Space:
    space = Space.objects.select_related("group", "support_point").filter(uuid=space_uuid, is_closed=False).first()
    if space is None:
        raise Http404
    return space


def space_for(request: HttpRequest, space_uuid: Any, *, read: bool = True) -> SpaceAccess:
    """The space as this visitor may see it. A closed level's space does not exist for anyone outside it."""
    space = _open_space(space_uuid)
    member = member_in(request, space)
    moderator = None
    if member is not None and member.is_moderator:
        moderator = Moderator(member=member)
    elif staff_moderates(request.user, space):
        moderator = Moderator(user=request.user)
    access = SpaceAccess(space, member, moderator)
    if member is None and moderator is None and not space.is_public:
        raise Http404
    if read and not access.can_read:
        raise PermissionDenied
    return access


def member_for(request: HttpRequest, space_uuid: Any) -> SpaceAccess:
    """Pages of the member themself (writing, their account): only for members."""
    access = space_for(request, space_uuid, read=False)
    if access.member is None:
        raise Http404 if not access.space.is_public and access.moderator is None else PermissionDenied
    return access


def moderation_for(request: HttpRequest, space_uuid: Any) -> SpaceAccess:
    access = space_for(request, space_uuid, read=False)
    if access.moderator is None:
        raise PermissionDenied
    return access


def thread_for(access: SpaceAccess, thread_id: int) -> Thread:
    thread = Thread.objects.filter(pk=thread_id, space=access.space).first()
    if thread is None:
        raise Http404
    return thread


def post_for(access: SpaceAccess, post_id: int) -> Post:
    post = Post.objects.filter(pk=post_id, thread__space=access.space).select_related("thread", "author").first()
    if post is None:
        raise Http404
    return post


def moderated_member(access: SpaceAccess, member_id: int) -> Member:
    member = Member.objects.filter(pk=member_id, space=access.space).select_related("space").first()
    if member is None:
        raise Http404
    return member


# ---- the workspace side: who opens and sets up a space --------------------------------------------------------


@dataclass(frozen=True)
class ManageAccess:
    space: Space | None
    can_decide: bool


def group_space_manager(user: Any, group_uuid: Any, *, decide: bool = False) -> tuple[Any, ManageAccess]:
    """The group decides on its space (its contact persons); its support point may look and help, not decide."""
    group_access = group_for_user(user, group_uuid)
    group = group_access.group
    access = ManageAccess(Space.objects.filter(group=group).first(), group_access.is_contact)
    if decide and not access.can_decide:
        raise PermissionDenied
    return group, access


def theme_spaces_manager(user: Any, slug: str, *, decide: bool = False) -> Any:
    return support_point_for_user(user, slug, write=decide)


def space_manager(user: Any, space_uuid: Any, *, decide: bool = False) -> ManageAccess:
    space = Space.objects.select_related("group", "support_point").filter(uuid=space_uuid).first()
    if space is None or not getattr(user, "is_authenticated", False):
        raise Http404
    if space.group is not None:
        _group, access = group_space_manager(user, space.group.uuid, decide=decide)
        return access
    sp = theme_spaces_manager(user, space.support_point.slug, decide=decide)
    return ManageAccess(space, sp.can_write)
