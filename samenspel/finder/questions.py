"""A citizen's question to a group, its whole life in one place: create and send, status, reply, purge.

Keeps the least data that does the job (see `models.Question`). The people who answer are the group's contact
point and its support point, and only they receive it; the reply goes out from the platform's address so the
contact person's own address stays hidden (DOMAIN.md principle 2).
"""

from __future__ import annotations

import datetime
import hashlib
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from samenspel.core import dates, outbox
from samenspel.core.audit import log_action
from samenspel.core.services import Actor, model_update
from samenspel.core.visitor_forms import store_once
from samenspel.directory.models import Group
from samenspel.finder.models import Question, QuestionStatus, ReplyBy

logger = logging.getLogger(__name__)


def question_create(*, question: Question, group: Group, group_url: str, submit_key: str = "") -> Question:
    """Store a question the visitor sent (validated by `QuestionForm`) and queue its e-mail to the group.

    The message goes into the outbox in the same transaction, so a stored question is always sent (by the
    worker, with retries) and the visitor never waits on the mail server. The same form sent again (same
    `submit_key`) returns the question stored the first time and stores and sends nothing.
    """
    question.group = group
    question.submit_key = submit_key or None

    def store() -> Question:
        question.save()
        send_question(question, group_url)
        return question

    return store_once(Question, submit_key, store)


def question_recipients(group: Group) -> list[str]:
    """The group's contact point and its support point: the only ones who may read the question."""
    addresses = [group.contact_email, group.support_point.email if group.support_point else ""]
    return list(dict.fromkeys(a for a in addresses if a))


def question_email_text(question: Question, group_url: str) -> tuple[str, str]:
    """Subject and body in Dutch (the language of the people who answer).

    The subject never holds the visitor's details: it shows up in mail lists and notifications.
    """
    group = question.group
    with translation.override("nl"):
        subject = _("New question about %(group)s") % {"group": group.name}
        if question.reply_by == ReplyBy.EMAIL:
            reply = _("Please answer by e-mail to: %(email)s") % {"email": question.reply_email}
        elif question.reply_by == ReplyBy.PHONE:
            reply = _("Please answer by phone: %(phone)s") % {"phone": question.reply_phone}
        else:
            reply = _("The person will contact you themselves. You cannot answer this message.")
        language = str(dict(settings.LANGUAGES).get(question.preferred_language, question.preferred_language))
        lines = [
            _("Someone asked a question about %(group)s on Samenspel. They did not give their name.")
            % {"group": group.name},
            "",
            _("Question:"),
            question.message,
            "",
            reply,
            _("Answer in this language if you can: %(language)s") % {"language": language},
            "",
            _(
                "Samenspel deletes this question on %(date)s. Please do not keep the contact details "
                "longer than you need them to answer."
            )
            % {"date": dates.long_date(question.delete_after)},
            "",
            _("Group page: %(url)s") % {"url": group_url},
        ]
    return subject, "\n".join(lines)


def send_question(question: Question, group_url: str) -> int:
    """Queue the question for each recipient separately (once per question); returns how many were queued."""
    recipients = question_recipients(question.group)
    if not recipients:
        logger.warning("Question %s for group %s has no one to send it to.", question.pk, question.group.pk)
        return 0
    subject, body = question_email_text(question, group_url)
    reply_to = [question.reply_email] if question.reply_by == ReplyBy.EMAIL and question.reply_email else []
    queued = outbox.send_mail(
        kind="question",
        to=recipients,
        subject=subject,
        body=body,
        reply_to=reply_to,
        key=f"question:{question.pk}",
        support_point_id=question.group.support_point_id,
    )
    return len(queued)


@transaction.atomic
def question_set_status(*, question: Question, status: QuestionStatus, actor: Actor) -> Question:
    model_update(question, actor=actor, action="status", validate=None, status=status)
    return question


@transaction.atomic
def question_reply(*, question: Question, body: str, actor: Actor) -> Question:
    """Answer by e-mail from the platform's address, replies going to the support point.

    Never from the contact person's own address: their anonymity is shielded
    by the intermediary (DOMAIN.md principle 2).
    """
    if question.reply_by != ReplyBy.EMAIL or not question.reply_email:
        raise ValidationError(_("This person did not ask for an answer by e-mail."))
    group = question.group
    reply_to = group.support_point_reply_to()
    # The frame of the answer in the language the person asked to be answered in.
    with translation.override(question.preferred_language or settings.LANGUAGE_CODE):
        subject = _("Your question about %(group)s") % {"group": group.name}
        footer = _("This answer comes through Samenspel. If you reply, your message goes to the support point.")
    text = f"{body}\n\n--\n{footer}"
    outbox.send_mail(
        kind="question_reply",
        to=[question.reply_email],
        subject=subject,
        body=text,
        reply_to=reply_to,
        # The same answer sent twice (a double click) goes out once.
        key=f"question_reply:{question.pk}:{hashlib.sha256(text.encode()).hexdigest()}",
        support_point_id=group.support_point_id,
    )
    # The reply text is not kept beyond its delivery (the outbox wipes it): the least data that does the job.
    return question_set_status(question=question, status=QuestionStatus.ANSWERED, actor=actor)


@transaction.atomic
def question_handed_over(*, question: Question, to: str, actor: Actor) -> Question:
    """Another support point took the question over (samenspel/cooperation): this one keeps neither the text nor
    a way to reach the citizen; the row stays, closed, so counts and "forwarded to" still read right."""
    question.message = ""
    question.reply_email = ""
    question.reply_phone = ""
    old, question.status = question.status, QuestionStatus.CLOSED
    question.save(update_fields=["message", "reply_email", "reply_phone", "status"])
    log_action(obj=question, action="forwarded", actor=actor, changes={"status": [old, question.status], "to": to})
    return question


def questions_purge(*, today: datetime.date | None = None) -> int:
    """Delete questions past their retention date; returns how many. Safe to run as often as cron likes."""
    deleted, _by_model = Question.objects.expired(today).delete()
    return deleted
