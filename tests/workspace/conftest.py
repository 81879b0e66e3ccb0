from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from samenspel.directory.models import Group, Organisation, Theme
from samenspel.finder.models import Question
from samenspel.workspace.models import ChangeRequest, GroupContact, Membership, Role


def make_user(email: str, password: str = "a-long-test-password") -> Any:
    return get_user_model().objects.create_user(username=email, email=email, password=password)


def sign_in(client: Client, user: Any) -> Client:
    """Signed in as `user`; support-point staff also pass two-factor, as they would in a browser."""
    client.force_login(user)
    if Membership.objects.filter(user=user).exists():
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
            user=user, name="test", confirmed=True
        )
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


@pytest.fixture
def other_support_point(db: None) -> Organisation:
    return Organisation.objects.create(slug="steunpunt-elders", kind="support_point", name="Steunpunt Elders")


@pytest.fixture
def other_group(group: Group) -> Group:
    g = Group.objects.create(
        slug="lotgenoten-rouw",
        name_nl="Rouwgroep",
        support_point=group.support_point,
        contact_email="rouw@example.org",
    )
    g.themes.set([Theme.objects.get(slug="depression")])
    return g


@pytest.fixture
def member(support_point: Organisation) -> Callable[[str], Any]:
    def make(role: str, email: str | None = None) -> Any:
        user = make_user(email or f"{role}@steunpunt.example.org")
        Membership.objects.create(user=user, support_point=support_point, role=role)
        return user

    return make


@pytest.fixture
def contact(group: Group) -> Any:
    user = make_user("contact@example.org")
    GroupContact.objects.create(user=user, group=group)
    return user


@pytest.fixture
def question(group: Group) -> Question:
    return Question.objects.create(group=group, message="Mag ik komen kijken?", reply_email="bezoeker@example.org")


@pytest.fixture
def change_request(group: Group, contact: Any) -> ChangeRequest:
    return ChangeRequest.objects.create(
        group=group, changes={"name_en": ["Peer group depression", "Depression group"]}, submitted_by=contact
    )


@pytest.fixture
def personas(
    group: Group, other_group: Group, other_support_point: Organisation, member: Callable[[str], Any], contact: Any
) -> dict[str, Any]:
    other_member = make_user("manager@elders.example.org")
    Membership.objects.create(user=other_member, support_point=other_support_point, role=Role.MANAGER)
    other_contact = make_user("contact-rouw@example.org")
    GroupContact.objects.create(user=other_contact, group=other_group)
    return {
        "anonymous": None,
        "outsider": make_user("outsider@example.org"),
        "other_member": other_member,
        "viewer": member(Role.VIEWER),
        "editor": member(Role.EDITOR),
        "manager": member(Role.MANAGER),
        "contact": contact,
        "other_contact": other_contact,
    }


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    # Rate limits live in the cache, which outlives a test: without this, sign-in tests would share one budget.
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def client(client: Client) -> Client:
    # The tests read English (the source strings), whatever the Dutch catalogue says by now.
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client
