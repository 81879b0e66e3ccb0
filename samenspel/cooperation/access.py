"""One access helper per cooperation object. Outsiders get 404 (they never learn it exists), read-only members 403.

Built on the workspace's support-point access: the roles live there. A forwarded question belongs to the
receiving support point only; the sender no longer holds it.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404

from samenspel.cooperation.models import ForwardedQuestion
from samenspel.referral.access import professional_of
from samenspel.workspace.access import SupportPointAccess, memberships_for_user, support_point_for_user


def forwarded_question_for_user(
    user: Any, question_uuid: Any, *, write: bool = False
) -> tuple[ForwardedQuestion, SupportPointAccess]:
    if not getattr(user, "is_authenticated", False):
        raise Http404
    found = (
        ForwardedQuestion.objects.select_related("support_point", "forward__from_support_point")
        .filter(uuid=question_uuid)
        .first()
    )
    if found is None:
        raise Http404
    return found, support_point_for_user(user, found.support_point.slug, write=write)


def may_read_national_list(user: Any) -> bool:
    """Support points refer to it, and so do the professionals who refer through them; staff keep it."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_staff:
        return True
    if memberships_for_user(user).exclude(role="translator").exists():
        return True
    professional = professional_of(user)
    return professional is not None and professional.is_approved


__all__ = ["forwarded_question_for_user", "may_read_national_list", "support_point_for_user"]
