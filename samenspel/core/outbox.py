"""Every e-mail Samenspel sends goes through the outbox: stored with its cause, delivered by the worker.

`send_mail` writes one `OutboxMessage` per address inside the caller's transaction and enqueues its delivery
as a task (django-tasks; the database backend keeps the queue in the same database, so the message, the task
and what caused them commit or roll back together). A request therefore never waits on the mail server, and a
rolled-back request sends nothing.

The worker (`manage.py db_worker`) runs `deliver_message`: it sends, and on failure tries again later with a
growing delay, up to `OUTBOX_MAX_ATTEMPTS`; then the message is marked failed, for the support point to see.
`manage.py send_outbox` delivers whatever is due (a safety net for cron, and for a queue that lost a task);
`manage.py purge_outbox` deletes finished messages after `OUTBOX_RETENTION_DAYS`. Both are safe to run twice.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
from collections.abc import Iterable, Mapping, Sequence

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from samenspel.core.models import OutboxMessage, OutboxStatus

logger = logging.getLogger(__name__)

# The first retry after a minute, then doubling, never more than six hours apart.
FIRST_RETRY = datetime.timedelta(minutes=1)
LONGEST_RETRY = datetime.timedelta(hours=6)
# Parts of a message stored among its attachments, without a file name: the HTML alternative, an extra header.
HTML_PART = "text/html"
HEADER_PART = "x-samenspel/header"


def _row_key(key: str, address: str) -> str:
    # Hashed: the key says what caused the message and to whom, which the table need not spell out.
    return hashlib.sha256(f"{key}\n{address.lower()}".encode()).hexdigest()


def send_mail(
    *,
    kind: str,
    to: Iterable[str],
    subject: str,
    body: str,
    reply_to: Sequence[str] = (),
    from_email: str = "",
    key: str | None = None,
    support_point_id: int | None = None,
    attachments: Sequence[tuple[str, str, str]] = (),
    html: str = "",
    headers: Mapping[str, str] | None = None,
) -> list[OutboxMessage]:
    """Queue a message to each address (each gets its own copy, so no one sees another's address).

    With a `key` (what caused the message: "question:42"), queueing the same key again for an address adds
    nothing: a double submit or a command run twice sends one message. Returns the messages newly queued.

    `html` is sent as the HTML alternative of `body`, and `headers` as extra headers (a newsletter's
    List-Unsubscribe); both ride in the attachments column as entries without a file name, wiped when sent.
    """
    extras = [["", HTML_PART, html]] if html else []
    extras += [["", HEADER_PART, f"{name}: {value}"] for name, value in (headers or {}).items()]
    queued = []
    for address in dict.fromkeys(a.strip() for a in to if a and a.strip()):
        fields = {
            "kind": kind,
            "to": address,
            "subject": subject[:255],
            "body": body,
            "from_email": from_email,
            "reply_to": list(reply_to),
            "support_point_id": support_point_id,
            "attachments": [list(a) for a in attachments] + extras,
        }
        if key is None:
            message = OutboxMessage.objects.create(**fields)
        else:
            message, created = OutboxMessage.objects.get_or_create(key=_row_key(key, address), defaults=fields)
            if not created:
                continue
        queued.append(message)
    for message in queued:
        deliver_message.enqueue(message_id=message.pk)
    return queued


def _retry_delay(attempts: int) -> datetime.timedelta:
    return min(FIRST_RETRY * 2 ** max(attempts - 1, 0), LONGEST_RETRY)


def deliver(message_id: int, *, now: datetime.datetime | None = None) -> str:
    """Send one due message; returns what became of it ("sent", "retry", "failed" or "skipped")."""
    now = now or timezone.now()
    with transaction.atomic():
        # Locked, so two workers never send the same message; one that another worker holds is skipped.
        message = (
            OutboxMessage.objects.select_for_update(skip_locked=True)
            .filter(pk=message_id, status=OutboxStatus.PENDING, next_attempt_at__lte=now)
            .first()
        )
        if message is None:
            return "skipped"
        email = EmailMultiAlternatives(
            message.subject,
            message.body,
            from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
            to=[message.to],
            reply_to=message.reply_to or None,
        )
        for filename, mimetype, content in message.attachments or ():
            if filename:
                email.attach(filename, content, mimetype)
            elif mimetype == HTML_PART:
                email.attach_alternative(content, "text/html")
            elif mimetype == HEADER_PART:
                name, _sep, value = content.partition(": ")
                email.extra_headers[name] = value
        message.attempts += 1
        try:
            get_connection().send_messages([email])
        except Exception as exc:  # any failure of the mail server or the network: try again later
            message.last_error = f"{type(exc).__name__}: {exc}"[:300]
            if message.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
                message.status = OutboxStatus.FAILED
                message.finished_at = now
                logger.error("Gave up on outbox message %s after %s attempts.", message.pk, message.attempts)
            else:
                message.next_attempt_at = now + _retry_delay(message.attempts)
                logger.warning("Outbox message %s failed; next attempt at %s.", message.pk, message.next_attempt_at)
            message.save()
            if message.status == OutboxStatus.PENDING and deliver_message.get_backend().supports_defer:
                deliver_message.using(run_after=message.next_attempt_at).enqueue(message_id=message.pk)
            return "failed" if message.status == OutboxStatus.FAILED else "retry"
        # Sent: keep that it was sent, not what or to whom (the least data that does the job).
        message.status = OutboxStatus.SENT
        message.finished_at = now
        message.to = ""
        message.body = ""
        message.reply_to = []
        message.attachments = []
        message.last_error = ""
        message.save()
        return "sent"


@task()
def deliver_message(message_id: int) -> str:
    return deliver(message_id)


def deliver_due(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Send every message that is due now, oldest first; counts per outcome."""
    now = now or timezone.now()
    outcomes: dict[str, int] = {}
    due = OutboxMessage.objects.filter(status=OutboxStatus.PENDING, next_attempt_at__lte=now).order_by("pk")
    for pk in due.values_list("pk", flat=True).iterator():
        outcome = deliver(pk, now=now)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    return outcomes


def outbox_purge(*, now: datetime.datetime | None = None) -> int:
    """Delete messages sent or given up longer than the retention period ago; returns how many."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.OUTBOX_RETENTION_DAYS)
    deleted, _by_model = OutboxMessage.objects.filter(finished_at__lt=cutoff).delete()
    return deleted
