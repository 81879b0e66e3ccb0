"""One table: every network URL × every persona → the status they get.

Key persons see only their own work and their own support point's network; a support point's members see its key
persons, figures and self-organisations (managers and editors change them); everyone else gets 404 for the support
point's pages (they never learn what it keeps) and 403 for the key persons' pages (they say who may use them).
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import get_resolver, reverse

from samenspel.directory.models import Organisation, Theme
from samenspel.directory.reference import load_reference_data
from samenspel.network.models import Journey
from samenspel.network.services import (
    help_service_save,
    help_suggest,
    journey_start,
    key_person_invite,
    meeting_create,
    signal_add,
    sister_contact_add,
    tie_create,
    tour_report_create,
    tour_token,
)
from tests.conftest import built_once, make_group, make_location, make_support_point
from tests.network.conftest import key_person, make_key_person
from tests.personas import Personas, client_for, make_other_support_point

pytestmark = pytest.mark.django_db

PERSONAS = [
    "anonymous",
    "outsider",
    "key_person",
    "other_key_person",
    "manager",
    "viewer",
    "professional",
    "other_member",
    "staff",
]


def _row(*statuses: int) -> dict[str, int]:
    return dict(zip(PERSONAS, statuses, strict=True))


KEY_PERSONS = _row(302, 403, 200, 200, 403, 403, 403, 403, 403)
OWN_JOURNEY = _row(302, 403, 200, 404, 403, 403, 403, 403, 403)
MEMBERS = _row(302, 404, 404, 404, 200, 200, 404, 404, 404)
MEMBERS_WRITE = _row(302, 404, 404, 404, 302, 403, 404, 404, 404)
MANAGERS = _row(302, 404, 404, 404, 302, 403, 404, 404, 404)
EVERYONE = _row(200, 200, 200, 200, 200, 200, 200, 200, 200)
NOBODY_PUBLIC = _row(404, 404, 404, 404, 404, 404, 404, 404, 404)
NOBODY_SIGNED_IN = _row(302, 404, 404, 404, 404, 404, 404, 404, 404)

# (url name, arguments by name, method, expected)
MATRIX: list[tuple[str, str, str, dict[str, int]]] = [
    ("home", "", "get", KEY_PERSONS),
    ("profile", "", "get", KEY_PERSONS),
    ("contact_new", "", "get", KEY_PERSONS),
    ("journeys", "", "get", KEY_PERSONS),
    ("circle", "", "get", KEY_PERSONS),
    ("signals", "", "get", KEY_PERSONS),
    ("help_map", "", "get", KEY_PERSONS),
    ("help_suggest", "", "get", KEY_PERSONS),
    ("sister_contacts", "", "get", KEY_PERSONS),
    ("help_services", "sp", "get", MEMBERS),
    # An empty form: the manager gets it back (400), a reader may not send it.
    ("help_services", "sp", "post", _row(302, 404, 404, 404, 400, 403, 404, 404, 404)),
    ("help_service", "sp,service", "get", MEMBERS),
    ("help_service", "other_sp,service", "get", NOBODY_SIGNED_IN),
    ("help_suggestion_decide", "sp,suggestion", "post", MEMBERS_WRITE),
    ("sister_contacts_manage", "sp", "get", MEMBERS),
    ("sister_contacts_manage", "sp", "post", MEMBERS_WRITE),
    ("signal_initiative", "sp,signal", "post", MEMBERS_WRITE),
    ("signal_initiative", "other_sp,signal", "post", NOBODY_SIGNED_IN),
    ("meeting", "meeting", "get", _row(302, 404, 200, 404, 200, 200, 404, 404, 404)),
    ("meetings", "sp", "get", MEMBERS),
    ("journey", "journey", "get", OWN_JOURNEY),
    ("public", "sp", "get", EVERYONE),
    ("public", "unknown", "get", NOBODY_PUBLIC),
    ("key_persons", "sp", "get", MEMBERS),
    ("key_persons", "other_sp", "get", _row(302, 404, 404, 404, 404, 404, 404, 200, 404)),
    ("key_persons", "sp", "post", MEMBERS_WRITE),
    ("key_person_end", "sp,invited", "post", MANAGERS),
    ("figures", "sp", "get", MEMBERS),
    ("ties", "sp", "get", MEMBERS),
    ("tie", "sp,tie", "get", MEMBERS),
    ("tie", "other_sp,tie", "get", NOBODY_SIGNED_IN),
    ("tour_report_new", "sp,tie", "get", _row(302, 404, 404, 404, 200, 403, 404, 404, 404)),
    # The organisation's one-time link: anyone holding it may answer; a made-up token finds nothing.
    ("tour_confirm", "token", "get", EVERYONE),
    ("tour_confirm", "bad_token", "get", NOBODY_PUBLIC),
]


def _build() -> dict[str, Any]:
    # The table's world (the conftest's cast: personas and two key persons, the support point with its group and the
    # other support point), built once for all its URLs instead of once for each.
    load_reference_data()
    group = make_group(make_support_point(), make_location())
    support_point, other_support_point = group.support_point, make_other_support_point()
    people = Personas(
        world={"support_point": support_point, "persona_group": group, "other_support_point": other_support_point}
    )
    people.build("anonymous", "outsider", "viewer", "manager", "professional", "other_member", "staff")
    people["key_person"] = make_key_person(support_point, "ayse@sleutel.example.org", "Ayşe", visibility="public")
    people["other_key_person"] = make_key_person(
        other_support_point, "samira@sleutel.example.org", "Samira", languages=("ar",)
    )
    return {"cast": dict(people), "support_point": support_point, "other_support_point": other_support_point}


_world_rows, world = built_once(_build)


def test_the_matrix_covers_every_network_url() -> None:
    _prefix, namespace = get_resolver().namespace_dict["network"]
    names = {name for name in namespace.reverse_dict if isinstance(name, str)}
    assert names == {name for name, *_rest in MATRIX}


@pytest.mark.parametrize(
    ("name", "args", "method", "expected"), MATRIX, ids=[f"{m[0]}-{m[1] or 'none'}-{m[2]}" for m in MATRIX]
)
def test_every_network_url_answers_each_persona_as_the_table_says(
    name: str,
    args: str,
    method: str,
    expected: dict[str, int],
    world: dict[str, Any],
) -> None:
    cast, support_point, other_support_point = world["cast"], world["support_point"], world["other_support_point"]
    self_organisation = Organisation.objects.create(slug="so", kind="self_organisation", name="Zelforganisatie")
    journey: Journey = journey_start(key_person=key_person(cast["key_person"]))
    tie = tie_create(support_point=support_point, organisation=self_organisation, actor=None)
    values = {
        "sp": support_point.slug,
        "other_sp": other_support_point.slug,
        "unknown": "atlantis",
        "journey": journey.uuid,
        "tie": tie.uuid,
        "token": tour_token(
            tour_report_create(
                tie=tie,
                author=None,
                visited_on=datetime.date(2026, 11, 1),
                target_group="-",
                activities="-",
                shortages=[],
            )
        ),
        "bad_token": "not-a-token",
        "service": help_service_save(
            support_point=support_point,
            actor=None,
            provider=Organisation.objects.create(slug="gemeente", kind="municipality", name="Gemeente Eindhoven"),
            name="Schuldhulp",
            topic="debt",
        ).uuid,
        "suggestion": help_suggest(
            key_person=key_person(cast["key_person"]), text="Open on Mondays", service_name="Taalcafé"
        ).uuid,
        "signal": signal_add(
            key_person=key_person(cast["key_person"]), need="Mothers alone", theme=Theme.objects.first()
        ).uuid,
        "meeting": meeting_create(
            support_point=support_point, held_on=datetime.date(2026, 12, 15), agenda="", actor=None
        ).uuid,
    }
    contact = sister_contact_add(
        support_point=support_point,
        actor=None,
        approved=False,
        organisation_name="Vluchtelingenwerk",
        name="Fatma",
        ask_for="Residence permits",
        email="spreekuur@vluchtelingenwerk.example.org",
    )
    got = {}
    for persona in PERSONAS:
        if "invited" in args:
            values["invited"] = key_person_invite(
                support_point=support_point, email=f"invited-{persona}@example.org", actor=None
            ).uuid
        url = reverse(f"network:{name}", args=[values[a] for a in args.split(",") if a])
        client = client_for(cast[persona])
        data: dict[str, Any] = {"email": f"new-{persona}@example.org"} if name == "key_persons" else {}
        if name == "sister_contacts_manage":
            data = {"contact": str(contact.uuid), "action": "check"}
        response = client.post(url, data) if method == "post" else client.get(url)
        got[persona] = response.status_code
        if persona == "anonymous" and response.status_code == 302:
            assert response["Location"].startswith(reverse("accounts:login"))
        if name not in ("public",) and response.status_code == 200:
            assert response["Cache-Control"] == "no-store"
    assert got == expected, (name, args, method)
