"""One table: every newsletter URL × every persona → the status they get. The public pages answer everyone; the
support point's pages answer its members only (outsiders never learn an issue exists)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import get_resolver, reverse

from samenspel.directory.reference import load_reference_data
from samenspel.newsletter import services
from samenspel.newsletter.models import Issue, Subscriber
from tests.conftest import built_once, make_group, make_location, make_support_point
from tests.personas import Personas, make_other_support_point, sign_in

PERSONAS = ["anonymous", "outsider", "viewer", "editor", "manager", "other_member", "professional", "contact", "staff"]


def _row(*statuses: int) -> dict[str, int]:
    return dict(zip(PERSONAS, statuses, strict=True))


PUBLIC = _row(200, 200, 200, 200, 200, 200, 200, 200, 200)
PUBLIC_POST = _row(302, 302, 302, 302, 302, 302, 302, 302, 302)
SP_READ = _row(302, 404, 200, 200, 200, 404, 404, 404, 404)
SP_WRITE_PAGE = _row(302, 404, 403, 200, 200, 404, 404, 404, 404)
SP_WRITE = _row(302, 404, 403, 302, 302, 404, 404, 404, 404)

MATRIX: list[tuple[str, str, str, dict[str, Any], dict[str, int]]] = [
    ("subscribe", "get", "sp", {}, PUBLIC),
    ("subscribe", "post", "sp", {"email": "nieuw@example.org"}, PUBLIC_POST),
    ("subscribed", "get", "sp", {}, PUBLIC),
    ("confirm", "get", "confirm", {}, PUBLIC),
    ("unsubscribe", "get", "unsubscribe", {}, PUBLIC),
    ("issues", "get", "sp", {}, SP_READ),
    ("compose", "get", "sp", {}, SP_WRITE_PAGE),
    ("compose", "post", "sp", {"title": "Krant", "intro": "Hallo allemaal."}, SP_WRITE),
    ("issue", "get", "issue", {}, SP_READ),
    ("issue", "post", "issue", {"action": "send"}, SP_WRITE),
    ("issue_pdf", "get", "issue", {}, SP_READ),
]

CASES = [
    pytest.param(name, method, kind, data, persona, expected[persona], id=f"{method}-{name}-{persona}")
    for name, method, kind, data, expected in MATRIX
    for persona in PERSONAS
]


def _build() -> dict[str, Any]:
    # The table's world (the group and the personas), built once for all its cases instead of once for each.
    load_reference_data()
    group = make_group(make_support_point(), make_location())
    world = {
        "support_point": group.support_point,
        "persona_group": group,
        "other_support_point": make_other_support_point(),
    }
    return {"support_point": group.support_point, "personas": dict(Personas(world=world).build(*PERSONAS))}


_world_rows, world = built_once(_build)


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "method", "kind", "data", "persona", "expected"), CASES)
def test_every_newsletter_url_answers_each_persona_as_the_table_says(
    world, name, method, kind, data, persona, expected
):
    personas, support_point = world["personas"], world["support_point"]
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    if personas[persona] is not None:
        sign_in(client, personas[persona])
    issue = Issue.objects.create(support_point=support_point, title="Krant", intro="Hallo")
    subscriber = Subscriber.objects.create(support_point=support_point, email="lezer@example.org")
    kwargs = {
        "sp": {"slug": support_point.slug},
        "issue": {"issue_uuid": issue.uuid},
        "confirm": {"token": services.confirm_link(subscriber).rstrip("/").rsplit("/", 1)[1]},
        "unsubscribe": {"token": services.unsubscribe_link(subscriber).rstrip("/").rsplit("/", 1)[1]},
    }[kind]
    response = getattr(client, method)(reverse(f"newsletter:{name}", kwargs=kwargs), data)
    assert response.status_code == expected
    if persona == "anonymous" and name in ("issues", "compose", "issue", "issue_pdf"):
        assert response["Location"].startswith("/werkplek/inloggen/")


def test_the_table_covers_every_newsletter_url():
    names = {name for name, *_rest in MATRIX} | {"unsubscribe"}
    patterns = {
        q.name
        for p in get_resolver().url_patterns
        if getattr(p, "namespace", None) == "newsletter"
        for q in p.url_patterns  # type: ignore[attr-defined]
    }
    assert patterns == names
