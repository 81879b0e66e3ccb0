"""One table: every volunteering URL × every persona → the status they get. Outsiders never learn a thing exists."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import get_resolver, reverse

from samenspel.directory.reference import load_reference_data
from samenspel.volunteering.models import Volunteer, VolunteerRole
from tests.conftest import built_once, make_group, make_location, make_support_point
from tests.personas import Personas, make_other_group, make_other_support_point, sign_in
from tests.volunteering.conftest import make_role, sign_up

PERSONAS = ["anonymous", "outsider", "other_member", "viewer", "editor", "manager", "contact", "other_contact"]


def _row(*statuses: int) -> dict[str, int]:
    return dict(zip(PERSONAS, statuses, strict=True))


EVERYONE = _row(200, 200, 200, 200, 200, 200, 200, 200)
BAD_LINK = _row(404, 404, 404, 404, 404, 404, 404, 404)
SUPPORT_POINT_READ = _row(302, 404, 404, 200, 200, 200, 404, 404)
# A change redirects back; a viewer reads but may not change.
SUPPORT_POINT_WRITE = _row(302, 404, 404, 403, 302, 302, 404, 404)
# A person's data leaves the workspace (a download, a letter) only by someone who may act on it.
SUPPORT_POINT_HANDOUT = _row(302, 404, 404, 403, 200, 200, 404, 404)

ROLE_DATA = {"kind": "host", "title": "Gastvrouw", "description": "Koffie en welkom", "is_open": "on"}

MATRIX: list[tuple[str, str, str, dict[str, Any], dict[str, int]]] = [
    ("volunteer", "get", "sp", {}, EVERYONE),
    ("sent", "get", "sp", {}, EVERYONE),
    ("own_data", "get", "bad_token", {}, BAD_LINK),
    ("own_data", "post", "bad_token", {"action": "delete"}, BAD_LINK),
    ("queue", "get", "sp", {}, SUPPORT_POINT_READ),
    ("roles", "get", "sp", {}, SUPPORT_POINT_READ),
    ("roles", "post", "sp", ROLE_DATA, SUPPORT_POINT_WRITE),
    ("role", "get", "role", {}, SUPPORT_POINT_READ),
    ("role", "post", "role", ROLE_DATA, SUPPORT_POINT_WRITE),
    ("volunteer_detail", "get", "volunteer", {}, SUPPORT_POINT_READ),
    ("volunteer_detail", "post", "volunteer", {"action": "note", "note": "Gebeld"}, SUPPORT_POINT_WRITE),
    ("export", "get", "volunteer", {}, SUPPORT_POINT_HANDOUT),
    ("letter", "get", "volunteer", {}, SUPPORT_POINT_HANDOUT),
]

CASES = [
    pytest.param(name, method, kind, data, persona, expected[persona], id=f"{method}-{name}-{persona}")
    for name, method, kind, data, expected in MATRIX
    for persona in PERSONAS
]


def _kwargs(kind: str, role: VolunteerRole, volunteer: Volunteer) -> dict[str, Any]:
    slug = role.support_point.slug
    return {
        "sp": {"slug": slug},
        "bad_token": {"token": "not-a-signed-token"},
        "role": {"slug": slug, "role_uuid": role.uuid},
        "volunteer": {"volunteer_uuid": volunteer.uuid},
    }[kind]


def _build() -> dict[str, Any]:
    # The table's world (the group, the role and a volunteer of tests/volunteering/conftest.py, and the personas),
    # built once for all its cases instead of once for each.
    load_reference_data()
    group = make_group(make_support_point(), make_location())
    support_point = group.support_point
    world = {
        "support_point": support_point,
        "persona_group": group,
        "other_group": make_other_group(group),
        "other_support_point": make_other_support_point(),
    }
    role = make_role(support_point)
    volunteer = sign_up(support_point, role)
    # After the sign-up, as before: the personas came when a case asked for them.
    personas = Personas(world=world).build(*PERSONAS)
    return {"personas": dict(personas), "role": role, "volunteer": volunteer}


# Class-scoped: the module's other test builds its own world from the conftest's fixtures.
_world_rows, world = built_once(_build, scope="class")


class TestTable:
    @pytest.mark.django_db
    @pytest.mark.parametrize(("name", "method", "kind", "data", "persona", "expected"), CASES)
    def test_every_volunteering_url_answers_each_persona_as_the_table_says(
        self, client, world, name, method, kind, data, persona, expected
    ):
        personas = world["personas"]
        if personas[persona] is not None:
            sign_in(client, personas[persona])
        url = reverse(f"volunteering:{name}", kwargs=_kwargs(kind, world["role"], world["volunteer"]))
        response = getattr(client, method)(url, data)
        assert response.status_code == expected
        if persona == "anonymous" and expected == 302:
            assert response["Location"].startswith("/werkplek/inloggen/")


@pytest.mark.django_db
def test_another_support_point_cannot_reach_a_volunteer_or_a_role_by_its_own_slug(
    client, personas, role, volunteer, other_support_point
):
    sign_in(client, personas["other_member"])
    url = reverse("volunteering:role", kwargs={"slug": other_support_point.slug, "role_uuid": role.uuid})
    assert client.get(url).status_code == 404
    assert client.post(url, ROLE_DATA).status_code == 404
    role.refresh_from_db()
    assert role.title != "Gastvrouw"


def test_the_table_covers_every_volunteering_url():
    names = {name for name, *_rest in MATRIX}
    patterns = {
        q.name
        for p in get_resolver().url_patterns
        if getattr(p, "namespace", None) == "volunteering"
        for q in p.url_patterns  # type: ignore[attr-defined]
    }
    assert patterns == names
