from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone

from samenspel.directory.models import Group, Theme
from samenspel.presentations import services
from samenspel.presentations.models import PresentationRequest, Status
from tests.rooms import _fresh_rate_limits

__all__ = ["_fresh_rate_limits"]


def ask(group: Group, asker: Any = None, *, with_group: bool = True) -> PresentationRequest:
    return services.request_create(
        support_point=group.support_point,
        team="Wijkteam Noord",
        organisation="Vluchtelingenwerk Eindhoven",
        contact_name="Muna",
        contact_email="muna@vluchtelingenwerk.example.org",
        contact_phone="",
        wished_dates="Dinsdagochtend, januari",
        audience_size=12,
        themes=[Theme.objects.get(slug="depression")],
        group=group if with_group else None,
        message="Graag met folders.",
        actor=asker,
    )


@pytest.fixture
def presentation(group: Group, people: Any) -> PresentationRequest:
    people.build("contact")  # the group's contact person, who is asked whether the group comes
    return ask(group, people["professional"])


def held(request: PresentationRequest) -> PresentationRequest:
    """Planned, then the date passed."""
    services.request_plan(
        request=request,
        starts_at=timezone.now() + datetime.timedelta(days=3),
        minutes=45,
        place="Kantoor",
        presenters="Anna van het steunpunt",
        group_presents=False,
        actor=None,
    )
    PresentationRequest.objects.filter(pk=request.pk).update(starts_at=timezone.now() - datetime.timedelta(days=1))
    request.refresh_from_db()
    assert request.status == Status.PLANNED
    return request
