"""A volunteer's whole life through the services: sign-up, answer, trial, role, hours, stop, deletion."""

from __future__ import annotations

import datetime
import json

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from samenspel.core.models import AuditEntry
from samenspel.directory.models import Organisation
from samenspel.volunteering import conf, services
from samenspel.volunteering.matching import match_roles
from samenspel.volunteering.models import Volunteer, VolunteerHours, VolunteerRole, VolunteerStatus
from tests.volunteering.conftest import sign_up

pytestmark = pytest.mark.django_db


def test_a_sign_up_mails_the_volunteer_a_receipt_with_their_own_link_and_the_support_point_a_notice_without_details(
    volunteer: Volunteer,
) -> None:
    receipt, notice = mail.outbox
    assert receipt.to == ["samira@example.org"]
    assert "/vrijwilliger/mijn-gegevens/" in receipt.body
    assert "Samira" in receipt.body
    assert notice.to == ["info@steunpunt.example.org"]
    assert "/werkplek/steunpunt-test/vrijwilligers/" in notice.body
    assert "Samira" not in notice.body and "samira@example.org" not in notice.body
    assert volunteer.status == VolunteerStatus.NEW
    assert volunteer.consent_at is not None
    assert volunteer.delete_after == timezone.localdate() + datetime.timedelta(days=conf.unplaced_retention_days())


def test_the_contact_details_are_encrypted_at_rest(volunteer: Volunteer) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT email, phone FROM volunteering_volunteer")
        email, phone = cursor.fetchone()
    assert "samira" not in email and "612345678" not in phone.replace(" ", "")


def test_the_same_form_sent_twice_stores_one_volunteer_and_sends_one_receipt(support_point, role) -> None:
    sign_up(support_point, role, submit_key="same-key")
    sign_up(support_point, role, submit_key="same-key")
    assert Volunteer.objects.count() == 1
    assert len(mail.outbox) == 2  # one receipt, one notice


def test_without_consent_nothing_is_stored(support_point, role) -> None:
    with pytest.raises(ValueError):
        sign_up(support_point, role, consent=False)
    assert Volunteer.objects.count() == 0 and not mail.outbox


def test_a_role_of_another_support_point_is_refused(support_point, role) -> None:
    other = Organisation.objects.create(slug="elders", kind="support_point", name="Elders")
    with pytest.raises(ValueError):
        sign_up(other, role)
    assert Volunteer.objects.count() == 0


def test_the_answer_is_mailed_to_the_volunteer_with_replies_to_the_support_point(volunteer: Volunteer) -> None:
    mail.outbox.clear()
    services.volunteer_answer(volunteer=volunteer, message="Zullen we morgen bellen?", actor=None)
    [answer] = mail.outbox
    assert answer.to == ["samira@example.org"]
    assert answer.reply_to == ["info@steunpunt.example.org"]
    assert "Zullen we morgen bellen?" in answer.body
    volunteer.refresh_from_db()
    assert volunteer.status == VolunteerStatus.ANSWERED and volunteer.answered_at is not None


def test_a_trial_comes_before_a_fixed_role_and_neither_has_a_deletion_date(volunteer, role) -> None:
    services.volunteer_start_trial(volunteer=volunteer, role=role, since=datetime.date(2026, 1, 5), actor=None)
    volunteer.refresh_from_db()
    assert (volunteer.status, volunteer.role, volunteer.delete_after) == (VolunteerStatus.TRIAL, role, None)
    services.volunteer_fix_role(volunteer=volunteer, role=role, since=datetime.date(2026, 2, 1), actor=None)
    volunteer.refresh_from_db()
    assert volunteer.status == VolunteerStatus.ACTIVE
    assert volunteer.trial_since == datetime.date(2026, 1, 5) and volunteer.role_since == datetime.date(2026, 2, 1)
    assert volunteer.delete_after is None
    assert AuditEntry.objects.filter(action="volunteer.trial").exists()
    assert AuditEntry.objects.filter(action="volunteer.active").exists()


def test_someone_who_stops_is_deleted_twelve_months_after_the_last_day_and_not_a_day_earlier(volunteer, role) -> None:
    services.volunteer_fix_role(volunteer=volunteer, role=role, since=datetime.date(2025, 1, 1), actor=None)
    last_day = datetime.date(2026, 3, 1)
    services.volunteer_stop(volunteer=volunteer, on=last_day, actor=None)
    volunteer.refresh_from_db()
    assert volunteer.status == VolunteerStatus.STOPPED
    assert volunteer.delete_after == last_day + datetime.timedelta(days=365)
    assert services.volunteers_purge(today=datetime.date(2027, 3, 1)) == 0
    call_command("purge_volunteers")  # today is before that date as well
    assert Volunteer.objects.count() == 1
    assert services.volunteers_purge(today=datetime.date(2027, 3, 2)) == 1
    assert Volunteer.objects.count() == 0 and VolunteerHours.objects.count() == 0


def test_a_sign_up_that_led_nowhere_is_deleted_after_three_months(volunteer) -> None:
    services.volunteer_stop(volunteer=volunteer, on=datetime.date(2026, 3, 1), actor=None)
    volunteer.refresh_from_db()
    assert volunteer.status == VolunteerStatus.DECLINED
    assert volunteer.delete_after == datetime.date(2026, 5, 30)
    assert services.volunteers_purge(today=datetime.date(2026, 5, 31)) == 1


