"""The people every access table asks about: one set of personas, built from one world.

The world is one support point (`support_point`) with one of its groups (`persona_group`: the shared `group`,
unless an app's conftest points it at its own group), a second group of the same support point (`other_group`)
and another support point (`other_support_point`).

| persona                 | who                                                              |
|-------------------------|------------------------------------------------------------------|
| anonymous               | nobody signed in (None)                                          |
| outsider                | an account without any role                                      |
| viewer, editor, manager | a member of the support point in that role                       |
| member                  | the editor, for tables that list one member of the support point |
| other_member            | a manager of the other support point                             |
| contact                 | the contact person of `persona_group`                            |
| other_contact           | the contact person of `other_group`                              |
| professional_a          | an approved GP who refers to the support point's groups          |
| professional_b          | an approved social worker, the same                              |
| professional            | professional_a, for tables that list one professional            |
| municipality_a          | a policy officer with access to municipality A (Geldrop-Mierlo)  |
| staff                   | platform staff (a superuser)                                     |

`people` builds a persona the first time a test asks for it, so a test that never mentions the municipality
officer has none. `personas` is the same set; an app's conftest overrides it to build its usual cast before the
test starts (`Personas.build`), so that its pages see the people they were written against: a persona built
inside a transaction the test rolls back would be gone afterwards.

Registered for the whole suite by tests/conftest.py (pytest_plugins).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from samenspel.directory.models import Group, Organisation, Theme
from samenspel.insight.models import MunicipalityAccess
from samenspel.referral.models import Professional, ProfessionalRole, ProfessionalStatus
from samenspel.workspace.models import GroupContact, Membership, Role

PASSWORD = "a-long-test-password"
MUNICIPALITY_A = "Geldrop-Mierlo"


def make_user(email: str, password: str = PASSWORD) -> Any:
    return get_user_model().objects.create_user(username=email, email=email, password=password)


def make_member(support_point: Organisation, role: str, email: str | None = None) -> Any:
    user = make_user(email or f"{role}@steunpunt.example.org")
    Membership.objects.create(user=user, support_point=support_point, role=role)
    return user


def make_contact(group: Group, email: str) -> Any:
    user = make_user(email)
    GroupContact.objects.create(user=user, group=group)
    return user


def make_professional(
    email: str, support_point: Organisation, role: str = ProfessionalRole.GP, status: str = ProfessionalStatus.APPROVED
) -> Any:
    user = make_user(email)
    Professional.objects.create(
        user=user, organisation="Huisartsenpraktijk Test", role=role, support_point=support_point, status=status
    )
    return user


def make_municipality_officer(email: str, municipality: str) -> Any:
    user = make_user(email)
    MunicipalityAccess.objects.create(user=user, municipality=municipality)
    return user


def make_staff(email: str) -> Any:
    user = make_user(email)
    user.is_staff = user.is_superuser = True
    user.save()
    return user


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


def client_for(persona: Any) -> Client:
    """A client that reads English (the source strings), signed in as `persona` unless it is anonymous (None)."""
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    if persona is not None:
        sign_in(client, persona)
    return client


Build = Callable[["Personas"], Any]

BUILDERS: dict[str, Build] = {
    "anonymous": lambda p: None,
    "outsider": lambda p: make_user("outsider@example.org"),
    "viewer": lambda p: make_member(p.world("support_point"), Role.VIEWER),
    "editor": lambda p: make_member(p.world("support_point"), Role.EDITOR),
    "manager": lambda p: make_member(p.world("support_point"), Role.MANAGER),
    "member": lambda p: p["editor"],
    "other_member": lambda p: make_member(p.world("other_support_point"), Role.MANAGER, "manager@elders.example.org"),
    "contact": lambda p: make_contact(p.world("persona_group"), "contact@example.org"),
    "other_contact": lambda p: make_contact(p.world("other_group"), "contact-rouw@example.org"),
    "professional_a": lambda p: make_professional("gp-a@praktijk.example.nl", p.world("support_point")),
    "professional_b": lambda p: make_professional(
        "gp-b@praktijk.example.nl", p.world("support_point"), role=ProfessionalRole.SOCIAL_WORKER
    ),
    "professional": lambda p: p["professional_a"],
    "municipality_a": lambda p: make_municipality_officer("beleid@geldrop-mierlo.example.nl", MUNICIPALITY_A),
    "staff": lambda p: make_staff("staf@samenspel.example.org"),
}


class Personas(dict[str, Any]):
    """The personas of one test, by name; each is built from the test's world the first time it is asked for.

    A dict, so that tables and helpers written against a dict of personas read it as before.
    """

    def __init__(self, request: pytest.FixtureRequest | None = None, world: dict[str, Any] | None = None) -> None:
        # From a test's fixtures (`request`), or from rows built once for a module (`world`, see built_once).
        super().__init__()
        self._request = request
        self._world = world

    def __missing__(self, name: str) -> Any:
        if name not in BUILDERS:
            raise KeyError(f"no persona {name!r}: the personas are {', '.join(BUILDERS)}")
        self[name] = persona = BUILDERS[name](self)
        return persona

    def world(self, fixture: str) -> Any:
        # The world's fixtures are asked for only when a persona needs them: the insight tests build their own
        # region and never need a group with a contact person.
        if self._world is not None:
            return self._world[fixture]
        assert self._request is not None
        return self._request.getfixturevalue(fixture)

    def build(self, *names: str) -> Personas:
        """Build these personas now, before the test starts; the same object, for a fixture to return."""
        for name in names:
            self[name]
        return self


def make_other_support_point() -> Organisation:
    return Organisation.objects.create(slug="steunpunt-elders", kind="support_point", name="Steunpunt Elders")


def make_other_group(persona_group: Group) -> Group:
    g = Group.objects.create(
        slug="lotgenoten-rouw",
        name_nl="Rouwgroep",
        support_point=persona_group.support_point,
        contact_email="rouw@example.org",
    )
    g.themes.set([Theme.objects.get(slug="depression")])
    return g


@pytest.fixture
def other_support_point(db: None) -> Organisation:
    return make_other_support_point()


@pytest.fixture
def persona_group(group: Group) -> Group:
    """The group whose contact person is the `contact` persona; an app's conftest may point it at its own group."""
    return group


@pytest.fixture
def other_group(persona_group: Group) -> Group:
    """A second group of the same support point, with a contact person of its own (`other_contact`)."""
    return make_other_group(persona_group)


@pytest.fixture
def people(request: pytest.FixtureRequest, db: None) -> Personas:
    """Every persona, each built the first time the test asks for it."""
    return Personas(request)


@pytest.fixture
def personas(people: Personas) -> Personas:
    """The personas a test asks for; an app's conftest overrides this to build its usual cast up front."""
    return people
