"""Small decorators for every signed-in page: signed in, and a second factor for whom the room's rule names.

Accounts is a floor below the rooms, so it does not know who needs a second factor (today: anyone with a role
at a support point, a workspace fact). Each room composes `signed_in_with` with that rule once, in its own
decorators module; the rule is a required argument, so a new room cannot forget to decide it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django_otp import user_has_device

View = Callable[..., HttpResponse]
SecondFactorRule = Callable[[Any], bool]


def _to_sign_in(request: HttpRequest) -> HttpResponse:
    return redirect(f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': request.get_full_path()})}")


def signed_in_with(*, second_factor_if: SecondFactorRule) -> Callable[[View], View]:
    """Signed in; whom `second_factor_if` names must also have passed two-factor this session."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            user: Any = request.user
            if not user.is_authenticated:
                return _to_sign_in(request)
            if second_factor_if(user) and not user.is_verified():
                query = urlencode({"next": request.get_full_path()})
                target = "accounts:otp_verify" if user_has_device(user) else "accounts:otp_setup"
                return redirect(f"{reverse(target)}?{query}")
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def signed_in_without_second_factor(view: View) -> View:
    """For the two-factor pages themselves."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return _to_sign_in(request)
        return view(request, *args, **kwargs)

    return wrapper