def test_the_purge_command_deletes_what_is_past_its_date(volunteer) -> None:
    Volunteer.objects.filter(pk=volunteer.pk).update(delete_after=timezone.localdate() - datetime.timedelta(days=1))
    call_command("purge_volunteers")
    assert Volunteer.objects.count() == 0


def test_the_export_holds_everything_stored_and_deletion_leaves_only_the_fact_in_the_audit_log(volunteer, role) -> None:
    services.hours_record(volunteer=volunteer, year=2026, hours=40, actor=None)
    services.volunteer_note(volunteer=volunteer, note="Belt liever na 17 uur", actor=None)
    data = json.loads(services.volunteer_export_json(volunteer))
    assert data["name"] == "Samira" and data["email"] == "samira@example.org" and data["phone"] == "06 12345678"
    assert data["hours"] == {"2026": 40}
    assert data["note_of_the_support_point"] == "Belt liever na 17 uur"
    assert data["role_you_were_interested_in"] == role.title
    assert sorted(data["languages"]) == ["Arabic", "Dutch"] or len(data["languages"]) == 2
    services.volunteer_delete(volunteer=volunteer, actor=None, actor_label="volunteer (own link)")
    assert Volunteer.objects.count() == 0
    entry = AuditEntry.objects.get(action="volunteer.delete")
    assert "samira@example.org" not in json.dumps(entry.changes)


def test_hours_recorded_twice_for_a_year_replace_the_first(volunteer) -> None:
    services.hours_record(volunteer=volunteer, year=2026, hours=10, actor=None)
    services.hours_record(volunteer=volunteer, year=2026, hours=12, actor=None)
    assert list(volunteer.hours.values_list("year", "hours")) == [(2026, 12)]


def test_working_days_skip_the_weekend() -> None:
    friday = datetime.date(2026, 12, 4)
    assert conf.working_days_between(friday, datetime.date(2026, 12, 7)) == 1  # Monday
    assert conf.working_days_between(friday, datetime.date(2026, 12, 8)) == 2  # Tuesday


def test_the_support_point_is_reminded_once_when_a_sign_up_waits_two_working_days(volunteer) -> None:
    friday = timezone.make_aware(datetime.datetime(2026, 12, 4, 10, 0))
    Volunteer.objects.filter(pk=volunteer.pk).update(created_at=friday)
    mail.outbox.clear()
    assert services.intake_reminders(today=datetime.date(2026, 12, 7)) == 0  # Monday: one working day
    assert services.intake_reminders(today=datetime.date(2026, 12, 8)) == 1  # Tuesday: two
    [reminder] = mail.outbox
    assert reminder.to == ["info@steunpunt.example.org"]
    assert "/werkplek/steunpunt-test/vrijwilligers/" in reminder.body
    assert "Samira" not in reminder.body
    assert services.intake_reminders(today=datetime.date(2026, 12, 9)) == 0
    assert len(mail.outbox) == 1


def test_an_answered_volunteer_brings_no_reminder(volunteer) -> None:
    Volunteer.objects.filter(pk=volunteer.pk).update(created_at=timezone.now() - datetime.timedelta(days=10))
    services.volunteer_answer(volunteer=volunteer, message="Welkom!", actor=None)
    mail.outbox.clear()
    call_command("remind_volunteer_intake")
    assert not mail.outbox


@override_settings(VOLUNTEER_INTAKE_WORKING_DAYS=0)
def test_the_reminder_command_mails_when_the_setting_says_so(volunteer) -> None:
    mail.outbox.clear()
    call_command("remind_volunteer_intake")
    assert [m.to for m in mail.outbox] == [["info@steunpunt.example.org"]]


def test_matching_puts_the_role_that_fits_language_and_time_first(volunteer, role, host_role) -> None:
    first, second = match_roles(volunteer, [host_role, role])
    assert first.role == role
    assert any("taal" in reason for reason in first.reasons)  # in the workspace's language, Dutch
    assert second.role == host_role
    assert second.doubts  # the host role is during the day; she can in the evening


def test_matching_shows_a_missing_language_as_a_doubt(support_point, role) -> None:
    dutch_only = sign_up(support_point, None, languages=[], submit_key="nl-only")
    [match] = match_roles(dutch_only, [role])
    assert any("geen taal" in doubt for doubt in match.doubts)


def test_the_daily_job_runs_both_volunteer_commands() -> None:
    from pathlib import Path

    daily = (Path(__file__).resolve().parents[2] / "deploy" / "daily").read_text()
    assert "purge_volunteers" in daily and "remind_volunteer_intake" in daily


def test_a_role_is_listed_for_its_own_support_point_only(role: VolunteerRole) -> None:
    other = Organisation.objects.create(slug="elders", kind="support_point", name="Elders")
    assert list(VolunteerRole.objects.for_support_point(other)) == []


def test_an_answer_moves_the_deletion_date_of_a_sign_up_still_in_conversation(volunteer) -> None:
    Volunteer.objects.filter(pk=volunteer.pk).update(delete_after=timezone.localdate())
    volunteer.refresh_from_db()
    services.volunteer_answer(volunteer=volunteer, message="Nog even wachten op de nieuwe groep.", actor=None)
    volunteer.refresh_from_db()
    assert volunteer.delete_after == timezone.localdate() + datetime.timedelta(days=conf.unplaced_retention_days())
