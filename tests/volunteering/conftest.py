from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache

from samenspel.directory.models import Language, Organisation
from samenspel.volunteering import services
from samenspel.volunteering.models import RoleKind, Volunteer, VolunteerRole


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    cache.clear()


def make_role(support_point: Organisation) -> VolunteerRole:
    """The support point's translator role (reference data loaded first)."""
    r = VolunteerRole.objects.create(
        support_point=support_point,
        kind=RoleKind.TRANSLATOR,
        title="Tolk Arabisch bij de vrouwengroep",
        description="Je vertaalt tijdens de bijeenkomst, zodat iedereen mee kan praten.",
        time_needed="Twee uur per maand",
        times=["weekday_evening"],
        place="Eindhoven",
    )
    r.languages.set([Language.objects.get(code="ar")])
    return r


@pytest.fixture
def role(reference: None, support_point: Organisation) -> VolunteerRole:
    return make_role(support_point)


@pytest.fixture
def host_role(reference: None, support_point: Organisation) -> VolunteerRole:
    return VolunteerRole.objects.create(
        support_point=support_point,
        kind=RoleKind.HOST,
        title="Gastvrouw of gastheer",
        description="Je zet koffie en heet nieuwe mensen welkom.",
        times=["weekday_day"],
    )


def sign_up(support_point: Organisation, role: VolunteerRole | None = None, **extra: Any) -> Volunteer:
    data: dict[str, Any] = {
        "support_point": support_point,
        "interested_in": role,
        "name": "Samira",
        "email": "samira@example.org",
        "phone": "06 12345678",
        "give": "Ik spreek Arabisch en vertaal graag voor vrouwen.",
        "wants": ["meet_people", "give_back"],
        "times": ["weekday_evening"],
        "pc4": "5611",
        "languages": list(Language.objects.filter(code__in=["ar", "nl"])),
        "consent": True,
        "mail_language": "nl",
        **extra,
    }
    return services.volunteer_sign_up(**data)


@pytest.fixture
def volunteer(role: VolunteerRole, support_point: Organisation) -> Volunteer:
    return sign_up(support_point, role)
