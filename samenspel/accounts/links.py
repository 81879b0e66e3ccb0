"""The one-time sign-in link, and its e-mail: for the sign-in page and for rooms that send it themselves."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from samenspel.accounts.services import language_of, language_of_address
from samenspel.accounts.tokens import MAGIC_LINK_MAX_AGE, magic_link_tokens
from samenspel.core import outbox


def link_minutes() -> int:
    return int(MAGIC_LINK_MAX_AGE.total_seconds() // 60)


def site_url(path: str) -> str:
    """A full address for a path, for mails that no request makes (settings.SITE_URL)."""
    return settings.SITE_URL + path


def magic_link_url(request: HttpRequest | None, user: Any, next_url: str = "") -> str:
    """The sign-in link; without a request (a command, a notice) it starts with settings.SITE_URL."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    path = reverse("accounts:login_link", kwargs={"uidb64": uid, "token": magic_link_tokens.make_token(user)})
    if next_url and next_url != resolve_url(settings.LOGIN_REDIRECT_URL):
        path += "?" + urlencode({"next": next_url})
    return request.build_absolute_uri(path) if request is not None else site_url(path)


def send_notice(
    *,
    user: Any = None,
    email: str = "",
    kind: str,
    key: str,
    subject: Callable[[], str],
    lines: Callable[[], list[str]],
    next_url: str = "",
    support_point_id: int | None = None,
    reply_to: Sequence[str] = (),
    attachments: Sequence[tuple[str, str, str]] = (),
) -> None:
    """An invitation or notice to one person, in their own language, through the outbox (once per `key`).

    `subject` and `lines` are called inside that language, so their gettext calls translate into it. With
    `next_url` the mail links to that page; someone without a password also gets a sign-in link. Without a
    `user`, to `email` (someone acting by a link): in its account's language if it has one.
    """
    address = user.email if user is not None else email
    if not address:
        return
    language = language_of(user) if user is not None else language_of_address(address)
    with translation.override(language):
        body = lines()
        if next_url:
            body += ["", _("Open it here:"), site_url(next_url)]
            if user is not None and not user.has_usable_password():
                body += [
                    "",
                    _("You sign in with a link by e-mail; no password needed. This link signs you in at once:"),
                    magic_link_url(None, user, next_url),
                    _("It works once, for %(minutes)d minutes. After that, the address above sends you a new one.")
                    % {"minutes": link_minutes()},
                ]
        outbox.send_mail(
            kind=kind,
            to=[address],
            subject=subject(),
            body="\n".join(body),
            key=key,
            support_point_id=support_point_id,
            reply_to=reply_to,
            attachments=attachments,
        )


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
