"""One table: every public-notes URL × every persona → the status they get."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import get_resolver, reverse

from samenspel.directory.models import Group
from samenspel.directory.reference import load_reference_data
from samenspel.public_notes import registrations
from samenspel.public_notes.models import Correction, CorrectionKind, Registration
from tests.conftest import built_once, make_group, make_location, make_support_point
from tests.personas import Personas, make_other_group, make_other_support_point, sign_in

PERSONAS = ["anonymous", "outsider", "other_member", "viewer", "editor", "manager", "contact", "other_contact"]


def _row(*statuses: int) -> dict[str, int]:
    return dict(zip(PERSONAS, statuses, strict=True))


EVERYONE = _row(200, 200, 200, 200, 200, 200, 200, 200)
SUPPORT_POINT_READ = _row(302, 404, 404, 200, 200, 200, 404, 404)
SUPPORT_POINT_WRITE = _row(302, 404, 404, 403, 302, 302, 404, 404)
GROUP_READ = _row(302, 404, 404, 200, 200, 200, 200, 404)
# The group's contact person and the support point's editors handle a correction; a viewer only reads it.
GROUP_WRITE = _row(302, 404, 404, 403, 302, 302, 302, 404)
BAD_LINK = _row(404, 404, 404, 404, 404, 404, 404, 404)

MATRIX: list[tuple[str, str, str, dict[str, Any], dict[str, int]]] = [
    ("correction_form", "get", "group_slug", {}, EVERYONE),
    ("correction_sent", "get", "group_slug", {}, EVERYONE),
    ("wish", "get", "none", {}, EVERYONE),
    ("wish_sent", "get", "none", {}, EVERYONE),
    ("wish_confirm", "get", "bad_token", {}, BAD_LINK),
    ("wish_withdraw", "get", "bad_token", {}, BAD_LINK),
    ("corrections", "get", "sp", {}, SUPPORT_POINT_READ),
    ("group_corrections", "get", "group", {}, GROUP_READ),
    ("correction", "get", "correction", {}, GROUP_READ),
    ("correction", "post", "correction", {"status": "handled", "note": "Gebeld"}, GROUP_WRITE),
    ("wishes", "get", "sp", {}, SUPPORT_POINT_READ),
    ("wish_broadcast", "post", "sp_broadcast", {"message": "Er is een groep."}, SUPPORT_POINT_WRITE),
    ("register", "get", "none", {}, EVERYONE),
    ("register_sent", "get", "none", {}, EVERYONE),
    ("registration_confirm", "get", "bad_token", {}, BAD_LINK),
    ("registrations", "get", "sp", {}, SUPPORT_POINT_READ),
    ("registration", "get", "registration", {}, SUPPORT_POINT_READ),
    ("registration", "post", "registration", {"action": "decline", "reason": "Nee"}, SUPPORT_POINT_WRITE),
]

CASES = [
    pytest.param(name, method, kind, data, persona, expected[persona], id=f"{method}-{name}-{persona}")
    for name, method, kind, data, expected in MATRIX
    for persona in PERSONAS
]


def _registration(group: Group) -> Registration:
    """A confirmed registration at the group's support point, waiting for review."""
    found = Registration.objects.filter(support_point=group.support_point).first()
    if found is None:
        found = registrations.registration_create(
            kind="idea",
            name="Nieuwe groep",
            description="Een idee",
            themes=list(group.themes.all()),
            audience="affected",
            languages=list(group.languages.all()),
            pc4="5611",
            online=False,
            frequency="",
            support_point=group.support_point,
            email="initiatief@example.org",
            mail_language="nl",
        )
        registrations.registration_confirm(found)
    return found


def _kwargs(kind: str, group: Group, correction: Correction) -> dict[str, Any]:
    return {
        "none": {},
        "bad_token": {"token": "not-a-signed-token"},
        "group_slug": {"slug": group.slug},
        "group": {"group_uuid": group.uuid},
        "sp": {"slug": group.support_point.slug},
        "sp_broadcast": {"slug": group.support_point.slug},
        "correction": {"correction_uuid": correction.uuid},
        "registration": {"registration_uuid": _registration(group).uuid} if kind == "registration" else {},
    }[kind]


def _build() -> dict[str, Any]:
    # The table's world, built once for all its cases: the group with a correction about it, a second group of the
    # same support point, another support point, and the personas of the table.
    load_reference_data()
    group = make_group(make_support_point(), make_location())
    world: dict[str, Any] = {
        "support_point": group.support_point,
        "persona_group": group,
        "other_group": make_other_group(group),
        "other_support_point": make_other_support_point(),
    }
    personas = Personas(world=world).build(*PERSONAS)
    correction = Correction.objects.create(
        group=group, kind=CorrectionKind.STOPPED, message="Ze komen niet meer samen.", reply_email="melder@example.org"
    )
    return {"group": group, "personas": dict(personas), "correction": correction}


# Class-scoped: the module's other tests build their own group and personas.
_world_rows, world = built_once(_build, scope="class")


class TestTable:
    @pytest.mark.django_db
    @pytest.mark.parametrize(("name", "method", "kind", "data", "persona", "expected"), CASES)
    def test_every_public_notes_url_answers_each_persona_as_the_table_says(
        self, client, world, name, method, kind, data, persona, expected
    ):
        group, personas, correction = world["group"], world["personas"], world["correction"]
        if personas[persona] is not None:
            sign_in(client, personas[persona])
        if kind == "sp_broadcast":
            data = {**data, "group": str(group.uuid)}
        url = reverse(f"public_notes:{name}", kwargs=_kwargs(kind, group, correction))
        response = getattr(client, method)(url, data)
        assert response.status_code == expected
        if persona == "anonymous" and expected == 302:
            assert response["Location"].startswith("/werkplek/inloggen/")


@pytest.mark.django_db
def test_a_support_point_cannot_write_about_another_support_points_group(client, personas, group, other_support_point):
    other = Group.objects.create(
        slug="elders", name_nl="Elders", support_point=other_support_point, contact_email="elders@example.org"
    )
    sign_in(client, personas["editor"])
    url = reverse("public_notes:wish_broadcast", kwargs={"slug": group.support_point.slug})
    assert client.post(url, {"group": str(other.uuid), "message": "Hallo"}).status_code == 403


def test_the_table_covers_every_public_notes_url():
    names = {name for name, *_rest in MATRIX}
    patterns = {
        q.name
        for p in get_resolver().url_patterns
        if getattr(p, "namespace", None) == "public_notes"
        for q in p.url_patterns  # type: ignore[attr-defined]
    }
    assert patterns == names
