"""One table: every presentations URL × every persona → the status they get. A request is seen by the support
point's members, by who asked it and by the contact persons of the group it names; others get 404."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import get_resolver, reverse

from samenspel.directory.reference import load_reference_data
from tests.conftest import built_once, make_group, make_location, make_support_point
from tests.personas import Personas, make_other_group, make_other_support_point, sign_in
from tests.presentations.conftest import ask, held

PERSONAS = [
    "anonymous",
    "outsider",
    "viewer",
    "editor",
    "manager",
    "other_member",
    "professional",
    "contact",
    "other_contact",
    "staff",
]


def _row(*statuses: int) -> dict[str, int]:
    return dict(zip(PERSONAS, statuses, strict=True))


SIGNED_IN = _row(302, 200, 200, 200, 200, 200, 200, 200, 200, 200)
ASKED = _row(302, 302, 302, 302, 302, 302, 302, 302, 302, 302)
REQUEST_READ = _row(302, 404, 200, 200, 200, 404, 200, 200, 404, 404)
DECIDE = _row(302, 404, 403, 302, 302, 404, 403, 403, 404, 404)
ANSWER = _row(302, 404, 403, 403, 403, 404, 403, 302, 404, 404)
EVALUATE = _row(302, 404, 403, 302, 302, 404, 302, 403, 404, 404)
QUEUE = _row(302, 404, 200, 200, 200, 404, 404, 404, 404, 404)

ASK = {
    "team": "Team Zuid",
    "organisation": "GGD",
    "contact_name": "Piet",
    "contact_email": "piet@ggd.example.nl",
    "wished_dates": "Maart",
    "audience_size": "8",
}
PLAN = {"action": "plan", "starts_at": "2030-03-05T10:00", "minutes": "45", "presenters": "Anna"}
EVALUATION = {"action": "evaluate", "attendees": "10", "found_useful": "8", "will_refer": "6"}

MATRIX: list[tuple[str, str, str, dict[str, Any], dict[str, int]]] = [
    ("mine", "get", "none", {}, SIGNED_IN),
    ("ask", "get", "sp", {}, SIGNED_IN),
    ("ask", "post", "sp", ASK, ASKED),
    ("request", "get", "request", {}, REQUEST_READ),
    ("request", "post", "request", PLAN, DECIDE),
    ("request", "post", "request", {"action": "decline", "reason": "Geen tijd"}, DECIDE),
    ("request", "post", "request", {"action": "agree"}, ANSWER),
    ("request", "post", "held", EVALUATION, EVALUATE),
    ("queue", "get", "sp", {}, QUEUE),
]

CASES = [
    pytest.param(
        name, method, kind, data, persona, expected[persona], id=f"{method}-{name}-{data.get('action', '')}-{persona}"
    )
    for name, method, kind, data, expected in MATRIX
    for persona in PERSONAS
]


def _build() -> dict[str, Any]:
    # The table's world (the group, a second group, the personas and a professional's request naming the group, as
    # in tests/presentations/conftest.py), built once for all its cases instead of once for each.
    load_reference_data()
    group = make_group(make_support_point(), make_location())
    world = {
        "support_point": group.support_point,
        "persona_group": group,
        "other_group": make_other_group(group),
        "other_support_point": make_other_support_point(),
    }
    # As the conftest's `presentation`: the group's contact person exists when the professional asks, the others come
    # after.
    personas = Personas(world=world).build("contact")
    presentation = ask(group, personas["professional"])
    personas.build(*PERSONAS)
    return {"personas": dict(personas), "presentation": presentation}


_world_rows, world = built_once(_build)


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "method", "kind", "data", "persona", "expected"), CASES)
def test_every_presentations_url_answers_each_persona_as_the_table_says(
    world, name, method, kind, data, persona, expected
):
    personas, presentation = world["personas"], world["presentation"]
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    if personas[persona] is not None:
        sign_in(client, personas[persona])
    if kind == "held":
        held(presentation)
    kwargs = {
        "none": {},
        "sp": {"slug": presentation.support_point.slug},
        "request": {"request_uuid": presentation.uuid},
        "held": {"request_uuid": presentation.uuid},
    }[kind]
    response = getattr(client, method)(reverse(f"presentations:{name}", kwargs=kwargs), data)
    assert response.status_code == expected, response.content.decode()[:2000]
    if persona == "anonymous":
        assert response["Location"].startswith("/werkplek/inloggen/")


def test_the_table_covers_every_presentations_url():
    names = {name for name, *_rest in MATRIX}
    patterns = {
        q.name
        for p in get_resolver().url_patterns
        if getattr(p, "namespace", None) == "presentations"
        for q in p.url_patterns  # type: ignore[attr-defined]
    }
    assert patterns == names
