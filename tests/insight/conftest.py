"""A small built region around Geldrop-Mierlo (municipality A) and Eindhoven (municipality B, about 6 km away).

Geldrop-Mierlo has two places, Geldrop and Mierlo; a group far away meets in Groningen; two groups meet
online. Themes are a small taxonomy of the real reference data's shape: four main themes, a few below them.
"""

from __future__ import annotations

import datetime
import re

import pytest

from samenspel.directory.models import Group, GroupFreshness, Language, Location, Organisation, Theme
from samenspel.referral.models import ProfessionalRole, ReferralCount
from tests.personas import MUNICIPALITY_A, Personas

# As in every signed-in room: a fresh rate-limit budget per test, and a client that reads English.
from tests.rooms import _fresh_rate_limits, client

__all__ = ["_fresh_rate_limits", "client"]

# The municipality_a persona has access to municipality A.
A_NAME = MUNICIPALITY_A
A_SLUG = "geldrop-mierlo"
B_NAME = "Eindhoven"
B_SLUG = "eindhoven"

MAIN_THEMES = {
    "somatic": "Physical health",
    "mental": "Mental health",
    "addiction": "Addiction",
    "social": "Special life situations",
}
SUB_THEMES = {
    "depression": ("mental", "Depression"),
    "gambling": ("addiction", "Gambling"),
    "alcohol": ("addiction", "Alcohol"),
    "grief": ("social", "Grief"),
    "cancer": ("somatic", "Cancer"),
}


@pytest.fixture
def themes(db: None) -> dict[str, Theme]:
    found = {
        slug: Theme.objects.create(slug=slug, label_en=label, label_nl=label, category=slug)
        for slug, label in MAIN_THEMES.items()
    }
    for slug, (parent, label) in SUB_THEMES.items():
        found[slug] = Theme.objects.create(
            slug=slug, label_en=label, label_nl=label, category=parent, parent=found[parent]
        )
    return found


@pytest.fixture
def languages(db: None) -> dict[str, Language]:
    return {
        code: Language.objects.create(code=code, name_en=name, name_nl=name, name_local=name)
        for code, name in (("nl", "Dutch"), ("tr", "Turkish"), ("ar", "Arabic"))
    }


def make_group(
    slug: str,
    *,
    support_point: Organisation,
    postcode: str = "",
    themes: list[Theme],
    languages: tuple[Language, ...] | list[Language] = (),
    status: str = "active",
    disclosure: str = "public",
) -> Group:
    if disclosure == "online":
        location = Location(disclosure="online", online_url="https://meet.example.org/" + slug)
    else:
        location = Location(name=f"Buurthuis {slug}", street="Kerkstraat 1", postcode=postcode, disclosure=disclosure)
    location.full_clean()
    location.save()
    group = Group.objects.create(
        slug=slug,
        name_nl=f"Groep {slug}",
        name_en=f"Group {slug}",
        support_point=support_point,
        location=location,
        status=status,
        contact_email=f"{slug}@groups.example.org",
    )
    group.themes.set(themes)
    group.languages.set(languages)
    return group


@pytest.fixture
def region(support_point: Organisation, themes: dict[str, Theme], languages: dict[str, Language]) -> dict[str, Group]:
    t, lang = themes, languages
    sp = support_point
    groups = {
        # In Geldrop-Mierlo and meeting now.
        "geldrop_depression": make_group(
            "geldrop-depressie", support_point=sp, postcode="5661 AA", themes=[t["depression"]], languages=[lang["nl"]]
        ),
        "geldrop_gambling": make_group(
            "geldrop-gokken",
            support_point=sp,
            postcode="5664",
            themes=[t["gambling"]],
            languages=[lang["tr"], lang["nl"]],
            status="looking",
            disclosure="area",
        ),
        "mierlo_grief": make_group(
            "mierlo-rouw",
            support_point=sp,
            postcode="5731 AB",
            themes=[t["depression"], t["grief"]],
            languages=[lang["nl"]],
        ),
        # In Geldrop-Mierlo, but not meeting now or not on the map: never counted.
        "mierlo_paused": make_group(
            "mierlo-kanker", support_point=sp, postcode="5731", themes=[t["cancer"]], status="paused"
        ),
        "geldrop_stopped": make_group(
            "geldrop-alcohol", support_point=sp, postcode="5662", themes=[t["alcohol"]], status="stopped"
        ),
        "geldrop_hidden": make_group("geldrop-verborgen", support_point=sp, postcode="5663", themes=[t["cancer"]]),
        # Eindhoven: nearby for Geldrop-Mierlo.
        "eindhoven_alcohol": make_group(
            "eindhoven-alcohol", support_point=sp, postcode="5611 AB", themes=[t["alcohol"]], languages=[lang["nl"]]
        ),
        "eindhoven_depression": make_group(
            "eindhoven-depressie", support_point=sp, postcode="5612", themes=[t["depression"]], languages=[lang["ar"]]
        ),
        # Far away.
        "groningen_cancer": make_group("groningen-kanker", support_point=sp, postcode="9711", themes=[t["cancer"]]),
        # Online: anyone can join, wherever they live.
        "online_grief": make_group("online-rouw", support_point=sp, themes=[t["grief"]], disclosure="online"),
        "online_gambling": make_group("online-gokken", support_point=sp, themes=[t["gambling"]], disclosure="online"),
    }
    GroupFreshness.objects.create(
        group=groups["geldrop_hidden"], hidden_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    )
    return groups


def add_count(group: Group, kind: str, role: str, month: datetime.date, count: int) -> None:
    ReferralCount.objects.create(group=group, kind=kind, role=role, month=month, count=count)


MARCH = datetime.date(2026, 3, 1)
APRIL = datetime.date(2026, 4, 1)


@pytest.fixture
def referral_counts(region: dict[str, Group]) -> None:
    add_count(region["geldrop_depression"], "slip", ProfessionalRole.GP, MARCH, 7)
    add_count(region["geldrop_depression"], "handover", ProfessionalRole.POH_GGZ, MARCH, 2)
    add_count(region["mierlo_grief"], "slip", ProfessionalRole.SOCIAL_WORKER, APRIL, 5)
    add_count(region["eindhoven_alcohol"], "slip", ProfessionalRole.GP, MARCH, 9)
    add_count(region["online_grief"], "slip", ProfessionalRole.GP, APRIL, 11)


@pytest.fixture
def personas(people: Personas, region: dict[str, Group]) -> Personas:
    # The insight cast, there before a test starts, in the built region.
    return people.build("anonymous", "outsider", "member", "professional", "municipality_a", "staff")


def table_rows(body: str) -> dict[str, list[str]]:
    """Each table row of a page as {row heading: [the numbers in its cells]}, whatever the cells' attributes."""
    rows = re.findall(r'<tr><th scope="row">(.*?)</th>(.*?)</tr>', body)
    return {label: re.findall(r"<td[^>]*>(.*?)</td>", cells) for label, cells in rows}
