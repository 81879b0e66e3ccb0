"""Signed links: the login-free "is this still right?" link. The sign-in link is samenspel.accounts.tokens."""

from __future__ import annotations

import datetime

from django.core import signing

from samenspel.directory.models import Group

CHECK_LINK_MAX_AGE = datetime.timedelta(days=60)
CHECK_SALT = "samenspel.workspace.freshness-check"


def check_token_for(group: Group) -> str:
    """The freshness link's token. It names the check it is for, so it stops working once the group is confirmed."""
    since = group.last_verified_at.isoformat() if group.last_verified_at else ""
    return signing.dumps({"g": str(group.uuid), "v": since}, salt=CHECK_SALT, compress=True)


class CheckLinkError(Exception):
    pass


class CheckLinkUsed(CheckLinkError):
    pass


def group_for_check_token(token: str) -> Group:
    """The group a freshness link is for; CheckLinkError when tampered or expired, CheckLinkUsed when done."""
    try:
        data = signing.loads(token, salt=CHECK_SALT, max_age=CHECK_LINK_MAX_AGE)
    except signing.BadSignature as exc:  # SignatureExpired is a BadSignature too
        raise CheckLinkError(str(exc)) from exc
    group = Group.objects.select_related("support_point").filter(uuid=data.get("g")).first()
    if group is None:
        raise CheckLinkError("unknown group")
    since = group.last_verified_at.isoformat() if group.last_verified_at else ""
    if since != data.get("v"):
        raise CheckLinkUsed("already confirmed")
    return group
