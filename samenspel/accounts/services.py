"""Account writes shared by every room that invites people by e-mail address."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model


def user_for_email(email: str) -> Any:
    """The account for an address, made without a password when new: they sign in by link."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).order_by("id").first()
    if user is None:
        user = User.objects.create_user(username=email.lower()[:150], email=email.lower())
    return user
