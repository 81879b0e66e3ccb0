"""Network meetings of trusted persons: an agenda and at most three anonymous cases, read only by the network."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from samenspel.directory.models import Organisation
from samenspel.network.models import Meeting, MeetingCase
from samenspel.network.services import meeting_case_add, meeting_create
from tests.personas import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(cast: dict[str, Any], support_point: Organisation) -> Meeting:
    return meeting_create(
        support_point=support_point, held_on=datetime.date(2026, 12, 15), agenda="Debts; loneliness", actor=None
    )


def test_a_manager_plans_a_meeting_that_key_persons_find_in_their_network(
    cast: dict[str, Any], support_point: Organisation
) -> None:
    url = reverse("network:meetings", args=[support_point.slug])
    assert client_for(cast["viewer"]).post(url, {"held_on": "2026-12-15"}).status_code == 403
    response = client_for(cast["manager"]).post(url, {"held_on": "2026-12-15", "agenda": "Debts"})
    assert response.status_code == 302
    found = Meeting.objects.get()
    circle = client_for(cast["key_person"]).get(reverse("network:circle")).content.decode()
    assert reverse("network:meeting", args=[found.uuid]) in circle


def test_a_key_person_brings_an_anonymous_case_and_a_fourth_is_refused(cast: dict[str, Any], meeting: Meeting) -> None:
    url = reverse("network:meeting", args=[meeting.uuid])
    client = client_for(cast["key_person"])
    response = client.post(url, {"text": "A mother of three with letters from the tax office she cannot read."})
    assert response.status_code == 302
    for i in range(2):
        meeting_case_add(meeting=meeting, text=f"Case {i}", actor=cast["manager"])
    response = client.post(url, {"text": "One more"})
    assert response.status_code == 400
    assert "already has 3 cases" in response.content.decode()
    assert MeetingCase.objects.count() == 3
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM network_meetingcase")
        assert all("tax office" not in raw for (raw,) in cursor.fetchall()), "encrypted at rest"


def test_a_case_that_names_someone_is_refused(cast: dict[str, Any], meeting: Meeting) -> None:
    response = client_for(cast["key_person"]).post(
        reverse("network:meeting", args=[meeting.uuid]), {"text": "Meneer Bakker is 45 en woont in Woensel"}
    )
    assert response.status_code == 400
    assert not MeetingCase.objects.exists()


def test_only_the_network_of_the_support_point_reads_the_meeting(cast: dict[str, Any], meeting: Meeting) -> None:
    meeting_case_add(meeting=meeting, text="A situation", actor=cast["manager"])
    url = reverse("network:meeting", args=[meeting.uuid])
    assert "A situation" in client_for(cast["viewer"]).get(url).content.decode()
    assert client_for(cast["viewer"]).post(url, {"text": "x"}).status_code == 403
    for outsider in ("other_key_person", "other_member", "professional", "staff", "outsider"):
        assert client_for(cast[outsider]).get(url).status_code == 404, outsider


def test_cases_are_deleted_three_months_after_the_meeting(cast: dict[str, Any], meeting: Meeting) -> None:
    case = meeting_case_add(meeting=meeting, text="A situation", actor=cast["manager"])
    call_command("purge_network_notes", today=case.delete_after.isoformat())
    assert MeetingCase.objects.exists()
    call_command("purge_network_notes", today=(case.delete_after + datetime.timedelta(days=1)).isoformat())
    assert not MeetingCase.objects.exists()
    assert Meeting.objects.filter(pk=meeting.pk).exists()
