"""One table: every cooperation URL × every persona → the status they get. Outsiders never learn a thing exists.

"member" and "viewer" are of the sending support point A, "other_member" of the receiving support point B (a
neighbour), "third" of a support point far away (C).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from samenspel.cooperation import services
from samenspel.cooperation.models import ForwardedQuestion
from samenspel.directory.reference import load_reference_data
from samenspel.workspace.access import question_ref
from samenspel.workspace.models import Role
from tests.conftest import built_once, make_group, make_location
from tests.cooperation.conftest import (
    make_other_support_point,
    make_question,
    make_registration,
    make_support_point,
    make_third_support_point,
)
from tests.personas import Personas, make_member, sign_in

PERSONAS = ["anonymous", "outsider", "member", "viewer", "contact", "other_member", "third", "professional", "staff"]


def _row(*statuses: int) -> dict[str, int]:
    return dict(zip(PERSONAS, statuses, strict=True))


# Forwarding is the sending support point's work: read-only members and the group's contact person may not.
FORWARD = _row(302, 404, 200, 403, 403, 404, 404, 404, 404)
FORWARD_POST = _row(302, 404, 302, 403, 403, 404, 404, 404, 404)
REG_FORWARD = _row(302, 404, 200, 403, 404, 404, 404, 404, 404)
REG_FORWARD_POST = _row(302, 404, 302, 403, 404, 404, 404, 404, 404)
# A forwarded question is the receiving support point's only: the sender no longer holds it.
RECEIVED = _row(302, 404, 404, 404, 404, 200, 404, 404, 404)
RECEIVED_POST = _row(302, 404, 404, 404, 404, 302, 404, 404, 404)
SP_A_READ = _row(302, 404, 200, 200, 404, 404, 404, 404, 404)
SP_A_WRITE = _row(302, 404, 302, 403, 404, 404, 404, 404, 404)
NATIONAL = _row(302, 404, 200, 200, 404, 200, 200, 200, 200)
STAFF_ONLY = _row(302, 404, 404, 404, 404, 404, 404, 404, 200)
STAFF_POST = _row(302, 404, 404, 404, 404, 404, 404, 404, 302)

SUGGESTION = {"kind": "online", "name": "MIND Korrelatie", "website": "https://www.mindkorrelatie.nl", "note": ""}

MATRIX: list[tuple[str, str, str, dict[str, Any], dict[str, int]]] = [
    ("forward_question", "get", "question", {}, FORWARD),
    ("forward_question", "post", "question", {"to": "steunpunt-elders"}, FORWARD_POST),
    ("forward_registration", "get", "registration", {}, REG_FORWARD),
    ("forward_registration", "post", "registration", {"to": "steunpunt-elders"}, REG_FORWARD_POST),
    ("forwarded_question", "get", "received", {}, RECEIVED),
    ("forwarded_question", "post", "received", {"action": "status", "status": "closed"}, RECEIVED_POST),
    ("forwarded", "get", "sp", {}, SP_A_READ),
    ("neighbours", "get", "sp", {}, SP_A_READ),
    ("suggest", "get", "sp", {}, SP_A_READ),
    ("suggest", "post", "sp", SUGGESTION, SP_A_WRITE),
    ("national_list", "get", "none", {}, NATIONAL),
    ("suggestions", "get", "none", {}, STAFF_ONLY),
    ("suggestions", "post", "none", {"suggestion": "not-a-uuid", "action": "accept"}, STAFF_POST),
]

CASES = [
    pytest.param(name, method, kind, data, persona, expected[persona], id=f"{method}-{name}-{persona}")
    for name, method, kind, data, expected in MATRIX
    for persona in PERSONAS
]


def _build() -> dict[str, Any]:
    # The table's world (support points A, B and C of tests/cooperation/conftest.py, A's group with a question, a
    # registration, and the personas), built once for all its cases instead of once for each.
    load_reference_data()
    group = make_group(make_support_point(), make_location())
    other_support_point = make_other_support_point()
    world = {"support_point": group.support_point, "persona_group": group, "other_support_point": other_support_point}
    people = Personas(world=world).build(*(persona for persona in PERSONAS if persona != "third"))
    people["third"] = make_member(make_third_support_point(), Role.MANAGER, "manager@noord.example.org")
    return {
        "group": group,
        "other_support_point": other_support_point,
        "people": dict(people),
        "question": make_question(group),
        "registration": make_registration(group.support_point),
    }


_world_rows, world = built_once(_build)


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "method", "kind", "data", "persona", "expected"), CASES)
def test_every_cooperation_url_answers_each_persona_as_the_table_says(
    client, world, name, method, kind, data, persona, expected
):
    group, people, question = world["group"], world["people"], world["question"]
    received = ForwardedQuestion.objects.get(
        forward=services.forward_question(question=make_question(group), to=world["other_support_point"], actor=None)
    )
    kwargs = {
        "question": {"ref": question_ref(question)},
        "registration": {"registration_uuid": world["registration"].uuid},
        "received": {"question_uuid": received.uuid},
        "sp": {"slug": group.support_point.slug},
        "none": {},
    }[kind]
    if people[persona] is not None:
        sign_in(client, people[persona])
    response = getattr(client, method)(reverse(f"cooperation:{name}", kwargs=kwargs), data)
    assert response.status_code == expected, response.content[:500]
    if persona == "anonymous":
        assert response["Location"].startswith("/werkplek/inloggen/")
