"""The world of cooperation: three support points. A (`support_point`, Eindhoven) forwards; B
(`other_support_point`, Helmond, a neighbour) receives; C (`third_support_point`, Groningen) is neither."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache

from samenspel.directory.models import Group, Location, Organisation, Theme
from samenspel.finder.models import Question, ReplyBy
from samenspel.public_notes.models import Registration, RegistrationStatus
from samenspel.public_notes.registrations import fingerprint
from samenspel.workspace.models import Role
from tests.personas import make_member

CITIZEN = "vrager@example.org"
MESSAGE = "Ik woon in Helmond en zoek een groep voor mijn zoon. Kan iemand mij bellen?"


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    cache.clear()


def make_support_point() -> Organisation:
    return Organisation.objects.create(
        slug="steunpunt-test",
        kind="support_point",
        name="Steunpunt Test",
        email="info@steunpunt.example.org",
        municipality="Eindhoven",
    )


@pytest.fixture
def support_point(db: None) -> Organisation:
    return make_support_point()


def make_other_support_point() -> Organisation:
    return Organisation.objects.create(
        slug="steunpunt-elders",
        kind="support_point",
        name="Steunpunt Elders",
        email="info@elders.example.org",
        municipality="Helmond",
    )


@pytest.fixture
def other_support_point(db: None) -> Organisation:
    return make_other_support_point()


def make_third_support_point() -> Organisation:
    return Organisation.objects.create(
        slug="steunpunt-noord",
        kind="support_point",
        name="Steunpunt Noord",
        email="info@noord.example.org",
        municipality="Groningen",
    )


@pytest.fixture
def third_support_point(db: None) -> Organisation:
    return make_third_support_point()


@pytest.fixture
def third_member(third_support_point: Organisation) -> Any:
    return make_member(third_support_point, Role.MANAGER, "manager@noord.example.org")


def _group(slug: str, name: str, sp: Organisation, postcode: str, disclosure: str, **extra: Any) -> Group:
    loc = Location(name="Huiskamer", street="Geheimstraat 3", postcode=postcode, disclosure=disclosure)
    loc.full_clean()
    loc.save()
    g = Group.objects.create(
        slug=slug, name_nl=name, support_point=sp, location=loc, contact_email=f"{slug}@example.org", **extra
    )
    g.themes.set([Theme.objects.get(slug="depression")])
    return g


@pytest.fixture
def neighbour_groups(reference: None, other_support_point: Organisation, third_support_point: Organisation) -> dict:
    return {
        "area": _group("helmond-somber", "Somber in Helmond", other_support_point, "5701 AB", "area"),
        "stopped": _group(
            "helmond-gestopt", "Gestopte groep", other_support_point, "5702 AB", "public", status="stopped"
        ),
        "far": _group("groningen-somber", "Somber in Groningen", third_support_point, "9711 AB", "public"),
    }


def make_question(group: Group, message: str = MESSAGE, **extra: Any) -> Question:
    q = Question(group=group, message=message, reply_by=ReplyBy.EMAIL, reply_email=CITIZEN, preferred_language="nl")
    for k, v in extra.items():
        setattr(q, k, v)
    q.save()
    return q


@pytest.fixture
def question(group: Group) -> Question:
    return make_question(group)


def make_registration(support_point: Organisation) -> Registration:
    reg = Registration.objects.create(
        kind="group",
        name="Praatgroep mantelzorgers Helmond",
        description="Wij komen al een jaar samen in Helmond.",
        pc4="5701",
        support_point=support_point,
        email="initiatief@example.org",
        fingerprint=fingerprint("initiatief@example.org", "Praatgroep mantelzorgers Helmond", support_point),
        status=RegistrationStatus.PENDING,
        consent=True,
        confirmed_at="2026-12-01T10:00:00Z",
    )
    return reg


@pytest.fixture
def registration(reference: None, support_point: Organisation) -> Registration:
    return make_registration(support_point)
