"""Who is told what (issue 20, point 3): invitations and notices through the outbox, in the receiver's language."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from samenspel.accounts.models import Preference
from samenspel.finder.models import Question
from samenspel.workspace.models import ChangeRequest, ChangeStatus
from tests.personas import client_for, make_user

SITE = "https://samenspel.example.nl"


def _to(address: str) -> list:
    return [m for m in mail.outbox if m.to == [address]]


@override_settings(SITE_URL=SITE)
def test_a_new_member_is_invited_once_in_dutch_with_a_sign_in_link(people, support_point):
    manager = client_for(people["manager"])
    for _ in range(2):
        manager.post(f"/werkplek/{support_point.slug}/mensen/", {"email": "nieuw@example.org", "role": "editor"})
    (invite,) = _to("nieuw@example.org")
    assert "Steunpunt Test" in invite.subject
    assert "redacteur" in invite.body
    assert f"{SITE}/werkplek/{support_point.slug}/" in invite.body
    assert f"{SITE}/werkplek/inloggen/link/" in invite.body


def test_a_member_who_chose_english_is_invited_in_english(people, support_point):
    Preference.objects.create(user=make_user("pat@example.org"), language="en")
    client_for(people["manager"]).post(
        f"/werkplek/{support_point.slug}/mensen/", {"email": "pat@example.org", "role": "editor"}
    )
    (invite,) = _to("pat@example.org")
    assert "editor" in invite.body and "redacteur" not in invite.body
    # Someone with a password signs in as usual: no one-time link in their mail.
    assert "/inloggen/link/" not in invite.body


def test_a_new_group_contact_is_invited(people, group):
    client_for(people["editor"]).post(f"/werkplek/groep/{group.uuid}/contactpersonen/", {"email": "nieuw@example.org"})
    (invite,) = _to("nieuw@example.org")
    # In the receiver's language, so the group's Dutch name.
    assert group.name_nl in invite.subject
    assert f"/werkplek/groep/{group.uuid}/" in invite.body


def test_deciders_hear_of_a_waiting_change_and_the_contact_of_the_decision(people, group, change_request):
    from samenspel.workspace.notices import change_waiting

    people.build("viewer", "editor", "manager")
    change_waiting(change_request)
    assert len(_to("editor@steunpunt.example.org")) == 1
    assert len(_to("manager@steunpunt.example.org")) == 1
    assert _to("viewer@steunpunt.example.org") == []
    client_for(people["editor"]).post(f"/werkplek/wijziging/{change_request.uuid}/afwijzen/", {"note": "Klopt niet"})
    change_request.refresh_from_db()
    assert change_request.status == ChangeStatus.REJECTED
    (told,) = _to("contact@example.org")
    assert "Klopt niet" in told.body


def test_the_contact_hears_that_the_change_is_approved(people, group, change_request):
    client_for(people["editor"]).post(f"/werkplek/wijziging/{change_request.uuid}/goedkeuren/")
    assert ChangeRequest.objects.get().status == ChangeStatus.APPROVED
    (told,) = _to("contact@example.org")
    assert f"/groep/{group.slug}/" in told.body


def test_a_municipality_officer_granted_access_by_the_command_is_told_once(db):
    for _ in range(2):
        call_command("municipality_access", "grant", "beleid@eindhoven.example.nl", "Eindhoven")
    (told,) = _to("beleid@eindhoven.example.nl")
    assert "Eindhoven" in told.subject
    assert "/gemeente/eindhoven/" in told.body


@pytest.mark.parametrize("age_days, reminded", [(5, True), (1, False)])
def test_questions_waiting_longer_than_the_days_are_reminded_without_citizen_data(people, group, age_days, reminded):
    people["editor"]
    Question.objects.create(
        group=group,
        message="Mag ik komen kijken?",
        reply_email="bezoeker@example.org",
        created_at=timezone.now() - datetime.timedelta(days=age_days),
    )
    call_command("remind_unanswered_questions", days=3)
    call_command("remind_unanswered_questions", days=3)
    told = _to("editor@steunpunt.example.org") + _to("info@steunpunt.example.org")
    if not reminded:
        assert told == []
        return
    assert len(told) == 2
    for message in told:
        assert "1 question" in message.subject or "1 vraag" in message.subject
        assert "kijken" not in message.body and "bezoeker" not in message.body


def test_a_person_sets_the_language_of_their_e_mails(people):
    assert client_for(None).get("/werkplek/mijn-taal/").status_code == 302
    client = client_for(people["contact"])
    assert client.get("/werkplek/mijn-taal/").status_code == 200
    client.post("/werkplek/mijn-taal/", {"language": "en"})
    assert Preference.objects.get(user=people["contact"]).language == "en"
    assert client.post("/werkplek/mijn-taal/", {"language": "xx"}).status_code == 200
    assert Preference.objects.get(user=people["contact"]).language == "en"
