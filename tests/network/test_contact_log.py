"""The contact log: a contact noted in one short form, counts for the support point, and no one's identity."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from samenspel.directory.models import Language, Organisation, Theme
from samenspel.network.guard import identity_hints
from samenspel.network.models import ContactEntry, ContactFunction, MetVia
from samenspel.network.services import contact_record
from tests.network.conftest import key_person
from tests.personas import client_for

pytestmark = pytest.mark.django_db


def _post(client: Any, **extra: Any) -> Any:
    data = {"met_via": "place_of_worship", "functions": ["sounding_board", "referral"], **extra}
    return client.post(reverse("network:contact_new"), data)


def test_a_key_person_notes_a_contact_with_one_post(cast: dict[str, Any]) -> None:
    theme = Theme.objects.get(slug="depression")
    turkish = Language.objects.get(code="tr")
    response = _post(client_for(cast["key_person"]), themes=[theme.pk], language=turkish.pk)
    assert response.status_code == 302
    entry = ContactEntry.objects.get()
    assert entry.met_via == MetVia.PLACE_OF_WORSHIP
    assert entry.functions == ["referral", "sounding_board"]
    assert list(entry.themes.all()) == [theme]
    assert entry.language == turkish
    assert entry.day == timezone.localdate()
    assert entry.support_point == key_person(cast["key_person"]).support_point


@pytest.mark.parametrize(
    "note",
    [
        "Mevrouw Yilmaz wil hulp bij schulden",
        "Sprak met Fatma Yilmaz over haar zoon",
        "Geboren op 12-03-1980, alleen",
        "Bel haar op 06 1234 5678",
        "Mail naar fatma@example.org",
        "Woont op de Kerkstraat 12",
        "Postcode 5611 AB",
        "Een Marokkaanse moeder",
    ],
)
def test_the_case_note_refuses_what_looks_like_someones_identity(cast: dict[str, Any], note: str) -> None:
    response = _post(client_for(cast["key_person"]), case_note=note)
    assert response.status_code == 400
    assert "Leave out anything that says who someone is" in response.content.decode()
    assert not ContactEntry.objects.exists()


def test_a_note_about_the_situation_is_kept_sealed_and_only_for_its_retention(cast: dict[str, Any]) -> None:
    note = "Moeder van drie, alleen sinds de zomer, bang voor de brieven van de belasting."
    assert identity_hints(note) == []
    assert _post(client_for(cast["key_person"]), case_note=note).status_code == 302
    entry = ContactEntry.objects.get()
    assert entry.case_note == note
    with connection.cursor() as cursor:
        cursor.execute("SELECT case_note FROM network_contactentry WHERE id = %s", [entry.pk])
        (raw,) = cursor.fetchone()
    assert "belasting" not in raw, "the note is encrypted at rest"
    assert entry.note_delete_after is not None

    call_command("purge_network_notes", today=(entry.note_delete_after).isoformat())
    entry.refresh_from_db()
    assert entry.case_note == note, "kept until its last day"
    call_command("purge_network_notes", today=(entry.note_delete_after + datetime.timedelta(days=1)).isoformat())
    entry.refresh_from_db()
    assert entry.case_note == "" and entry.note_delete_after is None
    assert ContactEntry.objects.count() == 1, "the contact stays as a count"


def test_a_contact_cannot_be_in_the_future(cast: dict[str, Any]) -> None:
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    assert _post(client_for(cast["key_person"]), day=tomorrow.isoformat()).status_code == 400


def test_the_figures_show_small_numbers_as_below_five(cast: dict[str, Any], support_point: Organisation) -> None:
    kp = key_person(cast["key_person"])
    turkish = Language.objects.get(code="tr")
    arabic = Language.objects.get(code="ar")
    day = timezone.localdate().replace(day=1)
    for _i in range(7):
        contact_record(
            key_person=kp, met_via=MetVia.SCHOOL, functions=[ContactFunction.ADVICE], language=turkish, day=day
        )
    for _i in range(2):
        contact_record(
            key_person=kp, met_via=MetVia.PHONE, functions=[ContactFunction.REFERRAL], language=arabic, day=day
        )
    response = client_for(cast["viewer"]).get(reverse("network:figures", args=[support_point.slug]))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    body = response.content.decode()
    assert "&lt;5" in body
    assert ">2<" not in body, "a count of 2 is never shown"
    csv = (
        client_for(cast["viewer"])
        .get(reverse("network:figures", args=[support_point.slug]), {"download": "csv"})
        .content.decode()
    )
    assert "<5" in csv and ",2\r\n" not in csv


def test_the_figures_count_only_the_own_support_point(cast: dict[str, Any], support_point: Organisation) -> None:
    other = key_person(cast["other_key_person"])
    for _i in range(6):
        contact_record(key_person=other, met_via=MetVia.SCHOOL, functions=[ContactFunction.ADVICE])
    body = client_for(cast["viewer"]).get(reverse("network:figures", args=[support_point.slug])).content.decode()
    assert "Nothing to count yet." in body
