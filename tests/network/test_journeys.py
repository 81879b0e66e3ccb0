"""Warm toeleiding as steps: dated, without the person's identity, linked to the key person's own handover."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from samenspel.directory.models import Group, Language, Theme
from samenspel.network.models import Journey, JourneyStep, JourneyStepDone
from samenspel.referral.models import Handover, HandoverKind, ProfessionalRole, ReferralCount
from samenspel.referral.services import handover_create
from tests.network.conftest import key_person
from tests.personas import client_for

pytestmark = pytest.mark.django_db


def _start(client: Any) -> Journey:
    theme = Theme.objects.get(slug="depression")
    response = client.post(
        reverse("network:journeys"), {"theme": theme.pk, "language": Language.objects.get(code="tr").pk}
    )
    assert response.status_code == 302
    return Journey.objects.latest("created_at")


def _handover(user: Any, group: Group) -> Handover:
    return handover_create(
        group=group,
        professional=user.professional,
        consent=True,
        kind=HandoverKind.MAY_CONTACT_YOU,
        absolute_url=lambda path: "http://testserver" + path,
    )


def test_a_key_person_takes_dated_steps_and_links_their_own_handover(cast: dict[str, Any], group: Group) -> None:
    client = client_for(cast["key_person"])
    journey = _start(client)
    url = reverse("network:journey", args=[journey.uuid])
    assert client.post(url, {"step": "listened"}).status_code == 302
    # The handover goes through the referral room, as a professional's does: counted as a key person's.
    assert (
        client.post(
            reverse("referral:handover_new", args=[group.slug]), {"consent": "yes", "kind": "may_contact_you"}
        ).status_code
        == 302
    )
    handover = Handover.objects.get()
    assert handover.role == ProfessionalRole.KEY_PERSON
    assert ReferralCount.objects.get(kind="handover").role == ProfessionalRole.KEY_PERSON
    last_week = timezone.localdate() - datetime.timedelta(days=7)
    response = client.post(
        url, {"step": "handover", "handover": str(handover.uuid), "group": group.pk, "day": last_week.isoformat()}
    )
    assert response.status_code == 302, response.content.decode()
    assert client.post(url, {"step": "accompanied"}).status_code == 302
    assert client.post(url, {"step": "aftercare"}).status_code == 302
    journey.refresh_from_db()
    assert journey.handover == handover and journey.group == group
    steps = [(s.step, s.day) for s in JourneyStepDone.objects.filter(journey=journey).order_by("day", "created_at")]
    assert steps[0] == (JourneyStep.HANDOVER, last_week)
    assert [s for s, _day in steps] == ["handover", "listened", "accompanied", "aftercare"]
    page = client.get(url).content.decode()
    assert "Went along to the first contact" in page and "Aftercare" in page


def test_another_key_persons_handover_cannot_be_linked(cast: dict[str, Any], group: Group) -> None:
    client = client_for(cast["key_person"])
    journey = _start(client)
    theirs = _handover(cast["other_key_person"], group)
    response = client.post(
        reverse("network:journey", args=[journey.uuid]), {"step": "handover", "handover": str(theirs.uuid)}
    )
    assert response.status_code == 400
    journey.refresh_from_db()
    assert journey.handover is None


def test_a_journey_is_seen_by_its_key_person_only(cast: dict[str, Any]) -> None:
    journey = _start(client_for(cast["key_person"]))
    url = reverse("network:journey", args=[journey.uuid])
    assert client_for(cast["other_key_person"]).get(url).status_code == 404
    assert client_for(cast["manager"]).get(url).status_code == 403, "not a key person"


def test_the_figures_count_steps_by_kind(cast: dict[str, Any], support_point: Any) -> None:
    client = client_for(cast["key_person"])
    for _i in range(5):
        journey = _start(client)
        client.post(reverse("network:journey", args=[journey.uuid]), {"step": "accompanied"})
    body = client_for(cast["viewer"]).get(reverse("network:figures", args=[support_point.slug])).content.decode()
    assert "Went along to the first contact" in body
    assert key_person(cast["key_person"]).journeys.count() == 5


def test_a_closed_journey_takes_no_more_steps(cast: dict[str, Any]) -> None:
    client = client_for(cast["key_person"])
    journey = _start(client)
    url = reverse("network:journey", args=[journey.uuid])
    assert client.post(url, {"close": "1"}).status_code == 302
    assert client.post(url, {"step": "listened"}).status_code == 400


def test_a_key_person_hears_once_when_a_handover_waits_a_week(cast: dict[str, Any], group: Group) -> None:
    from django.core import mail
    from django.core.management import call_command

    handover = _handover(cast["key_person"], group)
    Handover.objects.filter(pk=handover.pk).update(created_at=timezone.now() - datetime.timedelta(days=6))
    mail.outbox.clear()
    call_command("remind_waiting_handovers")
    assert not [m for m in mail.outbox if m.to == [cast["key_person"].email]], "not before a week"
    Handover.objects.filter(pk=handover.pk).update(created_at=timezone.now() - datetime.timedelta(days=8))
    call_command("remind_waiting_handovers")
    call_command("remind_waiting_handovers")
    (reminder,) = [m for m in mail.outbox if m.to == [cast["key_person"].email]]
    assert group.name in reminder.body
    assert reverse("network:journeys") in reminder.body


def test_no_reminder_for_a_handover_the_group_answered(cast: dict[str, Any], group: Group) -> None:
    from django.core import mail
    from django.core.management import call_command

    handover = _handover(cast["key_person"], group)
    Handover.objects.filter(pk=handover.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=8), status="contacted"
    )
    mail.outbox.clear()
    call_command("remind_waiting_handovers")
    assert not [m for m in mail.outbox if m.to == [cast["key_person"].email]]
