"""Giving and taking away access: the command, the admin, and signing in by e-mailed link."""

from __future__ import annotations

import re
from io import StringIO
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from samenspel.core.models import AuditEntry
from samenspel.insight.models import MunicipalityAccess
from tests.insight.conftest import A_NAME, A_SLUG, B_NAME, B_SLUG
from tests.personas import Personas, client_for, make_user

pytestmark = pytest.mark.django_db

EMAIL = "beleid@geldrop-mierlo.example.nl"


def _run(*args: str) -> str:
    out = StringIO()
    call_command("municipality_access", *args, stdout=out)
    return out.getvalue()


def test_grant_makes_an_account_without_a_password_and_audits_it() -> None:
    assert (
        _run("grant", "Beleid@Geldrop-Mierlo.example.nl", "geldrop mierlo") == f"Access given: {EMAIL} to {A_NAME}.\n"
    )
    access = MunicipalityAccess.objects.get()
    assert (access.user.email, access.municipality, access.granted_by) == (EMAIL, A_NAME, None)
    assert not access.user.has_usable_password(), "they sign in by e-mailed link"
    entry = AuditEntry.objects.get(object_type="insight.municipalityaccess")
    assert (entry.action, entry.actor_label, entry.changes["municipality"]) == (
        "created",
        "manage.py municipality_access",
        [None, A_NAME],
    )


def test_grant_twice_changes_nothing_and_an_existing_account_is_used() -> None:
    user = make_user(EMAIL)
    _run("grant", EMAIL, A_NAME)
    assert _run("grant", EMAIL, A_NAME) == f"Access was already given: {EMAIL} to {A_NAME}.\n"
    assert list(MunicipalityAccess.objects.values_list("user", flat=True)) == [user.pk]
    assert AuditEntry.objects.count() == 1


def test_revoke_takes_access_away_and_audits_it() -> None:
    _run("grant", EMAIL, A_NAME)
    assert _run("revoke", EMAIL, A_NAME) == f"Access taken away: {EMAIL} from {A_NAME}.\n"
    assert not MunicipalityAccess.objects.exists()
    assert list(AuditEntry.objects.order_by("id").values_list("action", flat=True)) == ["created", "deleted"]


def test_list_shows_who_has_access_to_what() -> None:
    assert _run("list") == "No one has access to a municipality yet.\n"
    _run("grant", EMAIL, A_NAME)
    _run("grant", "wethouder@eindhoven.example.nl", B_NAME)
    lines = _run("list").splitlines()
    assert [line.split("\t")[:2] for line in lines] == [
        [B_NAME, "wethouder@eindhoven.example.nl"],
        [A_NAME, EMAIL],
    ]


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("grant", EMAIL, "Atlantis"), "Unknown municipality: 'Atlantis'"),
        (("grant", "beleid@", A_NAME), "Not an e-mail address: 'beleid@'."),
        (("grant", "geen adres", A_NAME), "Not an e-mail address: 'geen adres'."),
        (("revoke", EMAIL, "Atlantis"), "Unknown municipality: 'Atlantis'"),
        (("revoke", EMAIL, A_NAME), f"{EMAIL} has no access to {A_NAME}."),
    ],
)
def test_bad_input_gives_a_clear_error_and_writes_nothing(args: tuple[str, ...], error: str) -> None:
    with translation.override("en"), pytest.raises(CommandError) as raised:
        _run(*args)
    assert error in str(raised.value)
    assert not MunicipalityAccess.objects.exists()
    assert not get_user_model().objects.exists()
    assert not AuditEntry.objects.exists()


@pytest.fixture
def staff_client(people: Personas) -> tuple[Client, Any]:
    staff = people["staff"]
    return client_for(staff), staff


def test_staff_grant_access_in_the_admin_and_it_is_audited(staff_client: tuple[Client, Any]) -> None:
    client, staff = staff_client
    user = make_user(EMAIL)
    response = client.post(
        reverse("admin:insight_municipalityaccess_add"), {"user": user.pk, "municipality": A_NAME}, follow=True
    )
    assert response.status_code == 200
    access = MunicipalityAccess.objects.get()
    assert (access.user, access.municipality, access.granted_by) == (user, A_NAME, staff)
    assert AuditEntry.objects.get(object_type="insight.municipalityaccess").actor == staff


def test_the_admin_refuses_a_municipality_that_does_not_exist(staff_client: tuple[Client, Any]) -> None:
    client, _staff = staff_client
    user = make_user(EMAIL)
    response = client.post(
        reverse("admin:insight_municipalityaccess_add"), {"user": user.pk, "municipality": "Atlantis"}
    )
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert not MunicipalityAccess.objects.exists()


def test_staff_revoke_access_in_the_admin_and_it_is_audited(staff_client: tuple[Client, Any]) -> None:
    client, staff = staff_client
    access = MunicipalityAccess.objects.create(user=make_user(EMAIL), municipality=A_NAME)
    response = client.post(reverse("admin:insight_municipalityaccess_delete", args=[access.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not MunicipalityAccess.objects.exists()
    entry = AuditEntry.objects.get(object_type="insight.municipalityaccess")
    assert (entry.action, entry.actor) == ("deleted", staff)


def test_a_person_with_only_municipality_access_signs_in_by_link_and_finds_their_municipality(
    client: Client, region: Any
) -> None:
    _run("grant", EMAIL, A_NAME)
    _run("grant", EMAIL, "Eindhoven")
    response = client.post(reverse("accounts:login"), {"send_link": "1", "link-email": EMAIL})
    assert response.status_code == 200
    link = re.search(r"https?://\S+", mail.outbox[-1].body)
    assert link
    response = client.post(link.group(0), follow=True)
    assert response.redirect_chain[-1][0] == reverse("home")
    body = response.content.decode()
    assert f'href="{reverse("insight:coverage", args=[A_SLUG])}"' in body
    assert f'href="{reverse("insight:coverage", args=[B_SLUG])}"' in body
    assert "Groups, gaps and referral figures of Geldrop-Mierlo" in body
    assert "You have no groups or support points yet" not in body
    # No second factor is asked: they see only aggregates.
    assert client.get(reverse("insight:referrals", args=[A_SLUG])).status_code == 200
