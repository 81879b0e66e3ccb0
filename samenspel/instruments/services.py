"""Every write of the instruments: keyword-only, typed, in a transaction."""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from samenspel.core.visitor_forms import store_once
from samenspel.directory.models import Organisation, Theme
from samenspel.instruments import conf
from samenspel.instruments.matrix import matrix
from samenspel.instruments.models import Answer, ContributionReceipt, ConversationCount, FactorCount


def first_of_month(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def matrix_contribute(
    *,
    answers: dict[str, str],
    theme: Theme | None,
    language: str,
    support_point: Organisation | None,
    submit_key: str,
    today: datetime.date | None = None,
) -> bool:
    """Add one agreed conversation to the counts: one to its month, theme and language, one to each answered factor.

    Nothing else is written but a once-only receipt with a random key (so a double click counts once). Returns
    False when the answers named no known factor (nothing to count).
    """
    known = matrix().factors
    answers = {key: answer for key, answer in answers.items() if key in known and answer in Answer.values}
    if not answers:
        return False
    month = first_of_month(today or timezone.localdate())
    where: dict[str, object] = {"month": month, "support_point": support_point, "theme": theme, "language": language}

    def store() -> ContributionReceipt:
        receipt = ContributionReceipt.objects.create(submit_key=submit_key)
        _add(ConversationCount, where)
        for key, answer in sorted(answers.items()):
            _add(FactorCount, {**where, "factor": key, "answer": answer})
        return receipt

    if not submit_key:
        with transaction.atomic():
            _add(ConversationCount, where)
            for key, answer in sorted(answers.items()):
                _add(FactorCount, {**where, "factor": key, "answer": answer})
        return True
    store_once(ContributionReceipt, submit_key, store)
    return True


def _add(model: type[ConversationCount] | type[FactorCount], where: Mapping[str, object]) -> None:
    if not model.objects.filter(**where).update(count=F("count") + 1):
        model.objects.create(**where, count=1)


@transaction.atomic
def instruments_purge(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Delete once-only receipts older than a day and counts older than the retention period."""
    now = now or timezone.now()
    receipts, _ = ContributionReceipt.objects.filter(
        created__lt=now - datetime.timedelta(hours=conf.receipt_retention_hours())
    ).delete()
    today = timezone.localdate(now)
    months = conf.count_retention_months()
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    oldest = datetime.date(year, month + 1, 1)
    conversations, _ = ConversationCount.objects.filter(month__lt=oldest).delete()
    factors, _ = FactorCount.objects.filter(month__lt=oldest).delete()
    return {"receipts": receipts, "conversation_counts": conversations, "factor_counts": factors}
