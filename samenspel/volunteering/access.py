"""One access helper per volunteering object: outsiders 404, read-only members (viewers) 403 on writes.

Built on the workspace's support-point access (the roles live there); a volunteer or a role of another support
point is a 404, as if it did not exist.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404

from samenspel.volunteering.models import Volunteer, VolunteerRole
from samenspel.workspace.access import SupportPointAccess, memberships_for_user, support_point_for_user


def volunteer_for_user(user: Any, volunteer_uuid: Any, *, write: bool = False) -> tuple[Volunteer, SupportPointAccess]:
    volunteer = (
        Volunteer.objects.select_related("support_point", "role", "interested_in").filter(uuid=volunteer_uuid).first()
    )
    if volunteer is None:
        raise Http404
    return volunteer, support_point_for_user(user, volunteer.support_point.slug, write=write)


def role_for_user(
    user: Any, slug: str, role_uuid: Any, *, write: bool = False
) -> tuple[VolunteerRole, SupportPointAccess]:
    access = support_point_for_user(user, slug, write=write)
    role = VolunteerRole.objects.for_support_point(access.support_point).filter(uuid=role_uuid).first()
    if role is None:
        raise Http404
    return role, access


def support_points_for_user(user: Any) -> list[Any]:
    """The support points whose volunteers this person may see, for their home page."""
    return [m.support_point for m in memberships_for_user(user)]


__all__ = [
    "SupportPointAccess",
    "role_for_user",
    "support_point_for_user",
    "support_points_for_user",
    "volunteer_for_user",
]
