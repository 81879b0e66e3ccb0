"""Platform staff start a support point and its first manager: a workspace screen and a command (issue 20)."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from samenspel.core.models import AuditEntry
from samenspel.directory.models import Organisation, SupportPointSettings
from samenspel.workspace.models import Membership, Role
from tests.personas import client_for
from tests.workspace.test_aria_references import dangling_references

URL = "/werkplek/nieuw-steunpunt/"
FORM = {
    "name": "Steunpunt Zelfhulp Helmond",
    "municipality": "helmond",
    "email": "info@zelfhulp-helmond.example.nl",
    "manager_email": "Coordinator@zelfhulp-helmond.example.nl",
}


def _staff_client(user) -> Client:
    client = client_for(user)
    device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.mark.parametrize("persona", ["outsider", "other_member", "manager", "contact"])
def test_only_platform_staff_reach_the_screen(people, persona):
    client = client_for(people[persona])
    assert client.get(URL).status_code == 404
    assert client.post(URL, FORM).status_code == 404
    assert not Organisation.objects.filter(name=FORM["name"]).exists()


def test_anonymous_is_sent_to_sign_in(db):
    response = Client().get(URL)
    assert response.status_code == 302 and "/werkplek/inloggen/" in response["Location"]


def test_staff_need_their_second_factor_here(people):
    response = client_for(people["staff"]).get(URL)
    assert response.status_code == 302 and "tweestaps" in response["Location"]


def test_staff_make_a_support_point_with_its_first_manager_once(people):
    client = _staff_client(people["staff"])
    assert client.get(URL).status_code == 200
    client.post(URL, FORM)
    again = client.post(URL, FORM, follow=True)
    assert "Nothing was changed" in again.content.decode()
    sp = Organisation.objects.get(name=FORM["name"])
    assert sp.kind == "support_point" and sp.municipality == "Helmond" and sp.email == FORM["email"]
    assert SupportPointSettings.objects.filter(support_point=sp).count() == 1
    (membership,) = Membership.objects.filter(support_point=sp)
    assert membership.role == Role.MANAGER and membership.user.email == "coordinator@zelfhulp-helmond.example.nl"
    (invite,) = [m for m in mail.outbox if m.to == ["coordinator@zelfhulp-helmond.example.nl"]]
    assert f"/werkplek/{sp.slug}/" in invite.body and "/werkplek/inloggen/link/" in invite.body
    assert AuditEntry.objects.filter(object_type="directory.organisation", object_id=str(sp.pk)).exists()


def test_an_unknown_municipality_is_refused_and_nothing_is_written(people):
    client = _staff_client(people["staff"])
    response = client.post(URL, FORM | {"municipality": "Atlantis"})
    assert response.status_code == 200 and "Atlantis" in response.content.decode()
    assert not Organisation.objects.filter(name=FORM["name"]).exists()
    assert mail.outbox == []


def test_the_command_makes_the_same_and_is_safe_to_run_twice(db, capsys):
    args = [FORM["name"], "Helmond", FORM["email"], FORM["manager_email"]]
    call_command("create_support_point", *args)
    call_command("create_support_point", *args)
    assert "nothing done" in capsys.readouterr().out
    assert Organisation.objects.filter(name=FORM["name"]).count() == 1
    assert Membership.objects.filter(support_point__name=FORM["name"], role=Role.MANAGER).count() == 1
    assert len(mail.outbox) == 1
    with pytest.raises(CommandError, match="Atlantis"):
        call_command("create_support_point", "X", "Atlantis", "a@example.org", "b@example.org")


def test_the_screen_and_its_errors_point_screen_readers_at_hints_that_exist(people):
    client = _staff_client(people["staff"])
    assert dangling_references(client.get(URL).content.decode()) == []
    html = client.post(URL, FORM | {"email": "not an address"}).content.decode()
    assert 'aria-invalid="true"' in html
    assert dangling_references(html) == []
