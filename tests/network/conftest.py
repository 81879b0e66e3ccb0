"""The key persons' world: the shared support point with its group, a key person there and one at another.

Personas (tests/personas.py) plus two of this room: `key_person` (active, at the support point, public profile,
Turkish, reaches Turkish speakers in Woensel) and `other_key_person` (active, at the other support point).
"""

from __future__ import annotations

from typing import Any

import pytest

from samenspel.directory.models import Group, Language, Organisation, Theme
from samenspel.network.models import KeyPerson, Visibility
from samenspel.network.services import key_person_invite, key_person_profile_save
from tests.personas import Personas, make_user

# As in every signed-in room: a fresh rate-limit budget per test, and a client that reads English.
from tests.rooms import _fresh_rate_limits, client

__all__ = ["_fresh_rate_limits", "client"]


def make_key_person(
    support_point: Organisation,
    email: str,
    name: str,
    *,
    visibility: str = Visibility.NETWORK,
    languages: tuple[str, ...] = ("tr",),
    neighbourhood: str = "Woensel",
) -> Any:
    make_user(email)
    key_person = key_person_invite(support_point=support_point, email=email, actor=None)
    langs = list(Language.objects.filter(code__in=languages))
    key_person_profile_save(
        key_person=key_person,
        public_name=name,
        languages=langs,
        themes=list(Theme.objects.filter(slug="depression")),
        availability="Weekday mornings",
        visibility=Visibility(visibility),
        reach=[(langs[0] if langs else None, neighbourhood)],
    )
    return key_person.user


@pytest.fixture
def cast(people: Personas, group: Group, other_support_point: Organisation, support_point: Organisation) -> Personas:
    people.build("anonymous", "outsider", "viewer", "manager", "professional", "other_member", "staff")
    people["key_person"] = make_key_person(support_point, "ayse@sleutel.example.org", "Ayşe", visibility="public")
    people["other_key_person"] = make_key_person(
        other_support_point, "samira@sleutel.example.org", "Samira", languages=("ar",)
    )
    return people


def key_person(user: Any) -> KeyPerson:
    return KeyPerson.objects.get(user=user)
