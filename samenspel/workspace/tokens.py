"""Signed links: the sign-in link and the login-free "is this still right?" link."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core import signing
from django.utils.http import base36_to_int

from samenspel.directory.models import Group

MAGIC_LINK_MAX_AGE = datetime.timedelta(minutes=15)
CHECK_LINK_MAX_AGE = datetime.timedelta(days=60)
CHECK_SALT = "samenspel.workspace.freshness-check"


class MagicLinkTokenGenerator(PasswordResetTokenGenerator):
    """Single use because the hash covers last_login (see the parent), which signing in changes.

    Its own salt, so a password-reset token is no sign-in link, and its own
    short lifetime instead of PASSWORD_RESET_TIMEOUT.
    """

    key_salt = "samenspel.workspace.MagicLinkTokenGenerator"

    def check_token(self, user: Any, token: str | None) -> bool:
        if not token or not super().check_token(user, token):
            return False
        try:
            issued = base36_to_int(token.split("-")[0])
        except ValueError:
            return False
        return self._num_seconds(self._now()) - issued <= MAGIC_LINK_MAX_AGE.total_seconds()


magic_link_tokens = MagicLinkTokenGenerator()


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
