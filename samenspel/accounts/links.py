"""The one-time sign-in link, for the sign-in page and for rooms that mail it themselves (professionals)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from samenspel.accounts.tokens import MAGIC_LINK_MAX_AGE, magic_link_tokens


def link_minutes() -> int:
    return int(MAGIC_LINK_MAX_AGE.total_seconds() // 60)


def magic_link_url(request: HttpRequest, user: Any, next_url: str = "") -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    path = reverse("accounts:login_link", kwargs={"uidb64": uid, "token": magic_link_tokens.make_token(user)})
    if next_url and next_url != resolve_url(settings.LOGIN_REDIRECT_URL):
        path += "?" + urlencode({"next": next_url})
    return request.build_absolute_uri(path)
