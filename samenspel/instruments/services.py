"""Every write of the instruments: keyword-only, typed, in a transaction."""

from __future__ import annotations

import datetime
import secrets
from collections.abc import Mapping

from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from samenspel.accounts.services import language_of_address
from samenspel.core import outbox
from samenspel.core.audit import Actor, log_action
from samenspel.core.visitor_forms import store_once
from samenspel.directory.models import Group, GroupStatus, Organisation, Theme
from samenspel.instruments import conf
from samenspel.instruments.inventory import clean_answers
from samenspel.instruments.matrix import matrix
from samenspel.instruments.models import (
    Answer,
    CodeKind,
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
from samenspel.instruments.selfchecks import Reply, self_checks


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
    searches, _ = DemandCount.objects.filter(day__lt=oldest).delete()
    questions, _ = QuestionCount.objects.filter(month__lt=oldest).delete()
    years = conf.selfcheck_retention_years()
    checks, _ = SelfCheck.objects.filter(filled_on__lt=today.replace(year=today.year - years, day=1)).delete()
    codes, _ = SurveyCode.objects.filter(
        kind=CodeKind.SLIP, created_on__lt=today - datetime.timedelta(days=conf.survey_code_days())
    ).delete()
    links, _ = SurveyCode.objects.filter(
        kind=CodeKind.LINK, created_on__lt=today - datetime.timedelta(days=conf.survey_link_days())
    ).delete()
    inventory_years = conf.inventory_retention_years()
    inventories, _ = GroupInventory.objects.filter(
        filled_on__lt=today.replace(year=today.year - inventory_years, day=1)
    ).delete()
    answer_years = conf.survey_retention_years()
    answers, _ = SurveyAnswer.objects.filter(month__lt=today.replace(year=today.year - answer_years, day=1)).delete()
    return {
        "receipts": receipts,
        "conversation_counts": conversations,
        "factor_counts": factors,
        "self_checks": checks,
        "survey_codes": codes + links,
        "group_inventories": inventories,
        "survey_answers": answers,
        "search_counts": searches,
        "question_counts": questions,
    }


@transaction.atomic
def selfcheck_create(
    *,
    support_point: Organisation,
    kind: str,
    answers: dict[str, str],
    actor: Actor,
    group: Group | None = None,
    today: datetime.date | None = None,
) -> SelfCheck:
    """Keep a self-check with today's date: only known items and replies."""
    known = {item.key for item in self_checks()[kind].items}
    kept = {key: reply for key, reply in answers.items() if key in known and reply in Reply.values}
    check = SelfCheck.objects.create(
        support_point=support_point, kind=kind, group=group, filled_on=today or timezone.localdate(), answers=kept
    )
    log_action(obj=check, action="created", actor=actor, changes={"kind": [None, kind], "answers": [None, len(kept)]})
    return check


# No 0/O or 1/I/L: a code is typed from paper.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10
# A link is clicked, never typed: longer, so it cannot be guessed (about 99 bits).
LINK_CODE_LENGTH = 20
MAX_SLIPS = 60


def new_code(length: int = CODE_LENGTH) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


@transaction.atomic
def survey_codes_create(
    *, group: Group, count: int, actor: Actor, kind: str = CodeKind.SLIP, today: datetime.date | None = None
) -> list[SurveyCode]:
    """Codes for printed survey slips or for links, one answer each; the audit log says how many, never which."""
    count = max(1, min(count, MAX_SLIPS))
    day = today or timezone.localdate()
    length = LINK_CODE_LENGTH if kind == CodeKind.LINK else CODE_LENGTH
    codes = [
        SurveyCode.objects.create(code=new_code(length), kind=kind, group=group, created_on=day) for _ in range(count)
    ]
    action = "survey links made" if kind == CodeKind.LINK else "survey slips printed"
    log_action(obj=group, action=action, actor=actor, changes={f"survey {kind}s": [None, count]})
    return codes


def normalise_code(raw: str) -> str:
    return "".join(ch for ch in raw.upper() if ch.isalnum())


@transaction.atomic
def survey_answer(
    *,
    code: str,
    routes: list[str],
    self_help: int | None,
    formal_help: int | None,
    brings: list[str],
    age_band: str,
    gender: str,
    language: str,
    conditions: list[str] | None = None,
    today: datetime.date | None = None,
) -> bool:
    """Keep one anonymous answer for a printed code or a link and delete the code: no answer points back to its slip.

    False when the code is unknown or was used already.
    """
    found = SurveyCode.objects.select_for_update().filter(code=normalise_code(code)).first()
    if found is None:
        return False
    group_id = found.group_id
    found.delete()
    SurveyAnswer.objects.create(
        group_id=group_id,
        month=first_of_month(today or timezone.localdate()),
        language=language,
        routes=sorted(set(routes)),
        self_help=self_help,
        formal_help=formal_help,
        brings=sorted(set(brings)),
        conditions=sorted(set(conditions or [])),
        age_band=age_band,
        gender=gender,
    )
    return True


@transaction.atomic
def inventory_create(
    *, group: Group, answers: Mapping[str, object], actor: Actor, today: datetime.date | None = None
) -> GroupInventory:
    """Keep the group's inventory with today's date: only known questions and choices."""
    inventory = GroupInventory.objects.create(
        group=group, filled_on=today or timezone.localdate(), answers=clean_answers(answers)
    )
    log_action(obj=group, action="group inventory filled in", actor=actor, changes={"inventory": [None, 1]})
    return inventory


def inventories_due(*, today: datetime.date | None = None) -> list[GroupInventory]:
    """The latest inventory of each group, where it is two years old and no reminder went out for it yet."""
    today = today or timezone.localdate()
    due_before = today - datetime.timedelta(days=conf.inventory_interval_days())
    latest: dict[int, GroupInventory] = {}
    for inventory in GroupInventory.objects.select_related("group").order_by("group_id", "-filled_on", "-pk"):
        latest.setdefault(inventory.group_id, inventory)
    return [i for i in latest.values() if i.filled_on <= due_before and i.reminded_on is None]


def inventory_remind(*, base_url: str, today: datetime.date | None = None) -> int:
    """E-mail the contact persons of each group whose last inventory is due, once per inventory. Returns how many
    groups were reminded (a group without a contact person with an address is not, and is tried again)."""
    from samenspel.workspace.models import GroupContact

    today = today or timezone.localdate()
    reminded = 0
    for last in inventories_due(today=today):
        group = last.group
        if group.status == GroupStatus.STOPPED:
            continue
        addresses = sorted(
            {c.user.email for c in GroupContact.objects.filter(group=group).select_related("user") if c.user.email}
        )
        if not addresses:
            continue
        url = base_url.rstrip("/") + reverse("instruments:group_inventory", kwargs={"group_uuid": group.uuid})
        with transaction.atomic():
            for address in addresses:
                with translation.override(language_of_address(address)):
                    subject = gettext("Time for the group inventory of %(group)s") % {"group": group.name}
                    body = "\n".join(
                        [
                            gettext("Two years ago you described %(group)s in the group inventory.")
                            % {"group": group.name},
                            gettext("Would you fill it in again? It takes a few minutes, after you sign in:"),
                            url,
                        ]
                    )
                outbox.send_mail(
                    kind="inventory_reminder",
                    to=[address],
                    subject=subject,
                    body=body,
                    key=f"inventory_reminder:{last.pk}",
                    support_point_id=group.support_point_id,
                )
            GroupInventory.objects.filter(pk=last.pk).update(reminded_on=today)
        reminded += 1
    return reminded
