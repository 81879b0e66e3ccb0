"""Signals: a key person tells the support point of a need in a community; counted by theme, language and place."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse

from samenspel.directory.models import Language, Organisation, Theme
from samenspel.network.models import Signal
from samenspel.network.services import signal_add
from tests.network.conftest import key_person
from tests.personas import client_for

pytestmark = pytest.mark.django_db


def test_a_key_person_signals_a_need_and_the_support_point_sees_it_grouped(
    cast: dict[str, Any], support_point: Organisation
) -> None:
    theme = Theme.objects.get(slug="depression")
    arabic = Language.objects.get(code="ar")
    client = client_for(cast["key_person"])
    for need in ("Many mothers alone with a child with autism", "Mothers who do not leave the house"):
        response = client.post(
            reverse("network:signals"), {"need": need, "theme": theme.pk, "language": arabic.pk, "area": "woensel"}
        )
        assert response.status_code == 302
    signal_add(key_person=key_person(cast["other_key_person"]), need="Elsewhere", theme=theme)
    body = client_for(cast["viewer"]).get(reverse("network:figures", args=[support_point.slug])).content.decode()
    section = body[body.index("Signals from the communities") :]
    assert "Woensel</strong> (2 signals)" in section
    assert "Many mothers alone with a child with autism" in section
    assert "Elsewhere" not in section, "only the own support point's signals"


def test_a_signal_about_a_person_is_refused(cast: dict[str, Any]) -> None:
    response = client_for(cast["key_person"]).post(
        reverse("network:signals"), {"need": "Mevrouw Yilmaz heeft hulp nodig", "area": "Woensel"}
    )
    assert response.status_code == 400
    assert not Signal.objects.exists()


def test_signals_are_deleted_when_their_retention_ends(cast: dict[str, Any]) -> None:
    signal = signal_add(key_person=key_person(cast["key_person"]), need="A need")
    call_command("purge_network_notes", today=signal.delete_after.isoformat())
    assert Signal.objects.exists()
    call_command("purge_network_notes", today=(signal.delete_after + datetime.timedelta(days=1)).isoformat())
    assert not Signal.objects.exists()


def test_one_click_turns_a_signal_into_an_initiative_looking_for_others_on_the_map(
    cast: dict[str, Any], support_point: Organisation
) -> None:
    from samenspel.directory.models import Group, GroupStatus

    signal = signal_add(
        key_person=key_person(cast["key_person"]),
        need="Many mothers alone with a child with autism",
        theme=Theme.objects.get(slug="depression"),
        language=Language.objects.get(code="ar"),
        area="Woensel",
    )
    url = reverse("network:signal_initiative", args=[support_point.slug, signal.uuid])
    assert client_for(cast["viewer"]).post(url).status_code == 403
    manager = client_for(cast["manager"])
    response = manager.post(url)
    assert response.status_code == 302
    signal.refresh_from_db()
    initiative = signal.initiative
    assert initiative is not None
    assert initiative.status == GroupStatus.INITIATIVE and initiative.seeking_others
    assert Group.objects.public().filter(pk=initiative.pk).exists(), "on the map, looking for others"
    assert initiative.contact_email == support_point.email, "the support point is the contact, not the key person"
    assert "Many mothers alone with a child with autism" in initiative.name_nl
    assert list(initiative.languages.values_list("code", flat=True)) == ["ar"]
    # A second click changes nothing; the figures page links to the initiative.
    manager.post(url)
    assert Group.objects.filter(status=GroupStatus.INITIATIVE).count() == 1
    page = manager.get(reverse("network:figures", args=[support_point.slug])).content.decode()
    assert reverse("finder:group", args=[initiative.slug]) in page


def test_a_signal_without_a_theme_cannot_become_an_initiative(
    cast: dict[str, Any], support_point: Organisation
) -> None:
    signal = signal_add(key_person=key_person(cast["key_person"]), need="Fathers who feel alone")
    client_for(cast["manager"]).post(reverse("network:signal_initiative", args=[support_point.slug, signal.uuid]))
    signal.refresh_from_db()
    assert signal.initiative is None
