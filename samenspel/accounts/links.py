"""The one-time sign-in link, and its e-mail: for the sign-in page and for rooms that send it themselves."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from samenspel.accounts.tokens import MAGIC_LINK_MAX_AGE, magic_link_tokens
from samenspel.core import outbox


def link_minutes() -> int:
    return int(MAGIC_LINK_MAX_AGE.total_seconds() // 60)


def magic_link_url(request: HttpRequest, user: Any, next_url: str = "") -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    path = reverse("accounts:login_link", kwargs={"uidb64": uid, "token": magic_link_tokens.make_token(user)})
    if next_url and next_url != resolve_url(settings.LOGIN_REDIRECT_URL):
        path += "?" + urlencode({"next": next_url})
    return request.build_absolute_uri(path)


def send_sign_in_link(request: HttpRequest, user: Any, *, next_url: str, intro: str) -> None:
    """Queue the sign-in link to the person's address (through the outbox: the page never waits on mail).

    `intro` says what the link opens ("the Samenspel workspace", "Samenspel for professionals").
    """
    body = "\n".join(
        [
            intro,
            magic_link_url(request, user, next_url),
            "",
            _("The link works once, for %(minutes)d minutes.") % {"minutes": link_minutes()},
            _("Did you not ask for it? Then you can ignore this message."),
        ]
    )
    outbox.send_mail(kind="sign_in_link", to=[user.email], subject=_("Your sign-in link"), body=body)
