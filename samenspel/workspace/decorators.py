"""Small decorators for workspace views: signed in, and for support-point staff, two-factor verified."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import user_has_device

from samenspel.workspace.models import Membership

View = Callable[..., HttpResponse]


def is_staff_member(user: Any) -> bool:
    """Anyone with a role at a support point: they see many groups, so they need a second factor."""
    return Membership.objects.for_user(user).exists()


def _to_sign_in(request: HttpRequest) -> HttpResponse:
    return redirect(f"{reverse('workspace:login')}?{urlencode({'next': request.get_full_path()})}")


def signed_in(view: View) -> View:
    """Signed in; staff of a support point must also have passed two-factor this session."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user: Any = request.user
        if not user.is_authenticated:
            return _to_sign_in(request)
        if is_staff_member(user) and not user.is_verified():
            query = urlencode({"next": request.get_full_path()})
            target = "workspace:otp_verify" if user_has_device(user) else "workspace:otp_setup"
            return redirect(f"{reverse(target)}?{query}")
        return view(request, *args, **kwargs)

    return wrapper


def signed_in_without_second_factor(view: View) -> View:
    """For the two-factor pages themselves."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return _to_sign_in(request)
        return view(request, *args, **kwargs)

    return wrapper
