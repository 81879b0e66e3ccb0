"""The shared, moderated list of contacts at sister organisations, and the professionals who join the meetings
(issue 15, point 5)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse

from samenspel.directory.models import Language, Organisation
from samenspel.network.models import SisterContact, SuggestionStatus
from samenspel.network.services import meeting_create, sister_contact_add
from tests.personas import client_for

pytestmark = pytest.mark.django_db

PROPOSAL = {
    "organisation_name": "Vluchtelingenwerk",
    "name": "Fatma",
    "role": "Consulent",
    "email": "spreekuur@vluchtelingenwerk.example.org",
    "ask_for": "Questions about residence permits",
}


def test_a_key_person_proposes_a_contact_who_is_shared_once_the_support_point_approves(
    cast: dict[str, Any], support_point: Organisation
) -> None:
    arabic = Language.objects.get(code="ar")
    response = client_for(cast["key_person"]).post(
        reverse("network:sister_contacts"), {**PROPOSAL, "languages": [arabic.pk], "joins_meetings": "on"}
    )
    assert response.status_code == 302
    contact = SisterContact.objects.get()
    assert contact.status == SuggestionStatus.OPEN and contact.joins_meetings
    url = reverse("network:sister_contacts")
    assert "spreekuur@" not in client_for(cast["key_person"]).get(url).content.decode()

    manager = client_for(cast["manager"])
    manage = reverse("network:sister_contacts_manage", args=[support_point.slug])
    assert "Proposed, waiting for approval" in manager.get(manage).content.decode()
    assert manager.post(manage, {"contact": str(contact.uuid), "action": "approve"}).status_code == 302
    contact.refresh_from_db()
    assert contact.status == SuggestionStatus.ACCEPTED
    for persona in ("key_person", "viewer"):
        page = client_for(cast[persona]).get(url if persona == "key_person" else manage).content.decode()
        assert "Questions about residence permits" in page and "Arabic" in page
    assert "spreekuur@" not in client_for(cast["other_key_person"]).get(url).content.decode()


def test_a_contact_needs_a_way_to_be_reached(cast: dict[str, Any]) -> None:
    response = client_for(cast["key_person"]).post(reverse("network:sister_contacts"), {**PROPOSAL, "email": ""})
    assert response.status_code == 400
    assert not SisterContact.objects.exists()


def test_the_professionals_who_join_show_on_the_meeting(cast: dict[str, Any], support_point: Organisation) -> None:
    contact = sister_contact_add(
        support_point=support_point, actor=None, approved=True, joins_meetings=True, **PROPOSAL
    )
    manager = client_for(cast["manager"])
    response = manager.post(
        reverse("network:meetings", args=[support_point.slug]),
        {"held_on": "2026-12-15", "agenda": "Winter", "professionals": [contact.pk]},
    )
    assert response.status_code == 302
    page = client_for(cast["key_person"]).get(response["Location"]).content.decode()
    assert "Professionals who join" in page and "Vluchtelingenwerk" in page


def test_a_contact_nobody_confirmed_for_a_year_is_removed(support_point: Organisation) -> None:
    contact = sister_contact_add(support_point=support_point, actor=None, approved=True, **PROPOSAL)
    meeting = meeting_create(
        support_point=support_point, held_on=datetime.date(2026, 12, 15), agenda="", actor=None,
        professionals=[contact],
    )  # fmt: skip
    call_command("purge_network_notes", today=(contact.checked_on + datetime.timedelta(days=365)).isoformat())
    assert SisterContact.objects.exists()
    call_command("purge_network_notes", today=(contact.checked_on + datetime.timedelta(days=366)).isoformat())
    assert not SisterContact.objects.exists()
    assert not meeting.professionals.exists()
