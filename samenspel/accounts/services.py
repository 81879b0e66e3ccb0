"""Account writes shared by every room that invites people by e-mail address."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from samenspel.accounts.models import Preference
from samenspel.core.audit import log_action


def user_for_email(email: str) -> Any:
    """The account for an address, made without a password when new: they sign in by link."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).order_by("id").first()
    if user is None:
        user = User.objects.create_user(username=email.lower()[:150], email=email.lower())
    return user


def language_of(user: Any) -> str:
    """The language to write to this person in: their own choice, else Dutch (the platform's language)."""
    if user is None or user.pk is None:
        return str(settings.LANGUAGE_CODE)
    found = Preference.objects.filter(user=user).values_list("language", flat=True).first()
    return found or str(settings.LANGUAGE_CODE)


def language_of_address(email: str) -> str:
    """The language for an address: its account's choice when it has one (a group's contact by link)."""
    User = get_user_model()
    return language_of(User.objects.filter(email__iexact=email).order_by("id").first())


@transaction.atomic
def language_set(*, user: Any, language: str) -> None:
    before = language_of(user)
    Preference.objects.update_or_create(user=user, defaults={"language": language})
    if before != language:
        log_action(obj=user, action="language", actor=user, changes={"language": [before, language]})
