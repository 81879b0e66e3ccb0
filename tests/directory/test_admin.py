"""Django admin for platform staff: validation errors shown, nothing saved half, every change audited."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from samenspel.core.models import AuditEntry
from samenspel.directory.models import Group, Location, Schedule, Theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(db: None) -> Client:
    user = User.objects.create_superuser("staf", "staf@example.org", "a-long-password-1")
    client = Client(HTTP_ACCEPT_LANGUAGE="en")  # English admin: the assertions read the source strings
    client.force_login(user)
    return client


def inline_management(prefix: str, total: int = 0) -> dict[str, str]:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def group_form(group: Group, **changes: str) -> dict[str, str]:
    data = {
        "name_nl": group.name_nl,
        "slug": group.slug,
        "status": group.status,
        "kind": group.kind,
        "working_method": group.working_method,
        "themes": [str(t.pk) for t in group.themes.all()],
        "languages": [str(lang.pk) for lang in group.languages.all()],
        "audience": group.audience,
        "gender": group.gender,
        "led_by": group.led_by,
        "leader_count": str(group.leader_count),
        "intake": group.intake,
        "cost": group.cost,
        "support_point": str(group.support_point_id),
        "location": str(group.location_id),
        "contact_email": group.contact_email,
        **inline_management("schedules"),
        **inline_management("status_history"),
    }
    data.update(changes)
    return data  # type: ignore[return-value]


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/directory/group/",
        "/admin/directory/group/?status__exact=active&q=depressie",
        "/admin/directory/theme/?q=somber",
        "/admin/directory/location/",
        "/admin/directory/organisation/",
        "/admin/directory/schedule/",
        "/admin/core/auditentry/",
    ],
)
def test_admin_lists_open_with_filters_and_search(staff_client: Client, group: Group, url: str) -> None:
    assert staff_client.get(url).status_code == 200


def test_a_group_without_contact_point_gets_a_clear_error_and_nothing_changes(
    staff_client: Client, group: Group
) -> None:
    response = staff_client.post(
        f"/admin/directory/group/{group.pk}/change/", group_form(group, contact_email="", name_nl="Nieuwe naam")
    )
    assert response.status_code == 200
    assert "needs a contact point" in response.content.decode()
    group.refresh_from_db()
    assert group.name_nl == "Lotgenotengroep depressie"
    assert not AuditEntry.objects.filter(action="changed").exists()


def test_a_schedule_ending_before_it_starts_is_refused_and_the_group_is_not_saved_half(
    staff_client: Client, group: Group
) -> None:
    data = group_form(group, name_nl="Nieuwe naam")
    data.update(inline_management("schedules", total=1))
    data.update(
        {
            "schedules-0-kind": "weekly",
            "schedules-0-weekdays": "[2]",
            "schedules-0-interval": "1",
            "schedules-0-start_time": "19:00",
            "schedules-0-end_time": "21:00",
            "schedules-0-valid_from": "2026-06-01",
            "schedules-0-valid_until": "2026-05-01",
        }
    )
    response = staff_client.post(f"/admin/directory/group/{group.pk}/change/", data)
    assert response.status_code == 200
    assert "ends before it starts" in response.content.decode()
    group.refresh_from_db()
    assert group.name_nl == "Lotgenotengroep depressie"
    assert Schedule.objects.filter(group=group).count() == 1


def test_an_admin_change_is_audited_with_who_and_what(staff_client: Client, group: Group) -> None:
    response = staff_client.post(f"/admin/directory/group/{group.pk}/change/", group_form(group, intake="trial"))
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = AuditEntry.objects.get(action="changed", object_id=str(group.pk))
    assert entry.actor_label == "staf"
    assert entry.changes["intake"] == ["just_come", "trial"]


def test_an_unknown_postcode_in_the_admin_is_refused(staff_client: Client) -> None:
    response = staff_client.post(
        "/admin/directory/location/add/",
        {"name": "Nergens", "disclosure": "public", "street": "Straat 1", "postcode": "5699"},
    )
    assert response.status_code == 200
    assert "do not know the postcode" in response.content.decode()
    assert not Location.objects.filter(name="Nergens").exists()


def test_a_theme_cycle_in_the_admin_is_refused(staff_client: Client, reference: None) -> None:
    mental = Theme.objects.get(slug="mental")
    depression = Theme.objects.get(slug="depression")
    data = {
        "slug": "mental",
        "label_nl": mental.label_nl,
        "category": "mental",
        "parent": str(depression.pk),
        **inline_management("synonyms"),
    }
    response = staff_client.post(f"/admin/directory/theme/{mental.pk}/change/", data)
    assert response.status_code == 200
    assert "sub-themes" in response.content.decode()
    mental.refresh_from_db()
    assert mental.parent is None
