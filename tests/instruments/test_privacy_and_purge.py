"""Nothing the instruments keep can be tied to a person, an address, a session or another answer; and it goes."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from samenspel.instruments.matrix import matrix
from samenspel.instruments.models import (
    ContributionReceipt,
    ConversationCount,
    FactorCount,
    SelfCheck,
    SurveyAnswer,
    SurveyCode,
)
from samenspel.instruments.services import matrix_contribute

pytestmark = pytest.mark.django_db

# Every field the instruments store. A new field must be added here, after asking: could it point at someone?
FIELDS = {
    ConversationCount: {"id", "month", "support_point", "theme", "language", "count"},
    FactorCount: {"id", "month", "support_point", "theme", "language", "factor", "answer", "count"},
    # A random key from the form (never derived from the person, address or session) and the day it came.
    ContributionReceipt: {"id", "submit_key", "created"},
    # A survey answer: its group and month, never its code (deleted when used), a time of day, address or session.
    SurveyAnswer: {
        "id",
        "group",
        "month",
        "language",
        "routes",
        "self_help",
        "formal_help",
        "brings",
        "age_band",
        "gender",
    },
    SurveyCode: {"id", "code", "group", "created_on"},
    # About an organisation, group or team, never about a person.
    SelfCheck: {"id", "uuid", "support_point", "kind", "group", "filled_on", "answers", "created_at"},
}


def test_the_stored_fields_are_counts_and_categories_only() -> None:
    for model, fields in FIELDS.items():
        assert {f.name for f in model._meta.concrete_fields} == fields, model.__name__
    # No row refers to another: a conversation's answers cannot be put back together.
    for model in FIELDS:
        related = {f.related_model.__name__ for f in model._meta.concrete_fields if f.is_relation}
        assert related <= {"Organisation", "Theme", "Group"}
    assert not any(f.is_relation for f in SurveyAnswer._meta.concrete_fields if f.name != "group")


def test_a_conversation_leaves_no_row_of_its_own(themes) -> None:
    keys = [f.key for f in matrix().conversation_factors()[:3]]
    for i in range(2):
        matrix_contribute(
            answers={keys[0]: "in_the_way", keys[i + 1]: "helps"},
            theme=themes[0],
            language="nl",
            support_point=None,
            submit_key=f"key-{i}",
        )
    # Two conversations, but only sums: the shared factor is one row counting 2.
    assert FactorCount.objects.get(factor=keys[0]).count == 2
    assert ConversationCount.objects.get().count == 2


def test_the_daily_purge_deletes_receipts_after_a_day_and_counts_after_the_retention(settings, themes) -> None:
    settings.INSTRUMENTS_COUNT_RETENTION_MONTHS = 12
    key = matrix().conversation_factors()[0].key
    today = timezone.localdate()
    old = (today.replace(day=1) - datetime.timedelta(days=400)).replace(day=1)
    for day, submit_key in ((today, "new"), (old, "old")):
        matrix_contribute(
            answers={key: "helps"}, theme=None, language="nl", support_point=None, submit_key=submit_key, today=day
        )
    ContributionReceipt.objects.filter(submit_key="old").update(created=timezone.now() - datetime.timedelta(hours=25))
    call_command("purge_instruments")
    assert list(ContributionReceipt.objects.values_list("submit_key", flat=True)) == ["new"]
    assert list(FactorCount.objects.values_list("month", flat=True)) == [today.replace(day=1)]
    assert list(ConversationCount.objects.values_list("month", flat=True)) == [today.replace(day=1)]
    call_command("purge_instruments")  # safe to run twice
    assert FactorCount.objects.count() == 1


def test_the_daily_job_runs_the_purge() -> None:
    from pathlib import Path

    daily = (Path(__file__).resolve().parents[2] / "deploy" / "daily").read_text()
    assert "purge_instruments" in daily
