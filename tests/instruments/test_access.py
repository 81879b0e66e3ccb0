"""One table: every instruments URL × every persona → the status they get."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import URLPattern, get_resolver, reverse

from samenspel.directory.reference import load_reference_data
from tests.conftest import built_once, make_group, make_location, make_support_point
from tests.personas import Personas, make_other_support_point, sign_in

PERSONAS = [
    "anonymous",
    "outsider",
    "other_member",
    "viewer",
    "editor",
    "manager",
    "contact",
    "municipality_a",
    "staff",
]


def _row(*statuses: int) -> dict[str, int]:
    return dict(zip(PERSONAS, statuses, strict=True))


EVERYONE = _row(200, 200, 200, 200, 200, 200, 200, 200, 200)
POST_ONLY = _row(405, 405, 405, 405, 405, 405, 405, 405, 405)
# The counts of a support point's conversations: its members only (staff and outsiders never learn of them).
SUPPORT_POINT_READ = _row(302, 404, 404, 200, 200, 200, 404, 404, 404)
SUPPORT_POINT_WRITE = _row(302, 404, 404, 403, 302, 302, 404, 404, 404)
GROUP_READ = _row(302, 404, 404, 200, 200, 200, 200, 404, 404)
# The group's contact person and the support point's editors keep a group's self-check; a viewer only reads it.
GROUP_WRITE = _row(302, 404, 404, 403, 302, 302, 302, 404, 404)
GROUP_PRINT = _row(302, 404, 404, 403, 200, 200, 200, 404, 404)
# The survey of the groups in a municipality: its officers only.
MUNICIPALITY_READ = _row(302, 404, 404, 404, 404, 404, 404, 200, 404)
NOT_FOUND = _row(404, 404, 404, 404, 404, 404, 404, 404, 404)
NOWHERE = _row(302, 404, 404, 404, 404, 404, 404, 404, 404)

MATRIX: list[tuple[str, str, str, dict[str, Any], dict[str, int]]] = [
    ("conversation", "get", "none", {}, EVERYONE),
    ("conversation", "post", "none", {"step": 0, "go": "next"}, EVERYONE),
    ("conversation_sp", "get", "sp", {}, EVERYONE),
    ("result_pdf", "get", "none", {}, POST_ONLY),
    ("result_pdf", "post", "none", {"plan": "Proberen"}, EVERYONE),
    ("result_pdf_sp", "post", "sp", {}, EVERYONE),
    ("contribute", "get", "none", {}, POST_ONLY),
    ("contribute", "post", "none", {}, EVERYONE),
    ("contribute_sp", "post", "sp", {}, EVERYONE),
    ("figures", "get", "sp", {}, SUPPORT_POINT_READ),
    ("selfcheck", "get", "sp_check", {}, SUPPORT_POINT_READ),
    ("selfcheck", "post", "sp_check", {"nfk.folder": "yes"}, SUPPORT_POINT_WRITE),
    ("selfcheck", "get", "sp_bad_kind", {}, NOWHERE),
    ("survey_start", "get", "none", {}, EVERYONE),
    ("survey", "get", "bad_code", {}, NOT_FOUND),
    ("survey", "post", "bad_code", {"self_help": "3"}, NOT_FOUND),
    ("group_survey", "get", "group", {}, GROUP_READ),
    ("group_survey", "post", "group", {"count": "2"}, GROUP_PRINT),
    ("survey_overview", "get", "sp", {}, SUPPORT_POINT_READ),
    ("survey_municipality", "get", "municipality", {}, MUNICIPALITY_READ),
    ("group_inventory", "get", "group", {}, GROUP_READ),
    ("group_inventory", "post", "group", {"size": "6-10"}, GROUP_WRITE),
    ("inventory_overview", "get", "sp", {}, SUPPORT_POINT_READ),
    ("group_selfcheck", "get", "group", {}, GROUP_READ),
    ("group_selfcheck", "post", "group", {"mogen.e.the-peer-group.a-theme-that-is-taboo": "no"}, GROUP_WRITE),
]
CASES = [
    pytest.param(name, method, kind, data, persona, table[persona], id=f"{name}-{method}-{persona}")
    for name, method, kind, data, table in MATRIX
    for persona in PERSONAS
]


def _build() -> dict[str, Any]:
    # The table's world, built once for all its cases instead of once for each: the support point with its group
    # (the contact persona's), another support point (the other member's) and the personas of the table.
    load_reference_data()
    group = make_group(make_support_point(), make_location())
    world = {
        "support_point": group.support_point,
        "persona_group": group,
        "other_support_point": make_other_support_point(),
    }
    personas = Personas(world=world).build(*PERSONAS)
    return {"group": group, "support_point": group.support_point, "personas": dict(personas)}


_world_rows, world = built_once(_build)


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "method", "kind", "data", "persona", "expected"), CASES)
def test_every_instruments_url_answers_each_persona_as_the_table_says(
    client, world, name, method, kind, data, persona, expected
):
    personas, support_point = world["personas"], world["support_point"]
    if personas[persona] is not None:
        sign_in(client, personas[persona])
    kwargs = {
        "none": {},
        "bad_code": {"code": "NOTACODE23"},
        "sp": {"slug": support_point.slug},
        "municipality": {"slug": "geldrop-mierlo"},
        "sp_check": {"slug": support_point.slug, "kind": "support_point"},
        "sp_bad_kind": {"slug": support_point.slug, "kind": "group"},
        "group": {"group_uuid": world["group"].uuid} if kind == "group" else {},
    }[kind]
    response = getattr(client, method)(reverse(f"instruments:{name}", kwargs=kwargs), data)
    assert response.status_code == expected
    if persona == "anonymous" and expected == 302:
        assert response["Location"].startswith("/werkplek/inloggen/")


def test_the_table_covers_every_instruments_url():
    names = {name for name, *_rest in MATRIX}
    # The year reports (an included sub-package) have their own access table in test_report.py.
    patterns = {
        q.name
        for p in get_resolver().url_patterns
        if getattr(p, "namespace", None) == "instruments"
        for q in p.url_patterns  # type: ignore[attr-defined]
        if isinstance(q, URLPattern)
    }
    assert patterns == names
