"""Intervision after the course (#17 point 3): the trainer starts a group, participants with a place join by
their own choice, plan their own meetings and bring anonymous cases, which are deleted after 90 days."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from samenspel.learning import intervision, services
from samenspel.learning.models import CaseNote, CourseRun, IntervisionGroup
from tests.personas import client_for, make_user

pytestmark = pytest.mark.django_db


def test_participants_join_plan_a_meeting_and_bring_an_anonymous_case(run: CourseRun, trainer: Any) -> None:
    placed, waiting = make_user("een@example.org"), make_user("wacht@example.org")
    services.enrolment_create(run=run, user=placed, actor=placed)
    for i in range(5):
        other = make_user(f"vol{i}@example.org")
        services.enrolment_create(run=run, user=other, actor=other)
    services.enrolment_create(run=run, user=waiting, actor=waiting)

    response = client_for(trainer).post(
        reverse("learning:intervision_start", args=[run.uuid]), {"name": "Intervisie Woensel"}
    )
    group = IntervisionGroup.objects.get()
    assert response.url == reverse("learning:intervision", args=[group.uuid])

    me = client_for(placed)
    url = reverse("learning:intervision", args=[group.uuid])
    assert me.get(url).status_code == 404  # not a member before choosing to join
    assert "Intervision after the course" in me.get(reverse("learning:run", args=[run.uuid])).content.decode()
    me.post(reverse("learning:intervision_join", args=[group.uuid]))
    assert me.get(url).status_code == 200
    assert client_for(waiting).post(reverse("learning:intervision_join", args=[group.uuid])).status_code == 404

    me.post(
        reverse("learning:intervision_meeting", args=[group.uuid]),
        {"starts_at": "2027-04-06T19:30", "place": "Buurthuis"},
    )
    me.post(reverse("learning:intervision_note", args=[group.uuid]), {"text": "Een vrouw durft niet naar de huisarts."})
    page = me.get(url).content.decode()
    assert "Buurthuis" in page and "Een vrouw durft niet naar de huisarts." in page
    assert {f.name for f in CaseNote._meta.concrete_fields} == {"id", "group", "text", "written_on"}  # no writer


def test_an_empty_or_too_long_case_and_a_meeting_without_a_place_are_refused(run: CourseRun) -> None:
    group = intervision.intervision_start(run=run, name="", actor=None)
    assert group.name.endswith("Basiscursus vertrouwenspersoon")
    with pytest.raises(ValidationError):
        intervision.case_note_add(group=group, text="   ", actor=None)
    with pytest.raises(ValidationError):
        intervision.case_note_add(group=group, text="x" * 4001, actor=None)
    with pytest.raises(ValidationError):
        intervision.meeting_add(group=group, starts_at=run.sessions.get(number=7).ends_at, place=" ", actor=None)
    assert not CaseNote.objects.exists() and not group.meetings.exists()


def test_case_notes_are_deleted_after_90_days(run: CourseRun) -> None:
    group = intervision.intervision_start(run=run, name="Intervisie", actor=None)
    note = intervision.case_note_add(group=group, text="Een casus", actor=None)
    assert intervision.case_notes_purge(today=note.written_on + datetime.timedelta(days=90)) == 0
    assert intervision.case_notes_purge(today=note.written_on + datetime.timedelta(days=91)) == 1
