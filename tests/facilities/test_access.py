"""One table: every rooms URL × every persona → the status they get. Outsiders never learn a thing exists."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import get_resolver, reverse

from samenspel.directory.models import Group
from samenspel.directory.reference import load_reference_data
from samenspel.facilities.models import Room, RoomRequest, SpeakerRequest
from tests.conftest import built_once, make_group, make_location, make_support_point
from tests.facilities.conftest import make_room, make_room_request, make_speaker, make_speaker_request, next_weekday
from tests.personas import Personas, make_other_group, make_other_support_point, sign_in

PERSONAS = ["anonymous", "outsider", "other_member", "viewer", "editor", "manager", "contact", "other_contact"]


def _row(*statuses: int) -> dict[str, int]:
    return dict(zip(PERSONAS, statuses, strict=True))


SUPPORT_POINT_READ = _row(302, 404, 404, 200, 200, 200, 404, 404)
SUPPORT_POINT_WRITE = _row(302, 404, 404, 403, 302, 302, 404, 404)
GROUP_READ = _row(302, 404, 404, 200, 200, 200, 200, 404)
# The group's contact person and the support point's editors ask; a viewer only reads.
GROUP_WRITE = _row(302, 404, 404, 403, 302, 302, 302, 404)
# Only the support point's editors and managers book; the group's contact reads.
REVIEW = _row(302, 404, 404, 403, 302, 302, 403, 404)

# The speaker a request names is the support point's business: the group's contact sees its requests elsewhere.
STAFF_READ = _row(302, 404, 404, 200, 200, 200, 403, 404)
REVIEW_STAFF = _row(302, 404, 404, 403, 302, 302, 403, 404)

SPEAKER = {
    "name": "Anna",
    "kind": "person",
    "topic": "Herstel",
    "contact": "anna@example.org",
    "checked_on": "2026-12-01",
}
ROOM = {
    "name": "Zaal",
    "street": "Straat 1",
    "postcode": "5611 AB",
    "town": "Eindhoven",
    "capacity": "8",
    "is_active": "on",
}

MATRIX: list[tuple[str, str, str, dict[str, Any], dict[str, int]]] = [
    ("rooms", "get", "sp", {}, SUPPORT_POINT_READ),
    ("rooms", "post", "sp", ROOM, SUPPORT_POINT_WRITE),
    ("room", "get", "room", {}, SUPPORT_POINT_READ),
    ("room", "post", "room", ROOM, SUPPORT_POINT_WRITE),
    ("requests", "get", "sp", {}, SUPPORT_POINT_READ),
    ("request", "get", "request", {}, GROUP_READ),
    ("request", "post", "request", {"action": "decline", "reason": "Vol"}, REVIEW),
    ("ask", "get", "group", {}, GROUP_READ),
    (
        "ask",
        "post",
        "group",
        {"start_time": "19:00", "end_time": "21:00", "weeks": "1", "every_weeks": "1"},
        GROUP_WRITE,
    ),
    ("speakers", "get", "sp", {}, SUPPORT_POINT_READ),
    ("speakers", "post", "sp", SPEAKER, SUPPORT_POINT_WRITE),
    ("speaker", "get", "speaker", {}, SUPPORT_POINT_READ),
    ("speaker", "post", "speaker", SPEAKER, SUPPORT_POINT_WRITE),
    ("speaker_ask", "get", "group", {}, GROUP_READ),
    ("speaker_ask", "post", "group", {"description": "Over herstel"}, GROUP_WRITE),
    ("speaker_link", "get", "facilitation", {}, STAFF_READ),
    ("speaker_link", "post", "facilitation", {"speaker": ""}, REVIEW_STAFF),
]

CASES = [
    pytest.param(name, method, kind, data, persona, expected[persona], id=f"{method}-{name}-{persona}")
    for name, method, kind, data, expected in MATRIX
    for persona in PERSONAS
]


def _kwargs(kind: str, group: Group, room: Room, room_request: RoomRequest, link: SpeakerRequest) -> dict[str, Any]:
    slug = group.support_point.slug
    return {
        "speaker": {"slug": slug, "speaker_uuid": link.speaker.uuid},  # type: ignore[union-attr]
        "facilitation": {"request_uuid": link.facilitation_request.uuid},
        "sp": {"slug": slug},
        "room": {"slug": slug, "room_uuid": room.uuid},
        "request": {"request_uuid": room_request.uuid},
        "group": {"group_uuid": group.uuid},
    }[kind]


def _build() -> dict[str, Any]:
    # The table's world (the fixtures of tests/facilities/conftest.py and the personas), built once for all its cases
    # instead of once for each.
    load_reference_data()
    group = make_group(make_support_point(), make_location())
    support_point = group.support_point
    world = {
        "support_point": support_point,
        "persona_group": group,
        "other_group": make_other_group(group),
        "other_support_point": make_other_support_point(),
    }
    room = make_room(support_point)
    room_request = make_room_request(group, room)
    speaker_request = make_speaker_request(group, make_speaker(support_point))
    # After the requests, as before: the personas came when a case asked for them.
    personas = Personas(world=world).build(*PERSONAS)
    return {
        "group": group,
        "personas": dict(personas),
        "room": room,
        "room_request": room_request,
        "speaker_request": speaker_request,
    }


# Class-scoped: the module's other test builds its own world from the conftest's fixtures.
_world_rows, world = built_once(_build, scope="class")


class TestTable:
    @pytest.mark.django_db
    @pytest.mark.parametrize(("name", "method", "kind", "data", "persona", "expected"), CASES)
    def test_every_rooms_url_answers_each_persona_as_the_table_says(
        self, client, world, name, method, kind, data, persona, expected
    ):
        personas, group, room = world["personas"], world["group"], world["room"]
        room_request, speaker_request = world["room_request"], world["speaker_request"]
        if personas[persona] is not None:
            sign_in(client, personas[persona])
        if name == "ask" and method == "post":
            data = {**data, "room": str(room.uuid), "first_date": next_weekday(4).isoformat()}
        if name == "speaker_ask" and method == "post":
            data = {**data, "speaker": str(speaker_request.speaker.uuid)}
        url = reverse(f"facilities:{name}", kwargs=_kwargs(kind, group, room, room_request, speaker_request))
        response = getattr(client, method)(url, data)
        assert response.status_code == expected
        if persona == "anonymous" and expected == 302:
            assert response["Location"].startswith("/werkplek/inloggen/")


@pytest.mark.django_db
def test_another_support_point_cannot_reach_a_room_through_its_own_slug(client, personas, room, other_support_point):
    sign_in(client, personas["other_member"])
    url = reverse("facilities:room", kwargs={"slug": other_support_point.slug, "room_uuid": room.uuid})
    assert client.get(url).status_code == 404
    assert client.post(url, ROOM).status_code == 404


def test_the_table_covers_every_rooms_url():
    names = {name for name, *_rest in MATRIX}
    patterns = {
        q.name
        for p in get_resolver().url_patterns
        if getattr(p, "namespace", None) == "facilities"
        for q in p.url_patterns  # type: ignore[attr-defined]
    }
    assert patterns == names
