"""A group owns its entry (#14): a contact person changes every field, including a second meeting time at a
place of its own, a hybrid room, offers beside the meetings, the next intake and a Tigrinya text; with review on
it waits for the support point, and once approved it shows on the public page, in the HSDS API and in the
Meeting Guide feed. Bad input gets a clear error in the visitor's language and writes nothing."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.test import Client
from django.utils import timezone

from samenspel.directory.models import GroupStatusChange, Location, Schedule, SupportPointSettings
from samenspel.workspace.models import ChangeRequest, Role
from tests.workspace.conftest import sign_in
from tests.workspace.test_self_service_fields import _everything, _url


def _with_new_facts(group):
    first = group.schedules.get()
    intake = timezone.localdate() + datetime.timedelta(days=14)
    data = _everything(group)
    data.update(
        website="https://www.facebook.com/samensterker",
        activity="walking",
        one_to_one="on",
        phone_contact="on",
        hybrid="on",
        intake="set_moments",
        next_intake_date=intake.isoformat(),
        # The first meeting time moves to the first Tuesday of the month.
        **{f"s{first.pk}_kind": "monthly_nth_weekday", f"s{first.pk}_weekday": "1", f"s{first.pk}_nth": "1"},
        # The new, second meeting time: every two weeks on Monday, at a new place.
        new_kind="every_n_weeks",
        new_interval="2",
        new_place="new",
        place_name="Wijkcentrum Woensel",
        place_street="Woenselse Markt 1",
        place_postcode="5612 AA",
        place_disclosure="public",
    )
    return data, intake


def test_a_contact_person_changes_every_field_and_after_review_it_shows_on_the_page_in_hsds_and_the_feed(
    client: Client, group, contact, member
) -> None:
    SupportPointSettings.objects.create(support_point=group.support_point, review_changes=True)
    sign_in(client, contact)
    data, intake = _with_new_facts(group)
    response = client.post(_url(group, "?lang=ti"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    change = ChangeRequest.objects.get()
    assert {"website", "hybrid", "one_to_one", "next_intake_date", "place.add", "schedule.add"} <= set(change.changes)
    assert group.schedules.count() == 1 and not Location.objects.filter(name="Wijkcentrum Woensel").exists()

    # The reviewer sees each field, old and new, in words.
    client.logout()
    sign_in(client, member(Role.EDITOR))
    review = client.get(f"/werkplek/wijziging/{change.uuid}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "New place" in review and "Wijkcentrum Woensel" in review
    assert "New meeting time" in review and "every 2 weeks" in review
    assert "facebook.com/samensterker" in review and "Tigrinya" in review
    assert client.post(f"/werkplek/wijziging/{change.uuid}/goedkeuren/").status_code == 302

    group.refresh_from_db()
    assert group.hybrid and group.one_to_one and group.phone_contact and group.activity == "walking"
    assert group.next_intake_date == intake and group.website == "https://www.facebook.com/samensterker"
    first, second = group.schedules.order_by("pk")
    assert (first.kind, first.nth, first.weekdays) == ("monthly_nth_weekday", 1, [1])
    assert (second.kind, second.interval, second.weekdays) == ("every_n_weeks", 2, [0])
    assert second.location is not None and second.location.name == "Wijkcentrum Woensel"

    # The public page.
    client.logout()
    page = client.get(f"/groep/{group.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "https://www.facebook.com/samensterker" in page
    assert "also online at the same time" in page
    assert "one to one" in page and "by phone" in page
    assert "Wijkcentrum Woensel" in page and "Woenselse Markt 1" in page
    assert "New members welcome now" in page
    assert "walking" in page
    tigrinya = client.get(f"/groep/{group.slug}/", HTTP_ACCEPT_LANGUAGE="ti").content.decode()
    assert "ጉጅለ ሓባራዊ ደገፍ" in tigrinya

    # The HSDS API.
    service = client.get(f"/api/hsds/services/{group.uuid}").json()
    assert service["website"] == "https://www.facebook.com/samensterker"
    assert service["hybrid"] is True and service["one_to_one"] is True and service["phone_contact"] is True
    assert service["next_intake_date"] == intake.isoformat() and service["activity"] == "walking"
    assert service["translations"]["ti"]["name"] == "ጉጅለ ሓባራዊ ደገፍ"
    links = {link["id"]: link for link in service["service_at_locations"]}
    assert len(links) == 2
    elsewhere = [s for s in service["schedules"] if s.get("service_at_location_id")]
    assert elsewhere and all(
        links[s["service_at_location_id"]]["location"]["name"].startswith("Wijkcentrum") for s in elsewhere
    )
    assert {s["freq"] for s in service["schedules"]} == {"MONTHLY", "WEEKLY"}

    # The Meeting Guide feed: both meeting times, each at its own place, hybrid as ONL with a note.
    feed = [m for m in client.get("/api/meeting-guide.json").json() if m["group"] == group.name]
    by_slug = {m["slug"]: m for m in feed}
    assert set(by_slug) == {f"{group.slug}-{first.pk}", f"{group.slug}-{second.pk}"}
    assert by_slug[f"{group.slug}-{second.pk}"]["address"] == "Woenselse Markt 1"
    assert by_slug[f"{group.slug}-{first.pk}"]["address"] == "Boogstraat 12"
    assert all("ONL" in m["types"] and "Tegelijk ook online" in m["notes"] for m in feed)  # the feed speaks Dutch


def test_a_status_change_goes_through_review_and_keeps_its_date_and_reason(client: Client, group, contact, member):
    SupportPointSettings.objects.create(support_point=group.support_point, review_changes=True)
    sign_in(client, contact)
    day = timezone.localdate()
    client.post(
        f"/werkplek/groep/{group.uuid}/status/", {"status": "paused", "date": day.isoformat(), "reason": "Zomerstop"}
    )
    group.refresh_from_db()
    assert group.status == "active"
    change = ChangeRequest.objects.get()
    client.logout()
    sign_in(client, member(Role.EDITOR))
    review = client.get(f"/werkplek/wijziging/{change.uuid}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "New status" in review and "Paused" in review and "Zomerstop" in review
    client.post(f"/werkplek/wijziging/{change.uuid}/goedkeuren/")
    group.refresh_from_db()
    assert group.status == "paused"
    history = GroupStatusChange.objects.filter(group=group).latest("id")
    assert (history.status, history.date, history.reason) == ("paused", day, "Zomerstop")


def test_a_new_place_without_postcode_is_a_clear_error_in_dutch_and_nothing_is_written(
    client: Client, group, contact
) -> None:
    sign_in(client, contact)
    data, _intake = _with_new_facts(group)
    data["place_postcode"] = ""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    response = client.post(_url(group), data, HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 200
    assert "Vul de postcode in van de plek waar de groep bij elkaar komt." in response.content.decode()
    group.refresh_from_db()
    assert not group.hybrid and group.schedules.count() == 1
    assert not Location.objects.filter(name="Wijkcentrum Woensel").exists()


def test_a_meeting_time_ending_before_it_starts_is_refused_and_nothing_is_written(client: Client, group, contact):
    sign_in(client, contact)
    data, _intake = _with_new_facts(group)
    data.update(new_start_time="20:00", new_end_time="19:00")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    response = client.post(_url(group), data, HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 200
    assert "Het einde moet na het begin liggen." in response.content.decode()
    assert group.schedules.count() == 1 and not Schedule.objects.filter(location__isnull=False).exists()


def test_set_dates_that_are_not_dates_are_refused_with_the_wrong_one_named(client: Client, group, contact):
    sign_in(client, contact)
    data, _intake = _with_new_facts(group)
    data.update(new_kind="dates", new_dates="2026-12-15\n31-02-2027")
    response = client.post(_url(group), data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "31-02-2027 is not a date" in response.content.decode()
    assert group.schedules.count() == 1


def test_an_intake_date_for_a_group_without_set_moments_is_refused(client: Client, group, contact):
    sign_in(client, contact)
    data, _intake = _with_new_facts(group)
    data["intake"] = "just_come"
    response = client.post(_url(group), data, HTTP_ACCEPT_LANGUAGE="en")
    assert "Only a group that takes new members at set moments has an intake date." in response.content.decode()
    group.refresh_from_db()
    assert group.next_intake_date is None
