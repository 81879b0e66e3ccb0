"""Speakers: the support point's list, a group asks for one through a request for support that links to the speaker."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from samenspel.directory.models import Organisation
from samenspel.facilities import services
from samenspel.facilities.models import Speaker, SpeakerRequest
from samenspel.workspace.models import FacilitationKind, FacilitationRequest
from tests.personas import sign_in

pytestmark = pytest.mark.django_db


def test_a_group_asking_for_a_speaker_makes_a_request_for_support_that_names_the_speaker(
    speaker_request, speaker
) -> None:
    request = speaker_request.facilitation_request
    assert request.kind == FacilitationKind.SPEAKER
    assert request.description == "Een avond over herstel"
    assert speaker_request.speaker == speaker
    [notice] = mail.outbox
    assert notice.to == ["info@steunpunt.example.org"]
    assert speaker.name in notice.body


def test_a_speaker_of_another_support_point_cannot_be_asked(group) -> None:
    elders = Organisation.objects.create(slug="elders", kind="support_point", name="Elders")
    foreign = Speaker.objects.create(support_point=elders, name="X", kind="person", topic="Y", contact="z")
    with pytest.raises(ValueError):
        services.speaker_ask(group=group, speaker=foreign, description="", wished_date=None, actor=None)
    assert FacilitationRequest.objects.count() == 0


def test_the_support_point_links_a_speaker_to_an_earlier_request(group, speaker, client, personas) -> None:
    from samenspel.workspace.services.support import facilitation_request_create

    earlier = facilitation_request_create(
        group=group, kind=FacilitationKind.SPEAKER, description="Iemand over rouw", actor=None
    )
    sign_in(client, personas["editor"])
    url = reverse("facilities:speaker_link", kwargs={"request_uuid": earlier.uuid})
    assert client.post(url, {"speaker": str(speaker.uuid)}).status_code == 302
    assert SpeakerRequest.objects.get(facilitation_request=earlier).speaker == speaker
    page = client.get(
        reverse("facilities:speaker", kwargs={"slug": speaker.support_point.slug, "speaker_uuid": speaker.uuid})
    )
    assert group.name in page.content.decode()


def test_the_contact_asks_for_a_speaker_from_the_list_without_seeing_how_to_reach_them(
    client, personas, group, speaker
) -> None:
    sign_in(client, personas["contact"])
    url = reverse("facilities:speaker_ask", kwargs={"group_uuid": group.uuid})
    page = client.get(url).content.decode()
    assert speaker.name in page and "anna@example.org" not in page
    response = client.post(
        url, {"speaker": str(speaker.uuid), "description": "Over herstel", "wished_date": "2027-02-01"}
    )
    assert response.status_code == 302
    link = SpeakerRequest.objects.get()
    assert link.wished_date == datetime.date(2027, 2, 1) and link.facilitation_request.group == group


def test_a_request_without_a_speaker_chosen_gets_an_error_and_stores_nothing(client, personas, group, speaker) -> None:
    sign_in(client, personas["contact"])
    url = reverse("facilities:speaker_ask", kwargs={"group_uuid": group.uuid})
    assert client.post(url, {"description": "Over herstel"}).status_code == 400
    assert FacilitationRequest.objects.count() == 0


def test_deleting_a_speaker_keeps_the_groups_request(speaker_request, speaker) -> None:
    services.speaker_delete(speaker=speaker, actor=None)
    speaker_request.refresh_from_db()
    assert speaker_request.speaker is None
    assert FacilitationRequest.objects.count() == 1


def test_speakers_unconfirmed_for_two_years_are_deleted(speaker) -> None:
    Speaker.objects.filter(pk=speaker.pk).update(checked_on=datetime.date(2024, 1, 1))
    assert services.speakers_purge(today=datetime.date(2025, 12, 31)) == 0
    call_command("purge_facilities")
    assert Speaker.objects.count() == 0
