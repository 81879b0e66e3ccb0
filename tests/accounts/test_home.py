"""The person's home at /werkplek/: every room they hold, asked of each room, whichever way they signed in."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from samenspel.insight.models import MunicipalityAccess
from samenspel.referral.models import Professional
from samenspel.workspace.models import GroupContact, Membership, Role
from tests.workspace.conftest import make_user, sign_in


def test_the_home_lists_every_room_a_person_holds(client, group) -> None:
    person = make_user("everything@example.org")
    Membership.objects.create(user=person, support_point=group.support_point, role=Role.EDITOR)
    GroupContact.objects.create(user=person, group=group)
    Professional.objects.create(
        user=person, organisation="Praktijk", role="gp", support_point=group.support_point, status="pending"
    )
    MunicipalityAccess.objects.create(user=person, municipality="Eindhoven")
    sign_in(client, person)
    body = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("workspace:dashboard", args=[group.support_point.slug])}"' in body
    assert f'href="{reverse("workspace:group", args=[group.uuid])}"' in body
    assert f'href="{reverse("insight:coverage", args=["eindhoven"])}"' in body
    assert f'href="{reverse("referral:professionals", args=[group.support_point.slug])}"' in body
    assert "(Waiting for approval)" in body
    assert "You have no groups or support points yet" not in body


def test_a_professional_sees_their_status_and_no_empty_home_note(client, support_point: Any) -> None:
    person = make_user("gp@example.org")
    Professional.objects.create(user=person, organisation="Praktijk", role="gp", support_point=support_point)
    sign_in(client, person)
    body = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("referral:home")}"' in body
    assert "(Waiting for approval)" in body
    assert "You have no groups or support points yet" not in body


def test_a_person_without_rooms_is_told_whom_to_ask(client, db) -> None:
    sign_in(client, make_user("nobody@example.org"))
    body = client.get(reverse("home")).content.decode()
    assert "You have no groups or support points yet" in body


def test_support_point_staff_pass_two_factor_before_their_home(client, support_point: Any) -> None:
    person = make_user("staff@example.org")
    Membership.objects.create(user=person, support_point=support_point, role=Role.VIEWER)
    client.force_login(person)
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:otp_setup"))
