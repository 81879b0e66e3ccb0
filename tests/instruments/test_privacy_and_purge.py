"""Nothing the instruments keep can be tied to a person, an address, a session or another answer; and it goes."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.db import models
from django.utils import timezone

from samenspel.instruments.matrix import matrix
from samenspel.instruments.models import (
    ContributionReceipt,
    ConversationCount,
    DemandCount,
    FactorCount,
    GroupInventory,
    QuestionCount,
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
        "conditions",
        "age_band",
        "gender",
    },
    # A slip or a link: deleted when it is used, so no answer can be traced back to the code or who got it.
    SurveyCode: {"id", "code", "kind", "group", "created_on"},
    # About an organisation, group or team, never about a person.
    SelfCheck: {"id", "uuid", "support_point", "kind", "group", "filled_on", "answers", "created_at"},
    GroupInventory: {"id", "uuid", "group", "filled_on", "answers", "reminded_on"},
    # Demand: sums per day (searches) or month (questions); never the words, the address or the visitor.
    DemandCount: {"id", "day", "theme", "pc2", "language", "found", "count"},
    QuestionCount: {"id", "month", "group", "support_point", "count"},
}
# Names a field that could point at a person, an address or a session would have.
TRACEABLE = (
    "ip",
    "address",
    "session",
    "cookie",
    "user",
    "email",
    "name",
    "agent",
    "token",
    "time",
    "postcode",
    "text",
)


def test_the_stored_fields_are_counts_and_categories_only() -> None:
    for model, fields in FIELDS.items():
        assert {f.name for f in model._meta.concrete_fields} == fields, model.__name__
    # No row refers to another: a conversation's answers cannot be put back together.
    for model in FIELDS:
        related = {f.related_model.__name__ for f in model._meta.concrete_fields if f.is_relation}
        assert related <= {"Organisation", "Theme", "Group"}
    assert not any(f.is_relation for f in SurveyAnswer._meta.concrete_fields if f.name != "group")
    for model in FIELDS:
        for field in model._meta.concrete_fields:
            assert not any(word in field.name for word in TRACEABLE), f"{model.__name__}.{field.name}"
            # Dates, never a moment: a day or month cannot be matched to a server log line. The one moment is the
            # receipt's, kept a day and saying nothing of what was counted.
            if isinstance(field, models.DateTimeField):
                assert (model, field.name) in {(ContributionReceipt, "created"), (SelfCheck, "created_at")}


def test_an_answer_by_link_leaves_nothing_that_points_back(group) -> None:
    from django.test import Client
    from django.urls import reverse

    from samenspel.core.models import AuditEntry
    from samenspel.instruments.models import CodeKind
    from samenspel.instruments.services import survey_codes_create

    code = survey_codes_create(group=group, count=1, actor=None, kind=CodeKind.LINK)[0].code
    audit_before = AuditEntry.objects.count()
    response = Client(REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT="Phone/1.0").post(
        reverse("instruments:survey", kwargs={"code": code}), {"self_help": "1"}
    )
    assert response.status_code == 200 and not response.cookies
    assert not SurveyCode.objects.filter(code=code).exists(), "the link is gone: nothing ties the answer to it"
    assert AuditEntry.objects.count() == audit_before, "an answer leaves no audit line either"
    row = SurveyAnswer.objects.values().get()
    assert "203.0.113.7" not in str(row) and "Phone" not in str(row) and code not in str(row)


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
    assert "remind_group_inventories" in daily
