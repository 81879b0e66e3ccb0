"""One table: every workspace URL × every persona → the status they get."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import get_resolver, reverse

from samenspel.directory.reference import load_reference_data
from samenspel.finder.models import Question
from samenspel.workspace.access import question_ref
from samenspel.workspace.models import (
    ChangeRequest,
    FacilitationRequest,
    GroupContact,
    ImportBatch,
    InformationSession,
    Membership,
)
from samenspel.workspace.tokens import check_token_for, edit_token_for
from tests.conftest import built_once, make_group, make_location, make_support_point
from tests.personas import Personas, make_other_group, make_other_support_point, make_user, sign_in

PERSONAS = ["anonymous", "outsider", "other_member", "viewer", "editor", "manager", "contact", "other_contact"]


def _row(
    anon: int,
    outsider: int,
    other_member: int,
    viewer: int,
    editor: int,
    manager: int,
    contact: int,
    other_contact: int,
) -> dict[str, int]:
    return dict(
        zip(PERSONAS, [anon, outsider, other_member, viewer, editor, manager, contact, other_contact], strict=True)
    )


# Anonymous visitors are sent to sign in (302) wherever a page needs an account.
SUPPORT_POINT_READ = _row(302, 404, 404, 200, 200, 200, 404, 404)
SUPPORT_POINT_WRITE = _row(302, 404, 404, 403, 302, 302, 404, 404)
SUPPORT_POINT_MANAGE = _row(302, 404, 404, 403, 403, 302, 404, 404)
GROUP_READ = _row(302, 404, 404, 200, 200, 200, 200, 404)
GROUP_WRITE = _row(302, 404, 404, 403, 302, 302, 302, 404)
GROUP_REVIEW = _row(302, 404, 404, 403, 302, 302, 403, 404)
SIGNED_IN = _row(302, 200, 200, 200, 200, 200, 200, 200)
EVERYONE = _row(200, 200, 200, 200, 200, 200, 200, 200)

SETTINGS_DATA = {"verify_every_days": 100, "overdue_after_days": 10, "note_after_days": 200, "hide_after_days": 300}

SESSION_DATA = {"date": "2026-05-04", "place_kind": "school", "attendees": 12, "given_by": "Support point"}

# Pages under /werkplek/ mounted by samenspel/urls.py itself, outside the workspace's namespace.
PROJECT_URLS = {"home", "api_keys"}

# (url name, method, how to build the kwargs, post data, expected statuses); a bare name is the workspace's.
MATRIX: list[tuple[str, str, str, dict[str, Any], dict[str, int]]] = [
    ("home", "get", "none", {}, SIGNED_IN),
    ("accounts:login", "get", "none", {}, EVERYONE),
    ("accounts:login_link", "get", "bad_link", {}, _row(400, 400, 400, 400, 400, 400, 400, 400)),
    ("accounts:logout", "post", "none", {}, _row(302, 302, 302, 302, 302, 302, 302, 302)),
    # Staff in this table already passed two-factor, so setting it up again sends them on.
    ("accounts:otp_setup", "get", "none", {}, _row(302, 200, 302, 302, 302, 302, 200, 200)),
    ("accounts:otp_verify", "get", "none", {}, _row(302, 302, 200, 200, 200, 200, 302, 302)),
    ("check", "get", "check", {}, EVERYONE),
    # The freshness e-mail's edit link: whoever holds it may change that one group, signed in or not.
    ("check_edit", "get", "edit_link", {}, EVERYONE),
    ("check_edit", "post", "edit_link", {"name_nl": "Nieuwe naam", "intake": "just_come", "cost": "free"}, EVERYONE),
    # Only platform staff (is_staff) start support points; no persona in this table is.
    ("support_point_new", "get", "none", {}, _row(302, 404, 404, 404, 404, 404, 404, 404)),
    ("support_point_new", "post", "none", {"name": "X"}, _row(302, 404, 404, 404, 404, 404, 404, 404)),
    ("accounts:language", "get", "none", {}, SIGNED_IN),
    ("accounts:language", "post", "none", {"language": "en"}, _row(302, 302, 302, 302, 302, 302, 302, 302)),
    ("dashboard", "get", "sp", {}, SUPPORT_POINT_READ),
    ("review_queue", "get", "sp", {}, SUPPORT_POINT_READ),
    ("translation_wanted", "get", "sp", {}, SUPPORT_POINT_READ),
    ("inbox", "get", "sp", {}, SUPPORT_POINT_READ),
    ("settings", "get", "sp", {}, SUPPORT_POINT_READ),
    ("settings", "post", "sp", SETTINGS_DATA, SUPPORT_POINT_MANAGE),
    ("api_keys", "get", "sp", {}, _row(302, 404, 404, 403, 403, 200, 404, 404)),
    ("api_keys", "post", "sp", {"name": "CRM"}, _row(302, 404, 404, 403, 403, 200, 404, 404)),
    ("group", "get", "group", {}, GROUP_READ),
    ("group_edit", "get", "group", {}, GROUP_READ),
    ("group_edit", "post", "group", {"name_nl": "Nieuwe naam", "intake": "just_come", "cost": "free"}, GROUP_WRITE),
    ("group_status", "post", "group", {"status": "paused", "date": "2026-06-01"}, GROUP_WRITE),
    ("group_translate", "get", "group", {}, _row(302, 404, 404, 403, 200, 200, 200, 404)),
    ("group_translate", "post", "group", {"name_en": "Peer group"}, _row(302, 404, 404, 403, 302, 302, 302, 404)),
    ("group_event", "post", "group", {"kind": "other", "date": "2026-06-01"}, GROUP_WRITE),
    ("group_verify", "post", "group", {}, GROUP_WRITE),
    ("change", "get", "change", {}, GROUP_READ),
    ("change_approve", "post", "change", {}, GROUP_REVIEW),
    ("change_reject", "post", "change", {}, GROUP_REVIEW),
    ("facilitation_create", "post", "group", {"kind": "room"}, GROUP_WRITE),
    ("facilitation_list", "get", "sp", {}, SUPPORT_POINT_READ),
    ("facilitation_status", "post", "facilitation", {"status": "granted"}, GROUP_REVIEW),
    ("information_sessions", "get", "sp", {}, SUPPORT_POINT_READ),
    ("information_sessions", "post", "sp", SESSION_DATA, SUPPORT_POINT_WRITE),
    ("information_session_attendees", "post", "session", {"attendees": 12}, SUPPORT_POINT_WRITE),
    ("import_upload", "get", "sp", {}, SUPPORT_POINT_READ),
    ("import_upload", "post", "sp", {}, _row(302, 404, 404, 403, 200, 200, 404, 404)),
    ("import_batch", "get", "batch", {}, SUPPORT_POINT_READ),
    ("import_batch", "post", "batch", {"action": "check", "map_name_nl": "Naam"}, SUPPORT_POINT_WRITE),
    ("import_status", "get", "batch", {}, SUPPORT_POINT_READ),
    ("import_report", "get", "batch", {}, SUPPORT_POINT_READ),
    ("import_template", "get", "template", {}, SUPPORT_POINT_READ),
    ("export_groups", "get", "sp", {}, SUPPORT_POINT_READ),
    ("members", "get", "sp", {}, SUPPORT_POINT_READ),
    ("members", "post", "sp", {"email": "new@example.org", "role": "viewer"}, SUPPORT_POINT_MANAGE),
    ("member_remove", "post", "member", {}, SUPPORT_POINT_MANAGE),
    ("contact_add", "post", "group", {"email": "new@example.org"}, GROUP_REVIEW),
    ("contact_remove", "post", "contact", {}, GROUP_REVIEW),
    ("question", "get", "question", {}, GROUP_READ),
    ("question_answer", "post", "question", {"body": "Welkom"}, GROUP_WRITE),
    ("question_status", "post", "question", {"status": "closed"}, GROUP_WRITE),
]

CASES = [
    pytest.param(name, method, kind, data, persona, expected[persona], id=f"{method}-{name}-{persona}")
    for name, method, kind, data, expected in MATRIX
    for persona in PERSONAS
]


def _build() -> dict[str, Any]:
    # The workspace's world (tests/workspace/conftest.py: group, personas, change_request, question), built once for
    # the whole table instead of once for each of its cases.
    load_reference_data()
    group = make_group(make_support_point(), make_location())
    world: dict[str, Any] = {
        "support_point": group.support_point,
        "persona_group": group,
        "other_group": make_other_group(group),
        "other_support_point": make_other_support_point(),
    }
    personas = Personas(world=world).build(*PERSONAS)
    change_request = ChangeRequest.objects.create(
        group=group,
        changes={"name_en": ["Peer group depression", "Depression group"]},
        submitted_by=personas["contact"],
    )
    question = Question.objects.create(group=group, message="Mag ik komen kijken?", reply_email="bezoeker@example.org")
    return {"group": group, "personas": dict(personas), "change_request": change_request, "question": question}


_world_rows, world = built_once(_build)


@pytest.fixture
def personas(world: dict[str, Any]) -> dict[str, Any]:
    return world["personas"]


@pytest.fixture
def group(world: dict[str, Any]) -> Any:
    return world["group"]


@pytest.fixture
def change_request(world: dict[str, Any]) -> Any:
    return world["change_request"]


@pytest.fixture
def question(world: dict[str, Any]) -> Any:
    return world["question"]


def _kwargs(kind: str, group: Any, change_request: Any, question: Any) -> dict[str, Any]:
    if kind == "member":
        user = make_user("leaving@example.org")
        Membership.objects.create(user=user, support_point=group.support_point, role="viewer")
        return {"slug": group.support_point.slug, "user_id": user.pk}
    if kind == "contact":
        user = make_user("leaving-contact@example.org")
        GroupContact.objects.create(user=user, group=group)
        return {"group_uuid": group.uuid, "user_id": user.pk}
    if kind == "batch":
        batch = ImportBatch.objects.create(support_point=group.support_point, filename="x.csv", headers=["Naam"])
        return {"slug": group.support_point.slug, "batch_uuid": batch.uuid}
    if kind == "template":
        return {"slug": group.support_point.slug, "kind": "xlsx"}
    if kind == "session":
        session = InformationSession.objects.create(
            support_point=group.support_point, date="2026-05-04", place_kind="school", given_by="x"
        )
        return {"slug": group.support_point.slug, "session_uuid": session.uuid}
    if kind == "facilitation":
        return {"request_uuid": FacilitationRequest.objects.create(group=group, kind="room").uuid}
    return {
        "none": {},
        "bad_link": {"uidb64": "MQ", "token": "abc-def"},
        "check": {"token": check_token_for(group)},
        "edit_link": {"token": edit_token_for(group, group.contact_email)},
        "sp": {"slug": group.support_point.slug},
        "group": {"group_uuid": group.uuid},
        "change": {"change_uuid": change_request.uuid},
        "question": {"ref": question_ref(question)},
    }[kind]


def _full_name(name: str) -> str:
    return name if ":" in name or name in PROJECT_URLS else f"workspace:{name}"


@pytest.mark.parametrize(("name", "method", "kind", "data", "persona", "expected"), CASES)
def test_every_workspace_url_answers_each_persona_as_the_table_says(
    client, personas, group, change_request, question, name, method, kind, data, persona, expected
):
    if personas[persona] is not None:
        sign_in(client, personas[persona])
    url = reverse(_full_name(name), kwargs=_kwargs(kind, group, change_request, question))
    response = getattr(client, method)(url, data)
    assert response.status_code == expected
    if persona == "anonymous" and expected == 302 and name not in ("accounts:logout",):
        assert response["Location"].startswith("/werkplek/inloggen/")


def test_the_table_covers_every_workspace_url():
    resolver = get_resolver()
    names = {_full_name(name) for name, *_rest in MATRIX}
    workspace_names = {
        f"workspace:{p.name}"
        for p in resolver.url_patterns
        if getattr(p, "namespace", None) == "workspace"
        for p in p.url_patterns
    }  # type: ignore[attr-defined]
    # Sign-in and the pages mounted by the project share the /werkplek/ prefix: the table covers them too.
    under_werkplek = {
        f"{p.namespace}:{q.name}" if getattr(p, "namespace", None) else p.name
        for p in resolver.url_patterns
        if str(p.pattern).startswith("werkplek/")
        for q in getattr(p, "url_patterns", [p])
    }
    assert workspace_names <= names
    assert under_werkplek == names
