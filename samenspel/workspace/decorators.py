"""The workspace's sign-in decorator: signed in, and for support-point staff, two-factor verified.

Sign-in itself lives in samenspel.accounts; the rule of who needs a second factor is the workspace's, because
only the workspace knows who holds a role at a support point. Referral, insight and open-data pages use this
same decorator, so a support-point member (also one who is a professional) passes two-factor wherever they go.
"""

from __future__ import annotations

from typing import Any

from samenspel.accounts.decorators import signed_in_with
from samenspel.workspace.models import Membership


def is_staff_member(user: Any) -> bool:
    """Anyone with a role at a support point: they see many groups, so they need a second factor."""
    return Membership.objects.for_user(user).exists()


signed_in = signed_in_with(second_factor_if=is_staff_member)
