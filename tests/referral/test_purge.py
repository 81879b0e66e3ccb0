"""purge_referrals deletes exactly the handovers whose retention has ended, and keeps every count."""

from __future__ import annotations

import datetime
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from samenspel.directory.models import Group
from samenspel.referral.models import Handover, HandoverKind, ReferralCount
from samenspel.referral.services import handover_create
from tests.referral.conftest import absolute

pytestmark = pytest.mark.django_db


def _handover(group: Group, professional: Any, created: datetime.datetime) -> Handover:
    made = handover_create(
        group=group,
        professional=professional,
        consent=True,
        kind=HandoverKind.PLEASE_CONTACT,
        contact_name="Mehmet",
        contact_phone="0612345678",
        absolute_url=absolute,
    )
    # As if it had been sent on that day: the deletion date follows from the day it was made.
    Handover.objects.filter(pk=made.pk).update(
        created_at=created, delete_after=created.date() + datetime.timedelta(days=30)
    )
    return Handover.objects.get(pk=made.pk)


def _purge(today: datetime.date) -> str:
    out = StringIO()
    call_command("purge_referrals", today=today.isoformat(), stdout=out)
    return out.getvalue()


def test_it_deletes_exactly_what_is_due(gambling_group: Group, personas: dict[str, Any]) -> None:
    professional = personas["professional_a"].professional
    now = timezone.now()
    day = datetime.timedelta(days=1)
    old = _handover(gambling_group, professional, now - 31 * day)  # last kept day was yesterday
    boundary = _handover(gambling_group, professional, now - 30 * day)  # today is its last day
    new = _handover(gambling_group, professional, now)
    today = timezone.localdate()
    assert old.delete_after == today - day
    assert boundary.delete_after == today

    assert _purge(today) == "Deleted 1 expired warm handover(s).\n"
    assert set(Handover.objects.values_list("pk", flat=True)) == {boundary.pk, new.pk}

    # Idempotent: the same day again deletes nothing more.
    assert _purge(today) == "Deleted 0 expired warm handover(s).\n"

    # One day on, the boundary handover goes too, and only it.
    assert _purge(today + day) == "Deleted 1 expired warm handover(s).\n"
    assert list(Handover.objects.values_list("pk", flat=True)) == [new.pk]

    # The counts stay whatever is deleted.
    assert ReferralCount.objects.get(kind="handover").count == 3


def test_a_wrong_date_is_refused() -> None:
    with pytest.raises(CommandError):
        call_command("purge_referrals", today="yesterday")
