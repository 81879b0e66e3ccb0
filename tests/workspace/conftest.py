from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from samenspel.directory.models import Group, Organisation
from samenspel.finder.models import Question
from samenspel.workspace.models import ChangeRequest
from tests.personas import Personas, make_member, make_user, sign_in
from tests.rooms import _fresh_rate_limits, client

# make_user and sign_in live in tests/personas.py; tests (and branches) that import them from here still work.
__all__ = ["_fresh_rate_limits", "client", "make_user", "sign_in"]


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
