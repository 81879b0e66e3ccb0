from __future__ import annotations

from samenspel.core.models import AuditEntry
from samenspel.directory.models import Language, Theme
from samenspel.workspace.models import FacilitationRequest, InformationSession, Role
from tests.workspace.conftest import sign_in


def test_a_contact_person_asks_the_support_point_for_a_room(client, group, contact):
    sign_in(client, contact)
    response = client.post(
        f"/werkplek/groep/{group.uuid}/ondersteuning/", {"kind": "room", "description": "For 10 people"}
    )
    assert response.status_code == 302
    request = FacilitationRequest.objects.get()
    assert (request.group, request.kind, request.status) == (group, "room", "open")
    assert AuditEntry.objects.filter(object_type="workspace.facilitationrequest", action="created").exists()


def test_an_editor_grants_a_request_and_the_list_shows_it(client, group, member):
    request = FacilitationRequest.objects.create(group=group, kind="money")
    sign_in(client, member(Role.EDITOR))
    client.post(f"/werkplek/ondersteuning/{request.uuid}/status/", {"status": "granted"})
    request.refresh_from_db()
    assert request.status == "granted"
    page = client.get(f"/werkplek/{group.support_point.slug}/ondersteuning/")
    assert group.name_en in page.content.decode()


def test_an_information_session_is_recorded_with_counts_only(client, group, member):
    sign_in(client, member(Role.EDITOR))
    theme = Theme.objects.get(slug="depression")
    response = client.post(
        f"/werkplek/{group.support_point.slug}/voorlichtingen/",
        {
            "date": "2026-05-04",
            "place_kind": "house_of_worship",
            "language": Language.objects.get(code="nl").pk,
            "themes": [theme.pk],
            "attendees": 23,
            "given_by": "Key person",
        },
    )
    assert response.status_code == 302
    session = InformationSession.objects.get()
    assert session.attendees == 23
    assert list(session.themes.all()) == [theme]
    field_names = {f.name for f in InformationSession._meta.get_fields()}
    assert not field_names & {"attendee", "attendee_names", "names", "participants"}


def test_small_totals_are_shown_as_less_than_five(client, group, member):
    InformationSession.objects.create(
        support_point=group.support_point, date="2026-05-04", place_kind="living_room", attendees=3, given_by="x"
    )
    sign_in(client, member(Role.VIEWER))
    response = client.get(f"/werkplek/{group.support_point.slug}/voorlichtingen/")
    assert str(response.context["total_people"]) == "<5"
    assert "&lt;5" in response.content.decode()


def test_a_read_only_member_cannot_record_a_session(client, group, member):
    sign_in(client, member(Role.VIEWER))
    response = client.post(f"/werkplek/{group.support_point.slug}/voorlichtingen/", {"date": "2026-05-04"})
    assert response.status_code == 403
