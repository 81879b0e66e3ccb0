"""One table: every insight URL × every persona → the status they get.

Only people with access to a municipality see its pages. Everyone else, staff included, gets 404 and so
never learns which municipalities look at their figures; anonymous visitors are sent to sign in.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import get_resolver, reverse

from tests.insight.conftest import A_SLUG, B_SLUG
from tests.personas import client_for

pytestmark = pytest.mark.django_db

PERSONAS = ["anonymous", "outsider", "member", "professional", "municipality_a", "staff"]


def _row(*statuses: int) -> dict[str, int]:
    return dict(zip(PERSONAS, statuses, strict=True))


OWN_MUNICIPALITY = _row(302, 404, 404, 404, 200, 404)
NOBODY = _row(302, 404, 404, 404, 404, 404)

# (url name, municipality slug, expected)
MATRIX: list[tuple[str, str, dict[str, int]]] = [
    ("coverage", A_SLUG, OWN_MUNICIPALITY),
    ("coverage", B_SLUG, NOBODY),
    ("coverage", "atlantis", NOBODY),
    ("referrals", A_SLUG, OWN_MUNICIPALITY),
    ("referrals", B_SLUG, NOBODY),
    ("referrals", "atlantis", NOBODY),
]


def test_the_matrix_covers_every_insight_url() -> None:
    _prefix, namespace = get_resolver().namespace_dict["insight"]
    names = {name for name in namespace.reverse_dict if isinstance(name, str)}
    assert names == {name for name, *_rest in MATRIX}


@pytest.mark.parametrize(("name", "slug", "expected"), MATRIX, ids=[f"{m[0]}-{m[1]}" for m in MATRIX])
def test_every_insight_url_answers_each_persona_as_the_table_says(
    name: str,
    slug: str,
    expected: dict[str, int],
    personas: dict[str, Any],
    region: dict[str, Any],
    referral_counts: None,
) -> None:
    url = reverse(f"insight:{name}", args=[slug])
    got = {}
    for persona in PERSONAS:
        response = client_for(personas[persona]).get(url)
        got[persona] = response.status_code
        if persona == "anonymous":
            assert response["Location"].startswith(reverse("accounts:login")), "anonymous visitors go to sign in"
        if response.status_code == 200:
            body = response.content.decode()
            # Only aggregates: no group, no contact point, no person.
            assert not [group.slug for group in region.values() if group.slug in body]
            assert "@groups.example.org" not in body
    assert got == expected, url


def test_a_support_point_member_still_passes_two_factor_first(personas: dict[str, Any]) -> None:
    from django.test import Client

    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(personas["member"])  # signed in, but without the second factor
    response = client.get(reverse("insight:coverage", args=[A_SLUG]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:otp_setup"))
