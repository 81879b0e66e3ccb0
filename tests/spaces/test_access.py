"""One table: every spaces URL × every persona → the status they get. Outsiders get 404 (a closed space's address
tells nothing), people who may look but not do get 403. A member of one space never sees another; no workspace
role, not even platform staff, opens a space's messages."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import get_resolver, reverse

from samenspel.directory.reference import load_reference_data
from samenspel.spaces import services
from samenspel.spaces.models import AccessLevel, Space
from tests.conftest import built_once, make_group, make_location, make_support_point
from tests.personas import BUILDERS, Personas, client_for, make_other_group
from tests.spaces.conftest import browser_of, join, open_space

PERSONAS = [
    "anonymous",
    "outsider",
    "viewer",
    "editor",
    "contact",
    "other_contact",
    "staff",
    "space_member",
    "space_moderator",
    "other_space_member",
]


def _row(*statuses: int) -> dict[str, int]:
    return dict(zip(PERSONAS, statuses, strict=True))


#                      anon  out  view  edit  cont  ocon staff  mem   mod  omem
EVERYONE = _row(200, 200, 200, 200, 200, 200, 200, 200, 200, 200)
MEMBERS = _row(404, 404, 404, 404, 404, 404, 404, 200, 200, 404)
MEMBERS_REDIRECT = _row(404, 404, 404, 404, 404, 404, 404, 302, 302, 404)
MODERATORS = _row(404, 404, 404, 404, 404, 404, 404, 403, 200, 404)
MODERATORS_POST = _row(404, 404, 404, 404, 404, 404, 404, 403, 302, 404)
# The group decides on its space (its contact persons); the support point looks and helps.
MANAGE_READ = _row(302, 404, 200, 200, 200, 404, 404, 302, 302, 302)
# With a space open, the group page leads everyone who may see it to the space's settings.
MANAGE_OPEN_READ = _row(302, 404, 302, 302, 302, 404, 404, 302, 302, 302)
MANAGE_DECIDE = _row(302, 404, 403, 403, 302, 404, 404, 302, 302, 302)
MANAGE_SAVE = _row(302, 404, 403, 403, 200, 404, 404, 302, 302, 302)
THEMES_READ = _row(302, 404, 200, 200, 404, 404, 404, 302, 302, 302)
THEMES_WRITE = _row(302, 404, 403, 400, 404, 404, 404, 302, 302, 302)
BAD_LINK = _row(404, 404, 404, 404, 404, 404, 404, 404, 404, 404)

SETTINGS = {
    "name": "Online",
    "access_level": "registered",
    "house_rules": "Regels",
    "retention_months": 12,
    "posts_per_day": 10,
}

MATRIX: list[tuple[str, str, str, dict[str, Any], dict[str, int]]] = [
    ("join_code", "get", "none", {}, EVERYONE),
    ("join_link", "get", "bad_code", {}, BAD_LINK),
    ("come_back", "get", "none", {}, EVERYONE),
    ("link", "get", "bad_token", {}, BAD_LINK),
    ("space", "get", "space", {}, MEMBERS),
    ("space", "post", "space", {"title": "Hoi", "body": "Tekst"}, MEMBERS_REDIRECT),
    ("join", "get", "space", {}, MEMBERS_REDIRECT),
    ("welcome", "get", "space", {}, MEMBERS_REDIRECT),
    ("thread", "get", "thread", {}, MEMBERS),
    ("thread", "post", "thread", {"body": "Antwoord"}, MEMBERS_REDIRECT),
    ("thread_state", "get", "thread", {}, MEMBERS),
    ("report", "get", "post", {}, MEMBERS),
    ("me", "get", "space", {}, MEMBERS),
    ("export", "get", "space", {}, MEMBERS),
    ("leave", "post", "space", {}, MEMBERS),
    ("sign_out", "post", "space", {}, MEMBERS_REDIRECT),
    ("moderation", "get", "space", {}, MODERATORS),
    ("moderate_post", "get", "post", {}, MODERATORS),
    ("moderate_post", "post", "post", {"action": "dismiss"}, MODERATORS_POST),
    ("moderate_member", "get", "member", {}, MODERATORS),
    ("moderate_member", "post", "member", {"action": "warn", "note": "Let op"}, MODERATORS_POST),
    ("manage_group", "get", "group", {}, MANAGE_OPEN_READ),
    ("manage", "get", "manage", {}, MANAGE_READ),
    ("manage", "post", "manage", SETTINGS, MANAGE_SAVE),
    ("make_code", "post", "manage", {"kind": "shared"}, MANAGE_DECIDE),
    ("close", "post", "manage", {}, MANAGE_DECIDE),
    ("manage_themes", "get", "sp", {}, THEMES_READ),
    ("manage_themes", "post", "sp", {}, THEMES_WRITE),
]

CASES = [
    pytest.param(name, method, kind, data, persona, expected[persona], id=f"{method}-{name}-{persona}")
    for name, method, kind, data, expected in MATRIX
    for persona in PERSONAS
]


def _build() -> dict[str, Any]:
    # The table's world, built once for all its cases: a group's space with a member, a moderator, a trusted writer
    # and their thread, a second group's space with its own member, and the personas of the table.
    load_reference_data()
    group = make_group(make_support_point(), make_location())
    other_group = make_other_group(group)
    people = Personas(world={"support_point": group.support_point, "persona_group": group, "other_group": other_group})
    people.build(*(persona for persona in PERSONAS if persona in BUILDERS))
    space, other_space = open_space(group), open_space(other_group)
    member, _ = join(space, "Lid")
    moderator, _ = join(space, "Gids", moderator=True)
    other_member, _ = join(other_space, "Elders")
    writer, _ = join(space, "Schrijver")
    writer.trusted = True
    writer.save()
    thread = services.thread_create(member=writer, title="Onderwerp", body="Bericht")
    return {
        "space": space,
        "thread": thread,
        "post": thread.posts.get(),
        "member": writer,
        "people": dict(people),
        "space_member": member,
        "space_moderator": moderator,
        "other_space_member": other_member,
    }


# Class-scoped: the module's other tests build their own group and spaces.
_world_rows, world = built_once(_build, scope="class")


def _client(world: dict[str, Any], persona: str) -> Client:
    if persona in ("space_member", "space_moderator", "other_space_member"):
        return browser_of(world[persona])
    return client_for(world["people"][persona])


def _kwargs(kind: str, world: dict[str, Any]) -> dict[str, Any]:
    space = world["space"]
    return {
        "none": {},
        "bad_code": {"code": "AAAA-BBBB-CCCC"},
        "bad_token": {"token": "nope"},
        "space": {"space_uuid": space.uuid},
        "thread": {"space_uuid": space.uuid, "thread_id": world["thread"].pk},
        "post": {"space_uuid": space.uuid, "post_id": world["post"].pk},
        "member": {"space_uuid": space.uuid, "member_id": world["member"].pk},
        "group": {"group_uuid": space.group.uuid},
        "manage": {"space_uuid": space.uuid},
        "sp": {"slug": space.support_point.slug},
    }[kind]


class TestAccessTable:
    @pytest.mark.django_db
    @pytest.mark.parametrize(("name", "method", "kind", "data", "persona", "expected"), CASES)
    def test_access_table(
        self,
        world: dict[str, Any],
        name: str,
        method: str,
        kind: str,
        data: dict[str, Any],
        persona: str,
        expected: int,
    ) -> None:
        url = reverse(f"spaces:{name}", kwargs=_kwargs(kind, world))
        client = _client(world, persona)
        response = client.get(url) if method == "get" else client.post(url, data)
        assert response.status_code == expected


def test_the_table_covers_every_spaces_url() -> None:
    resolver = get_resolver()
    spaces = next(p for p in resolver.url_patterns if getattr(p, "namespace", None) == "spaces")
    names = {p.name for p in spaces.url_patterns}
    assert names == {name for name, *_rest in MATRIX}


LEVELS = list(AccessLevel)
PUBLIC = {AccessLevel.OPEN, AccessLevel.READ_OPEN}


@pytest.mark.django_db
@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("who", ["anonymous", "other_space_member", "staff"])
def test_only_the_open_levels_can_be_read_from_outside(group, other_space: Space, people: Personas, level, who) -> None:
    space = open_space(group, level)
    writer, _ = join(space, "Schrijver")
    writer.trusted = True
    writer.save()
    thread = services.thread_create(member=writer, title="Onderwerp", body="Bericht")
    if who == "other_space_member":
        client = browser_of(join(other_space, "Elders")[0])
    else:
        client = client_for(people[who] if who == "staff" else None)
    expected = 200 if level in PUBLIC else 404
    assert client.get(reverse("spaces:space", args=[space.uuid])).status_code == expected
    assert client.get(reverse("spaces:thread", args=[space.uuid, thread.pk])).status_code == expected
    assert client.get(reverse("spaces:join", args=[space.uuid])).status_code == expected
    # Reading is never writing: outside a space nobody posts, at any level.
    assert client.post(reverse("spaces:thread", args=[space.uuid, thread.pk]), {"body": "x"}).status_code in (403, 404)


@pytest.mark.django_db
def test_a_closed_space_is_gone_for_its_members_too(space: Space) -> None:
    member, _ = join(space, "Lid")
    services.space_update(actor=None, space=space, is_closed=True)
    assert browser_of(member).get(reverse("spaces:space", args=[space.uuid])).status_code == 404


@pytest.mark.django_db
def test_closed_levels_are_absent_from_search_feeds_and_the_api(space: Space, people: Personas) -> None:
    member, _ = join(space, "Lid")
    member.trusted = True
    member.save()
    services.thread_create(member=member, title="Zeldzaam-onderwerp-xyz", body="Zeldzaam-bericht-xyz")
    client = Client()
    for url in [
        "/?q=xyz",
        "/api/hsds/services",
        "/api/hsds/export.json",
        "/api/meeting-guide.json",
        "/api/calendar.ics",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response) if response.streaming else response.content
        text = body.decode(errors="replace")
        assert "Zeldzaam" not in text and str(space.uuid) not in text and "/ruimte/" not in text, url


@pytest.mark.django_db
def test_a_groups_contact_and_the_support_point_find_the_spaces_on_their_home(group, people: Personas) -> None:
    html = client_for(people["contact"]).get(reverse("home")).content.decode()
    assert reverse("spaces:manage_group", args=[group.uuid]) in html
    html = client_for(people["editor"]).get(reverse("home")).content.decode()
    assert reverse("spaces:manage_themes", args=[group.support_point.slug]) in html


@pytest.mark.django_db
def test_support_point_editors_open_a_theme_space_and_moderate_it(support_point, reference, people: Personas) -> None:
    from samenspel.directory.models import Theme

    client = client_for(people["editor"])
    response = client.post(
        reverse("spaces:manage_themes", args=[support_point.slug]),
        {**SETTINGS, "name": "Somber samen", "theme": Theme.objects.get(slug="depression").pk},
    )
    space = Space.objects.get(name="Somber samen")
    assert response["Location"] == reverse("spaces:manage", args=[space.uuid]) and space.group is None
    assert client.get(reverse("spaces:moderation", args=[space.uuid])).status_code == 200
    assert client_for(people["viewer"]).get(reverse("spaces:moderation", args=[space.uuid])).status_code == 404


@pytest.mark.django_db
def test_only_the_group_chooses_its_access_level(space: Space, people: Personas) -> None:
    data = {**SETTINGS, "access_level": "open"}
    assert client_for(people["manager"]).post(reverse("spaces:manage", args=[space.uuid]), data).status_code == 403
    space.refresh_from_db()
    assert space.access_level == "registered"
    assert client_for(people["contact"]).post(reverse("spaces:manage", args=[space.uuid]), data).status_code == 200
    space.refresh_from_db()
    assert space.access_level == "open"
