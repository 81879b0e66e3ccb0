from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from samenspel.directory.models import Group, Organisation
from samenspel.finder.models import Question
from samenspel.workspace.models import ChangeRequest
from tests.personas import Personas, make_member, make_user, sign_in

# Other apps' tests and branches still import these helpers from here; they live in tests/personas.py.
__all__ = ["make_user", "sign_in"]


@pytest.fixture
def member(support_point: Organisation, people: Personas) -> Callable[..., Any]:
    """A member of the support point in `role`: the viewer, editor or manager persona unless an e-mail is given."""

    def make(role: str, email: str | None = None) -> Any:
        return people[role] if email is None else make_member(support_point, role, email)

    return make


@pytest.fixture
def contact(people: Personas) -> Any:
    return people["contact"]


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
    people: Personas, group: Group, other_group: Group, other_support_point: Organisation, contact: Any
) -> Personas:
    # The workspace's cast, all there before a test starts, as its access table was written against.
    return people.build(
        "anonymous", "outsider", "other_member", "viewer", "editor", "manager", "contact", "other_contact"
    )


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
