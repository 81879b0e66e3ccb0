from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from samenspel.directory.models import Group, Organisation, Theme
from samenspel.spaces import services
from samenspel.spaces.models import AccessLevel, Member, Space


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    cache.clear()


def open_space(group: Group | None, level: str = AccessLevel.REGISTERED, **extra: Any) -> Space:
    support_point = group.support_point if group is not None else extra.pop("support_point")
    return services.space_open(
        actor=None,
        support_point=support_point,
        group=group,
        name=extra.pop("name", f"Online {group.name if group else 'theme'}"),
        access_level=level,
        house_rules="Wat hier gezegd wordt, blijft hier.",
        **extra,
    )


@pytest.fixture
def space(group: Group) -> Space:
    return open_space(group)


@pytest.fixture
def other_space(other_group: Group) -> Space:
    return open_space(other_group)


@pytest.fixture
def theme_space(reference: None, support_point: Organisation) -> Space:
    return open_space(None, support_point=support_point, theme=Theme.objects.get(slug="depression"), name="Somber")


def join(space: Space, pseudonym: str, *, moderator: bool = False, email: str = "") -> tuple[Member, str]:
    """A member who joined with a code (trusted after one approved message, like everyone)."""
    code = services.invitation_create(actor=None, space=space, single_use=moderator, as_moderator=moderator)
    invitation = services.invitation_find(code)
    return services.member_join(space=space, invitation=invitation, pseudonym=pseudonym, email=email)


def browser_of(member: Member) -> Client:
    """A client that is this member (by the session, as after joining or coming back with the key)."""
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    session = client.session
    session["spaces"] = {str(member.space.uuid): member.pk}
    session.save()
    return client
