"""A team's presentation: asked, the group agrees, planned with a confirmation and .ics, evaluated in counts,
counted for the year; refusals change nothing; the asker's contact details go after the retention days."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from samenspel.presentations import figures, services
from samenspel.presentations.models import GroupAnswer, PresentationRequest, Status
from tests.presentations.conftest import ask, held

pytestmark = pytest.mark.django_db


def _soon() -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=10)


def test_asking_tells_the_support_point_and_asks_the_group_without_the_askers_details(presentation, people):
    to = {tuple(m.to): m for m in mail.outbox}
    assert ("info@steunpunt.example.org",) in to
    group_mail = to[("contact@example.org",)]
    assert "Wijkteam Noord" in group_mail.body
    assert "muna@" not in group_mail.body
    assert f"/presentaties/aanvraag/{presentation.uuid}/" in group_mail.body


def test_the_group_cannot_be_planned_in_before_its_contact_agrees_and_nothing_changes(presentation):
    with pytest.raises(services.PresentationError):
        services.request_plan(
            request=presentation,
            starts_at=_soon(),
            minutes=45,
            place="",
            presenters="",
            group_presents=True,
            actor=None,
        )
    presentation.refresh_from_db()
    assert presentation.status == Status.ASKED and presentation.starts_at is None


def test_planning_mails_the_asker_and_the_agreeing_group_a_calendar_file(presentation):
    services.group_answer(request=presentation, agrees=True, actor=None)
    mail.outbox.clear()
    services.request_plan(
        request=presentation,
        starts_at=_soon(),
        minutes=45,
        place="Stationsplein 1, Eindhoven",
        presenters="Anna van het steunpunt",
        group_presents=True,
        actor=None,
    )
    presentation.refresh_from_db()
    assert presentation.status == Status.PLANNED and presentation.group_answer == GroupAnswer.AGREED
    by_address = {m.to[0]: m for m in mail.outbox}
    assert set(by_address) == {"muna@vluchtelingenwerk.example.org", "contact@example.org"}
    for message in by_address.values():
        (name, content, mimetype) = message.attachments[0]
        assert name == "presentation.ics" and mimetype == "text/calendar"
        assert "BEGIN:VEVENT" in content and "Stationsplein 1" in content
        assert "Lotgenotengroep depressie" in message.body


def test_planning_the_same_date_twice_sends_one_confirmation(presentation):
    moment = _soon()
    mail.outbox.clear()
    for _ in range(2):
        services.request_plan(
            request=presentation,
            starts_at=moment,
            minutes=45,
            place="",
            presenters="Anna",
            group_presents=False,
            actor=None,
        )
    assert len(mail.outbox) == 1


def test_an_evaluation_before_the_presentation_or_with_impossible_counts_is_refused(presentation):
    services.request_plan(
        request=presentation,
        starts_at=_soon(),
        minutes=45,
        place="",
        presenters="Anna",
        group_presents=False,
        actor=None,
    )
    with pytest.raises(services.PresentationError):
        services.request_evaluate(request=presentation, attendees=10, found_useful=5, will_refer=5, actor=None)
    held(presentation)
    with pytest.raises(services.PresentationError):
        services.request_evaluate(request=presentation, attendees=10, found_useful=11, will_refer=5, actor=None)
    presentation.refresh_from_db()
    assert presentation.evaluated_at is None and presentation.attendees is None


def test_a_declined_request_cannot_be_planned_or_declined_again(presentation):
    services.request_decline(request=presentation, reason="Geen mensen vrij", actor=None)
    assert "Geen mensen vrij" in mail.outbox[-1].body
    with pytest.raises(services.PresentationError):
        services.request_plan(
            request=presentation,
            starts_at=_soon(),
            minutes=45,
            place="",
            presenters="A",
            group_presents=False,
            actor=None,
        )
    with pytest.raises(services.PresentationError):
        services.request_decline(request=presentation, reason="nogmaals", actor=None)
    presentation.refresh_from_db()
    assert presentation.status == Status.DECLINED and presentation.decline_reason == "Geen mensen vrij"


def test_the_year_counts_count_requests_presentations_and_evaluations(group, people):
    year = timezone.localdate().year
    first = held(ask(group, people["professional"]))
    services.request_evaluate(request=first, attendees=12, found_useful=10, will_refer=9, actor=None)
    services.request_decline(request=ask(group, with_group=False), reason="Vol", actor=None)
    ask(group, with_group=False)
    counts = figures.year_counts(group.support_point, year)
    assert counts == {
        "asked": 3,
        "declined": 1,
        "planned": 1,
        "held": 1,
        "with_group": 0,
        "evaluated": 1,
        "attendees": 12,
        "found_useful": 10,
        "will_refer": 9,
    }
    assert figures.year_counts(group.support_point, year - 1)["asked"] == 0


def test_the_askers_contact_details_are_cleared_after_the_retention_days_and_the_counts_stay(group, people, settings):
    settings.PRESENTATION_CONTACT_DAYS = 90
    old = held(ask(group, people["professional"]))
    services.request_evaluate(request=old, attendees=7, found_useful=7, will_refer=5, actor=None)
    PresentationRequest.objects.filter(pk=old.pk).update(starts_at=timezone.now() - datetime.timedelta(days=91))
    recent = held(ask(group, people["professional"]))
    waiting = ask(group)
    call_command("purge_presentations", stdout=open("/dev/null", "w"))
    old.refresh_from_db()
    assert (old.contact_name, old.contact_email, old.message, old.requested_by) == ("", "", "", None)
    assert old.attendees == 7 and old.team == "Wijkteam Noord"
    recent.refresh_from_db()
    waiting.refresh_from_db()
    assert recent.contact_email and waiting.contact_email
    PresentationRequest.objects.filter(pk=waiting.pk).update(created_at=timezone.now() - datetime.timedelta(days=271))
    call_command("purge_presentations", stdout=open("/dev/null", "w"))
    waiting.refresh_from_db()
    assert waiting.contact_email == ""
