"""One access helper per presentations object: outsiders 404, who may only read 403 on a write.

A request is seen by the support point's members (editors and managers decide), by who asked it, and by the contact
persons of the group it names (who answer for their group, and do not see the asker's contact details).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404

from samenspel.presentations.models import PresentationRequest
from samenspel.workspace.access import SupportPointAccess, memberships_for_user, support_point_for_user
from samenspel.workspace.models import GroupContact, Membership, Role


@dataclass(frozen=True)
class PresentationAccess:
    request: PresentationRequest
    role: Role | None  # the role at the request's support point
    is_asker: bool
    is_group_contact: bool

    @property
    def can_decide(self) -> bool:
        return self.role in (Role.EDITOR, Role.MANAGER)

    @property
    def can_evaluate(self) -> bool:
        return self.is_asker or self.can_decide

    @property
    def sees_contact(self) -> bool:
        return self.is_asker or self.role is not None


def request_for_user(
    user: Any, request_uuid: Any, *, decide: bool = False, answer: bool = False, evaluate: bool = False
) -> PresentationAccess:
    if not getattr(user, "is_authenticated", False):
        raise Http404
    found = (
        PresentationRequest.objects.select_related("support_point", "group", "requested_by")
        .filter(uuid=request_uuid)
        .first()
    )
    if found is None:
        raise Http404
    membership = Membership.objects.for_user(user).filter(support_point=found.support_point).first()
    role = Role(membership.role) if membership and membership.role != Role.TRANSLATOR else None
    is_asker = found.requested_by_id == user.pk
    is_group_contact = (
        found.group_id is not None and GroupContact.objects.for_user(user).filter(group_id=found.group_id).exists()
    )
    if role is None and not is_asker and not is_group_contact:
        raise Http404
    access = PresentationAccess(found, role, is_asker, is_group_contact)
    if (
        (decide and not access.can_decide)
        or (answer and not is_group_contact)
        or (evaluate and not access.can_evaluate)
    ):
        raise PermissionDenied
    return access


def support_points_for_user(user: Any) -> list[Any]:
    return [m.support_point for m in memberships_for_user(user)]


__all__ = ["PresentationAccess", "SupportPointAccess", "request_for_user", "support_point_for_user"]
