"""One access helper per newsletter object: outsiders 404, read-only members (viewers) 403 on writes.

Built on the workspace's support-point access. Subscribers have no helper on purpose: no page shows them.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404

from samenspel.newsletter.models import Issue
from samenspel.workspace.access import SupportPointAccess, memberships_for_user, support_point_for_user


def issue_for_user(user: Any, issue_uuid: Any, *, write: bool = False) -> tuple[Issue, SupportPointAccess]:
    issue = Issue.objects.select_related("support_point").filter(uuid=issue_uuid).first()
    if issue is None:
        raise Http404
    return issue, support_point_for_user(user, issue.support_point.slug, write=write)


def support_points_for_user(user: Any) -> list[Any]:
    """The support points whose newsletter this person may make, for their home page."""
    return [m.support_point for m in memberships_for_user(user)]


__all__ = ["SupportPointAccess", "issue_for_user", "support_point_for_user", "support_points_for_user"]
