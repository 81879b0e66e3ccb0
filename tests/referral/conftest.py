from __future__ import annotations

import datetime
from typing import Any

import pytest

from samenspel.directory.models import Group, Language, Location, Organisation, Schedule, Theme
from samenspel.referral.models import Handover, HandoverKind
from samenspel.referral.services import handover_create
from tests.personas import Personas

# As in every signed-in room: a fresh rate-limit budget per test, and a client that reads English.
from tests.rooms import _fresh_rate_limits, client

__all__ = ["_fresh_rate_limits", "client"]


@pytest.fixture
def few_references(db: None) -> None:
    """The two themes and three languages these tests use: loading the whole reference set costs seconds a test.

    Tests that search need the synonyms too: they ask for `reference` as well (get_or_create keeps both apart).
    """
    for code, name, local in (("nl", "Dutch", "Nederlands"), ("en", "English", "English"), ("tr", "Turkish", "Türkçe")):
        Language.objects.get_or_create(code=code, defaults={"name_en": name, "name_nl": name, "name_local": local})
    Theme.objects.get_or_create(
        slug="gambling", defaults={"label_nl": "Problemen met gokken", "label_en": "Gambling", "category": "addiction"}
    )
    Theme.objects.get_or_create(
        slug="depression", defaults={"label_nl": "Depressie", "label_en": "Depression", "category": "mental"}
    )


@pytest.fixture
def gambling_group(few_references: None, support_point: Organisation) -> Group:
    """A Turkish-speaking gambling group in Eindhoven (the issue's example)."""
    location = Location(name="Buurthuis Woensel", street="Kruisstraat 1", postcode="5612 CJ", municipality="Eindhoven")
    location.full_clean()
    location.save()
    group = Group.objects.create(
        slug="kumar-destek-grubu",
        name_nl="Gokken: praatgroep in het Turks",
        name_en="Gambling: talking group in Turkish",
        name_tr="Kumar sorunu: Türkçe konuşma grubu",
        description_nl="Voor mannen en vrouwen die gokken en ermee willen stoppen.",
        description_tr="Kumar oynayan ve bırakmak isteyen kişiler için.",
        intake="contact_first",
        support_point=support_point,
        location=location,
        contact_email="kumar@steunpunt.example.org",
        contact_phone="040 123 4567",
    )
    group.themes.set([Theme.objects.get(slug="gambling")])
    group.languages.set([Language.objects.get(code="tr"), Language.objects.get(code="nl")])
    Schedule.objects.create(
        group=group,
        kind="weekly",
        weekdays=[1],
        start_time=datetime.time(19, 0),
        end_time=datetime.time(21, 0),
        valid_from=datetime.date(2026, 1, 1),
    )
    return group


@pytest.fixture
def persona_group(gambling_group: Group) -> Group:
    # The contact persona is the gambling group's contact person; the other group is made beside it.
    return gambling_group


@pytest.fixture
def personas(
    people: Personas, gambling_group: Group, other_group: Group, other_support_point: Organisation
) -> Personas:
    # The referral cast, all there before a test starts: a table rolls back each persona's request, and a
    # persona built inside that transaction would be gone for the next one.
    return people.build(
        "anonymous",
        "outsider",
        "professional_a",
        "professional_b",
        "contact",
        "other_contact",
        "member",
        "other_member",
    )


def absolute(path: str) -> str:
    return "http://testserver" + path


@pytest.fixture
def handover(gambling_group: Group, personas: dict[str, Any]) -> Handover:
    return handover_create(
        group=gambling_group,
        professional=personas["professional_a"].professional,
        consent=True,
        kind=HandoverKind.PLEASE_CONTACT,
        contact_name="Mehmet",
        contact_phone="+31612345678",
        contact_email="mehmet@example.com",
        preferred_language="tr",
        note="Liever 's avonds bellen",
        absolute_url=absolute,
    )
