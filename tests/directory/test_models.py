"""Invariants of the directory model: what can and cannot be saved."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from samenspel.core.models import AuditEntry
from samenspel.directory import services
from samenspel.directory.models import (
    Cancellation,
    Group,
    GroupStatus,
    Language,
    Location,
    Organisation,
    Schedule,
    Theme,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    # These tests read the English messages.
    with translation.override("en"):
        yield


def test_a_group_without_a_contact_point_is_refused_with_a_clear_message(group: Group) -> None:
    group.contact_email = ""
    group.contact_phone = ""
    with pytest.raises(ValidationError) as err:
        group.full_clean()
    assert "contact point" in str(err.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        group.save()


def test_a_phone_number_alone_is_enough_as_contact_point(group: Group) -> None:
    group.contact_email = ""
    group.contact_phone = "040 000 1234"
    group.full_clean()
    group.save()


def test_the_contact_name_is_only_public_when_marked_so(group: Group) -> None:
    group.contact_name = "Anna"
    assert group.public_contact_name == ""
    group.contact_name_public = True
    assert group.public_contact_name == "Anna"


def test_a_theme_cannot_become_its_own_ancestor(reference: None) -> None:
    mental = Theme.objects.get(slug="mental")
    depression = Theme.objects.get(slug="depression")
    assert mental in depression.ancestors()
    mental.parent = depression
    with pytest.raises(ValidationError, match="sub-themes"):
        mental.full_clean()
    mental.parent = mental
    with pytest.raises(ValidationError, match="itself"):
        mental.full_clean()


def test_an_unknown_postcode_is_refused(db: None) -> None:
    loc = Location(name="Nergens", street="Straat 1", postcode="5699", disclosure="public")
    with pytest.raises(ValidationError, match="do not know the postcode"):
        loc.full_clean()


def test_a_known_postcode_fills_in_place_and_coordinates(db: None) -> None:
    loc = Location(name="Wijkcentrum", street="Markt 1", postcode="5701 ab", disclosure="public")
    loc.full_clean()
    assert loc.postcode == "5701AB"
    assert loc.municipality == "Helmond"
    assert loc.latitude == pytest.approx(51.48, abs=0.05)


def test_an_online_location_needs_a_link_but_no_postcode(db: None) -> None:
    loc = Location(disclosure="online")
    with pytest.raises(ValidationError, match="meeting link"):
        loc.full_clean()
    loc.online_url = "https://meet.example.org/abc"
    loc.full_clean()
    loc.save()
    assert str(loc) == "Online"


def test_an_in_person_location_without_postcode_cannot_be_stored(db: None) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Location.objects.create(name="Ergens", disclosure="area")


def test_a_schedule_that_ends_before_it_starts_is_refused(group: Group) -> None:
    s = Schedule(
        group=group,
        kind="weekly",
        weekdays=[1],
        start_time=datetime.time(19),
        end_time=datetime.time(21),
        valid_from=datetime.date(2026, 6, 1),
        valid_until=datetime.date(2026, 5, 1),
    )
    with pytest.raises(ValidationError, match="ends before it starts"):
        s.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        s.save()


def test_next_meetings_leave_out_cancelled_dates(group: Group) -> None:
    schedule = group.schedules.get()
    after = datetime.datetime(2026, 11, 22, 12, tzinfo=datetime.UTC)
    first = group.next_meetings(count=1, after=after)[0]
    assert first.date() == datetime.date(2026, 11, 26)
    Cancellation.objects.create(schedule=schedule, date=first.date(), reason="Feestdag")
    assert group.next_meetings(count=1, after=after)[0].date() == datetime.date(2026, 12, 3)


def test_translated_name_falls_back_to_dutch_then_english(group: Group) -> None:
    with translation.override("tr"):
        assert group.name == "Lotgenotengroep depressie"
    with translation.override("en"):
        assert group.name == "Peer group depression"
    group.name_nl = ""
    with translation.override("fa"):
        assert group.name == "Peer group depression"


def test_a_theme_label_is_shown_in_the_visitors_language(reference: None) -> None:
    depression = Theme.objects.get(slug="depression")
    with translation.override("nl"):
        assert depression.label == "Depressie"
    with translation.override("en"):
        assert depression.label == "Depression"


def test_reference_data_loads_twice_without_duplicates(reference: None) -> None:
    from samenspel.directory.reference import load_reference_data

    before = load_reference_data()
    assert load_reference_data() == before
    assert before["themes"] >= 57
    rtl = set(Language.objects.filter(rtl=True).values_list("code", flat=True))
    assert {"ar", "fa"} <= rtl
    assert "nl" not in rtl


def test_synonyms_point_people_to_the_theme_they_mean(reference: None) -> None:
    assert Theme.objects.filter(synonyms__term="somber", synonyms__language="nl").get().slug == "depression"
    assert Theme.objects.filter(synonyms__term="gokken", synonyms__language="nl").get().slug == "gambling"


def test_stopped_and_initiative_groups_are_not_public(group: Group) -> None:
    assert Group.objects.public().filter(pk=group.pk).exists()
    for status in (GroupStatus.STOPPED, GroupStatus.INITIATIVE):
        group.status = status
        group.save()
        assert not Group.objects.public().filter(pk=group.pk).exists()


def test_status_changes_keep_a_dated_history_and_an_audit_entry(group: Group) -> None:
    services.group_set_status(
        group=group, status=GroupStatus.PAUSED, actor=None, reason="Zomerstop", date=datetime.date(2026, 7, 1)
    )
    services.group_set_status(group=group, status=GroupStatus.ACTIVE, actor=None, date=datetime.date(2026, 9, 1))
    history = list(group.status_history.values_list("status", "date", "reason"))
    assert history == [("paused", datetime.date(2026, 7, 1), "Zomerstop"), ("active", datetime.date(2026, 9, 1), "")]
    entries = AuditEntry.objects.filter(object_type="directory.group", object_id=str(group.pk), action="status")
    assert [e.changes["status"] for e in entries.order_by("id")] == [["active", "paused"], ["paused", "active"]]


def test_group_create_refuses_a_group_without_themes_and_saves_nothing(
    reference: None, support_point: Organisation
) -> None:
    with pytest.raises(ValidationError, match="theme"):
        services.group_create(
            actor=None,
            themes=[],
            languages=[],
            slug="zonder-thema",
            name_nl="Zonder thema",
            support_point=support_point,
            contact_email="a@example.org",
        )
    assert not Group.objects.filter(slug="zonder-thema").exists()
    assert not AuditEntry.objects.filter(object_repr="Zonder thema").exists()


def test_group_update_logs_only_the_fields_that_changed(group: Group) -> None:
    services.group_update(group=group, actor=None, intake="trial")
    entry = AuditEntry.objects.filter(action="changed", object_id=str(group.pk)).get()
    assert entry.changes["intake"] == ["just_come", "trial"]
    assert "name_nl" not in entry.changes


def test_a_support_point_must_be_a_support_point(group: Group) -> None:
    church = Organisation.objects.create(slug="kerk", kind="house_of_worship", name="Kerk")
    group.support_point = church
    with pytest.raises(ValidationError, match="support point"):
        group.full_clean()
