"""The outbox: a request stores its messages and returns; the worker sends them, once, with retries."""

from __future__ import annotations

import datetime
import socket
from collections.abc import Iterator

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from samenspel.core import outbox
from samenspel.core.models import OutboxMessage, OutboxStatus
from samenspel.finder.models import Question
from tests.smtp import smtp_settings

DB_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def db_queue() -> Iterator[None]:
    """The production queue: tasks are rows in the database, run by the worker, not at once."""
    with override_settings(TASKS=DB_QUEUE):
        yield


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # nothing listens there once the socket is closed


def _ask(client, group, message: str = "Mag ik zomaar komen?", submit_key: str = "k" * 32):  # type: ignore[no-untyped-def]
    return client.post(
        f"/groep/{group.slug}/vraag/",
        {
            "message": message,
            "reply_by": "email",
            "reply_email": "vrager@example.org",
            "preferred_language": "nl",
            "submit_key": submit_key,
        },
    )


@pytest.mark.django_db(transaction=True)
def test_a_question_is_accepted_while_the_mail_server_hangs_and_the_worker_sends_it_later(
    client, group, hanging_smtp, smtp_sink, db_queue
):
    with smtp_settings(hanging_smtp.port):
        response = _ask(client, group)
    assert response.status_code == 302
    assert Question.objects.count() == 1
    # The request stored the messages and never spoke to the mail server.
    assert hanging_smtp.connections == 0
    assert OutboxMessage.objects.filter(status=OutboxStatus.PENDING).count() == 2
    assert smtp_sink.messages == []

    # The mail server is fine again; the worker runs what is queued.
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    assert sorted(m["X-Envelope-To"] for m in smtp_sink.messages) == [
        "depressie@steunpunt.example.org",
        "info@steunpunt.example.org",
    ]
    assert all("Mag ik zomaar komen?" in m.get_payload() for m in smtp_sink.messages)
    assert OutboxMessage.objects.filter(status=OutboxStatus.SENT).count() == 2
    # Sent: what and to whom is not kept.
    assert set(OutboxMessage.objects.values_list("to", "body")) == {("", "")}


def test_a_failed_message_is_tried_again_later_and_sent_exactly_once(group, smtp_sink, db_queue):
    with smtp_settings(_closed_port()):
        [message] = outbox.send_mail(kind="test", to=["a@example.org"], subject="Hallo", body="Tekst")
        assert outbox.deliver(message.pk) == "retry"
    message.refresh_from_db()
    assert message.status == OutboxStatus.PENDING and message.attempts == 1
    assert message.next_attempt_at > timezone.now()
    assert "ConnectionRefusedError" in message.last_error
    # The retry is a task of its own, due when the message is.
    retry = DBTaskResult.objects.order_by("enqueued_at").last()
    assert retry is not None and retry.run_after == message.next_attempt_at

    # Not due yet: nothing happens.
    assert outbox.deliver_due() == {}
    later = timezone.now() + datetime.timedelta(minutes=2)
    assert outbox.deliver_due(now=later) == {"sent": 1}
    assert outbox.deliver_due(now=later) == {}
    assert outbox.deliver(message.pk, now=later) == "skipped"
    assert [m["Subject"] for m in smtp_sink.messages] == ["Hallo"]


def test_the_same_question_form_sent_twice_stores_and_sends_one_question(client, group, mailoutbox):
    assert _ask(client, group).status_code == 302
    assert _ask(client, group).status_code == 302
    assert Question.objects.count() == 1
    assert len(mailoutbox) == 2  # one per recipient, once
    # A new form (another key) is another question.
    assert _ask(client, group, submit_key="n" * 32).status_code == 302
    assert Question.objects.count() == 2


def test_a_request_that_rolls_back_queues_nothing(group, db_queue):
    with pytest.raises(RuntimeError), transaction.atomic():
        outbox.send_mail(kind="test", to=["a@example.org"], subject="Hallo", body="Tekst")
        raise RuntimeError("the cause failed")
    assert OutboxMessage.objects.count() == 0
    assert DBTaskResult.objects.count() == 0


def test_the_same_key_queues_one_message_per_address(db, db_queue):
    first = outbox.send_mail(kind="test", to=["a@example.org", "b@example.org"], subject="s", body="b", key="x:1")
    again = outbox.send_mail(kind="test", to=["A@example.org", "b@example.org"], subject="s", body="b", key="x:1")
    assert len(first) == 2 and again == []
    assert OutboxMessage.objects.count() == 2


@override_settings(OUTBOX_MAX_ATTEMPTS=3, OUTBOX_RETENTION_DAYS=7)
def test_it_gives_up_after_the_last_attempt_and_the_purge_deletes_it_after_retention(db, db_queue):
    [message] = outbox.send_mail(kind="test", to=["a@example.org"], subject="s", body="b", support_point_id=7)
    now = timezone.now()
    with smtp_settings(_closed_port()):
        outcomes = [outbox.deliver(message.pk, now=now + datetime.timedelta(days=i)) for i in range(4)]
    assert outcomes == ["retry", "retry", "failed", "skipped"]
    message.refresh_from_db()
    assert message.status == OutboxStatus.FAILED and message.attempts == 3
    # The support point can find its undelivered messages.
    assert OutboxMessage.objects.filter(support_point_id=7, status=OutboxStatus.FAILED).count() == 1

    assert outbox.outbox_purge(now=message.finished_at + datetime.timedelta(days=7)) == 0
    assert outbox.outbox_purge(now=message.finished_at + datetime.timedelta(days=7, seconds=1)) == 1
    assert OutboxMessage.objects.count() == 0


def test_the_commands_send_what_is_due_and_purge_what_is_old(db, smtp_sink, db_queue, capsys):
    outbox.send_mail(kind="test", to=["a@example.org"], subject="s", body="b")
    call_command("send_outbox")
    assert "sent=1" in capsys.readouterr().out
    call_command("send_outbox")
    assert "nothing due" in capsys.readouterr().out
    OutboxMessage.objects.update(finished_at=timezone.now() - datetime.timedelta(days=30))
    call_command("purge_outbox")
    assert "Deleted 1" in capsys.readouterr().out
    assert len(smtp_sink.messages) == 1


def test_the_support_point_sees_how_many_of_its_messages_could_not_be_delivered(client, group, people):
    from tests.personas import sign_in

    OutboxMessage.objects.create(
        kind="question",
        to="x@example.org",
        subject="s",
        body="b",
        status=OutboxStatus.FAILED,
        support_point_id=group.support_point_id,
    )
    OutboxMessage.objects.create(kind="question", to="y@example.org", subject="s", body="b", support_point_id=7777)
    sign_in(client, people["editor"])
    page = client.get(f"/werkplek/{group.support_point.slug}/").content.decode()
    assert "1 e-mail over je groepen kon na een aantal pogingen niet worden bezorgd" in page
