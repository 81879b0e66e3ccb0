"""The one-time sign-in link's token."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.http import base36_to_int

MAGIC_LINK_MAX_AGE = datetime.timedelta(minutes=15)


class MagicLinkTokenGenerator(PasswordResetTokenGenerator):
    """Single use because the hash covers last_login (see the parent), which signing in changes.

    Its own salt, so a password-reset token is no sign-in link, and its own
    short lifetime instead of PASSWORD_RESET_TIMEOUT.
    """

    # The salt keeps its old name from when sign-in lived in the workspace: links already sent stay valid.
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
