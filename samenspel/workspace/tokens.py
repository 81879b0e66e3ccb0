"""Signed links: the login-free "is this still right?" link, and the edit link it leads to.

The sign-in link is samenspel.accounts.tokens. Both links here are Django's signing with their own salt: the
check link names the group, the check it is for and the address it was mailed to; the edit link names the group
and that address, so a change made with it is audited under that address and opens nothing but that one group.
"""

from __future__ import annotations

import datetime

from django.core import signing

from samenspel.directory.models import Group

CHECK_LINK_MAX_AGE = datetime.timedelta(days=60)
CHECK_SALT = "samenspel.workspace.freshness-check"
# The edit link is made when the contact opens the check page and chooses to change something: short-lived.
EDIT_LINK_MAX_AGE = datetime.timedelta(days=14)
EDIT_SALT = "samenspel.workspace.freshness-edit"


def check_token_for(group: Group, email: str = "") -> str:
    """The freshness link's token. It names the check it is for, so it stops working once the group is confirmed.

    `email`: the address the link is mailed to; the check page hands it on to the edit link.
    """
    since = group.last_verified_at.isoformat() if group.last_verified_at else ""
    data = {"g": str(group.uuid), "v": since}
    if email:
        data["e"] = email.lower()
    return signing.dumps(data, salt=CHECK_SALT, compress=True)


class CheckLinkError(Exception):
    pass


class CheckLinkUsed(CheckLinkError):
    pass


def check_link_for(token: str) -> tuple[Group, str]:
    """The group a freshness link is for and the address it was mailed to ("" for links sent before addresses
    were part of them); CheckLinkError when tampered or expired, CheckLinkUsed when done."""
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
    return group, str(data.get("e", ""))


def group_for_check_token(token: str) -> Group:
    return check_link_for(token)[0]


def edit_token_for(group: Group, email: str) -> str:
    """The edit link's token: this one group, for this address, for EDIT_LINK_MAX_AGE."""
    return signing.dumps({"g": str(group.uuid), "e": email.lower()}, salt=EDIT_SALT, compress=True)


def edit_link_for(token: str) -> tuple[Group, str]:
    """The group an edit link opens and the address it was made for; CheckLinkError when tampered or expired."""
    try:
        data = signing.loads(token, salt=EDIT_SALT, max_age=EDIT_LINK_MAX_AGE)
    except signing.BadSignature as exc:
        raise CheckLinkError(str(exc)) from exc
    group = Group.objects.select_related("support_point", "location").filter(uuid=data.get("g")).first()
    if group is None or not data.get("e"):
        raise CheckLinkError("unknown group")
    return group, str(data["e"])
