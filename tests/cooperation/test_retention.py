"""Retention: every personal thing cooperation adds has a rule in the daily job (purge_cooperation)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from samenspel.cooperation import services
from samenspel.cooperation.models import Forward, ForwardedQuestion, OfferSuggestion, SuggestionStatus
from samenspel.finder.models import Question
from tests.cooperation.conftest import make_question

pytestmark = pytest.mark.django_db
DAILY = Path(__file__).resolve().parents[2] / "deploy" / "daily"


def test_the_daily_job_runs_purge_cooperation():
    assert "purge_cooperation" in DAILY.read_text()


def test_a_forwarded_question_is_deleted_on_the_day_the_original_would_have_been(group, other_support_point):
    question = make_question(group)
    services.forward_question(question=question, to=other_support_point, actor=None)
    received = ForwardedQuestion.objects.get()
    assert received.delete_after == question.delete_after
    call_command("purge_cooperation")
    assert ForwardedQuestion.objects.count() == 1  # not yet
    ForwardedQuestion.objects.update(delete_after=timezone.localdate() - datetime.timedelta(days=1))
    call_command("purge_cooperation")
    assert not ForwardedQuestion.objects.exists()
    assert Forward.objects.count() == 1  # the note "forwarded to" stays its own time, without the text
    Forward.objects.update(delete_after=timezone.localdate() - datetime.timedelta(days=1))
    call_command("purge_cooperation")
    assert not Forward.objects.exists()
    assert Question.objects.get(pk=question.pk).message == ""  # the sender's row never got its text back


def test_a_forward_note_waits_for_its_question(group, other_support_point):
    services.forward_question(question=make_question(group), to=other_support_point, actor=None)
    Forward.objects.update(delete_after=timezone.localdate() - datetime.timedelta(days=1))
    call_command("purge_cooperation")
    assert Forward.objects.count() == ForwardedQuestion.objects.count() == 1


def test_suggestions_are_deleted_after_the_decision_or_when_left_undecided(support_point):
    now = timezone.now()
    decided = OfferSuggestion.objects.create(
        support_point=support_point,
        kind="online",
        name="Oud besluit",
        status=SuggestionStatus.DECLINED,
        decided_at=now - datetime.timedelta(days=91),
    )
    recent = OfferSuggestion.objects.create(
        support_point=support_point,
        kind="online",
        name="Vers besluit",
        status=SuggestionStatus.DECLINED,
        decided_at=now - datetime.timedelta(days=10),
    )
    OfferSuggestion.objects.create(
        support_point=support_point, kind="online", name="Vergeten", created_at=now - datetime.timedelta(days=366)
    )
    waiting = OfferSuggestion.objects.create(support_point=support_point, kind="online", name="Wacht")
    counts = services.cooperation_purge(now=now)
    assert counts["suggestions"] == 2
    assert set(OfferSuggestion.objects.values_list("pk", flat=True)) == {recent.pk, waiting.pk}
    assert not OfferSuggestion.objects.filter(pk=decided.pk).exists()
