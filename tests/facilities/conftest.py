from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from samenspel.directory.models import Group, Language, Organisation, Theme
from samenspel.facilities import services
from samenspel.facilities.models import Room, RoomRequest, Speaker, SpeakerRequest


def make_room(support_point: Organisation) -> Room:
    return Room.objects.create(
        support_point=support_point,
        name="Grote zaal",
        owner="Bibliotheek Centrum",
        street="Emmasingel 22",
        postcode="5611 AZ",
        town="Eindhoven",
        capacity=14,
        wheelchair_accessible=True,
        cost="Gratis voor groepen",
        availability="Doordeweekse avonden",
        ask="Balie, 040 123 4567",
    )


@pytest.fixture
def room(support_point: Organisation) -> Room:
    return make_room(support_point)


def next_weekday(weekday: int) -> datetime.date:
    today = timezone.localdate()
    return today + datetime.timedelta(days=(weekday - today.weekday()) % 7 or 7)


def make_room_request(group: Group, room: Room) -> RoomRequest:
    return services.room_request_create(
        group=group,
        room=room,
        first_date=next_weekday(1),
        start_time=datetime.time(19, 30),
        end_time=datetime.time(21, 30),
        weeks=4,
        every_weeks=1,
        message="Wij zijn met ongeveer tien mensen.",
        actor=None,
    )


@pytest.fixture
def room_request(group: Group, room: Room) -> RoomRequest:
    return make_room_request(group, room)


def make_speaker(support_point: Organisation) -> Speaker:
    """The support point's speaker (reference data loaded first)."""
    s = Speaker.objects.create(
        support_point=support_point,
        name="Ervaringsdeskundige Anna",
        kind="person",
        topic="Leven met depressie: wat mij hielp",
        cost="Reiskosten",
        contact="anna@example.org, 06 11111111",
    )
    s.themes.set([Theme.objects.get(slug="depression")])
    s.languages.set([Language.objects.get(code="nl")])
    return s


@pytest.fixture
def speaker(reference: None, support_point: Organisation) -> Speaker:
    return make_speaker(support_point)


def make_speaker_request(group: Group, speaker: Speaker) -> SpeakerRequest:
    return services.speaker_ask(
        group=group, speaker=speaker, description="Een avond over herstel", wished_date=None, actor=None
    )


@pytest.fixture
def speaker_request(group: Group, speaker: Speaker) -> SpeakerRequest:
    return make_speaker_request(group, speaker)
