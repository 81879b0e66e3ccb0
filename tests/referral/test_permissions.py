"""One table: every referral URL × every persona → the status they get.

A handover is readable only by the group's contact person and its support
point's members: other contact points, other support points and other
professionals (the sender too) get 404, so they do not even learn it exists.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.db import transaction
from django.urls import get_resolver, reverse

from samenspel.referral.models import AllowedDomain, Handover, Professional, ProfessionalStatus
from samenspel.referral.services import group_code
from tests.personas import client_for, make_professional

PERSONAS = [
    "anonymous",
    "outsider",
    "professional_a",
    "professional_b",
    "contact",
    "other_contact",
    "member",
    "other_member",
]


def _row(*statuses: int) -> dict[str, int]:
    return dict(zip(PERSONAS, statuses, strict=True))


EVERYONE = _row(200, 200, 200, 200, 200, 200, 200, 200)
REDIRECT_ALL = _row(302, 302, 302, 302, 302, 302, 302, 302)
SIGNED_IN = _row(302, 200, 200, 200, 200, 200, 200, 200)
# Anonymous visitors are sent to sign in (302); signed-in people without professional access get 403 and a page
# that says how to ask for it.
PROFESSIONAL_READ = _row(302, 403, 200, 200, 403, 403, 403, 403)
PROFESSIONAL_WRITE = _row(302, 403, 302, 302, 403, 403, 403, 403)
HANDOVER_READ = _row(302, 404, 404, 404, 200, 404, 200, 404)
HANDOVER_WRITE = _row(302, 404, 404, 404, 302, 404, 302, 404)
SUPPORT_POINT_READ = _row(302, 404, 404, 404, 404, 404, 200, 404)
SUPPORT_POINT_WRITE = _row(302, 404, 404, 404, 404, 404, 302, 404)
# The member persona is an editor: managing domains and the referral contact is for managers.
SUPPORT_POINT_MANAGE = _row(302, 404, 404, 404, 404, 404, 403, 404)

HANDOVER_DATA = {
    "consent": "yes",
    "kind": "please_contact",
    "contact_name": "Ayse",
    "contact_phone": "06 12345678",
    "preferred_language": "tr",
}

# (url name, method, kwargs builder, post data, expected)
MATRIX: list[tuple[str, str, str, dict[str, Any], dict[str, int]]] = [
    ("index", "get", "none", {}, EVERYONE),
    ("for_professionals", "get", "sp", {}, EVERYONE),
    ("code", "get", "none", {}, EVERYONE),
    ("code_direct", "get", "code", {}, REDIRECT_ALL),
    ("slip", "get", "slip", {}, EVERYONE),
    ("slip_pdf", "get", "slip", {}, EVERYONE),
    ("sign_up", "get", "none", {}, EVERYONE),
    ("home", "get", "none", {}, PROFESSIONAL_READ),
    ("search", "get", "none", {}, PROFESSIONAL_READ),
    ("shortlist", "post", "group", {"action": "add"}, PROFESSIONAL_WRITE),
    ("slip_make", "get", "group", {}, PROFESSIONAL_READ),
    ("slip_make", "post", "group", {"language": "tr"}, PROFESSIONAL_WRITE),
    ("handover_new", "get", "group", {}, PROFESSIONAL_READ),
    ("handover_new", "post", "group", HANDOVER_DATA, PROFESSIONAL_WRITE),
    ("handover_list", "get", "none", {}, SIGNED_IN),
    ("handover", "get", "handover", {}, HANDOVER_READ),
    ("handover_status", "post", "handover", {"status": "contacted"}, HANDOVER_WRITE),
    ("professionals", "get", "sp", {}, SUPPORT_POINT_READ),
    ("professional_decision", "post", "pending", {"action": "approve"}, SUPPORT_POINT_WRITE),
    ("settings", "get", "sp", {}, SUPPORT_POINT_READ),
    ("settings", "post", "sp", {"add_domain": "1", "domain-domain": "praktijk.nl"}, SUPPORT_POINT_MANAGE),
    ("domain_remove", "post", "domain", {}, SUPPORT_POINT_MANAGE),
    ("figures", "get", "sp", {}, SUPPORT_POINT_READ),
]


def test_the_matrix_covers_every_referral_url() -> None:
    _prefix, namespace = get_resolver().namespace_dict["referral"]
    names = {name for name in namespace.reverse_dict if isinstance(name, str)}
    assert names == {name for name, *_rest in MATRIX}


def _kwargs(kind: str, context: dict[str, Any]) -> dict[str, Any]:
    return {
        "none": {},
        "sp": {"slug": context["group"].support_point.slug},
        "group": {"slug": context["group"].slug},
        "code": {"code": context["code"]},
        "slip": {"code": context["code"], "language": "tr"},
        "handover": {"handover_uuid": context["handover"].uuid},
        "pending": {"slug": context["group"].support_point.slug, "professional_id": context["pending"].pk},
        "domain": {"slug": context["group"].support_point.slug, "domain_id": context["domain"].pk},
    }[kind]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "method", "kind", "data", "expected"), MATRIX, ids=[f"{m[0]}-{m[1]}" for m in MATRIX])
def test_permission_matrix(
    name: str,
    method: str,
    kind: str,
    data: dict[str, Any],
    expected: dict[str, int],
    personas: dict[str, Any],
    gambling_group: Any,
    handover: Handover,
) -> None:
    sp = gambling_group.support_point
    pending_user = make_professional("new@elders.example.nl", sp, status=ProfessionalStatus.PENDING)
    context = {
        "group": gambling_group,
        "code": group_code(gambling_group).code,
        "handover": handover,
        "pending": Professional.objects.get(user=pending_user),
        "domain": AllowedDomain.objects.create(support_point=sp, domain="praktijk.example.nl"),
    }
    url = reverse(f"referral:{name}", kwargs=_kwargs(kind, context))
    got: dict[str, int] = {}
    leaks: list[str] = []
    for persona in PERSONAS:
        # Each persona starts from the same data: what one persona's POST changed is rolled back.
        with transaction.atomic():
            client = client_for(personas[persona])
            response = client.post(url, data) if method == "post" else client.get(url)
            got[persona] = response.status_code
            if response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
                readable = expected is HANDOVER_READ
                if ("Mehmet" in response.content.decode()) != readable:
                    leaks.append(persona)
            transaction.set_rollback(True)
    assert got == expected, f"{method.upper()} {url}"
    assert not leaks, "the client's name shows only on the handover page, to the contact point and support point"


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS[1:])
def test_the_handover_list_shows_a_handover_only_to_those_who_may_read_it(
    persona: str, personas: dict[str, Any], handover: Handover
) -> None:
    response = client_for(personas[persona]).get(reverse("referral:handover_list"))
    assert response.status_code == 200
    body = response.content.decode()
    assert (str(handover.uuid) in body) == (persona in {"contact", "member"})
    assert "Mehmet" not in body, "lists show no names"
