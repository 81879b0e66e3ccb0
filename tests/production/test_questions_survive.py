"""Questions survive a database that drops its connections and a mail server that is down.

The production server (gunicorn, PostgreSQL) takes questions while every connection of the app is killed, as
a database restart would; the mail server is down all the while. Every question that got a success answer is
stored, the server answers again by itself, and once mail works the worker sends each question exactly once.
"""

from __future__ import annotations

import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

from bench.serve import free_port, serve
from samenspel.core.models import OutboxMessage, OutboxStatus
from samenspel.directory.models import Group
from samenspel.finder.models import Question
from tests.production.pg import current_database_url, on_postgres
from tests.production.test_connections import terminate_other_backends

pytestmark = [on_postgres, pytest.mark.django_db(transaction=True)]

DB_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _ask(base: str, slug: str, message: str) -> int:
    """One visitor: open the question form, send it. Returns the status of the answer (0: no answer).

    The CSRF cookie is sent by hand: production marks it Secure, which urllib keeps to https.
    """
    opener = urllib.request.build_opener(_NoRedirect())
    url = f"{base}/groep/{slug}/vraag/"
    try:
        with opener.open(url, timeout=10) as response:
            page = response.read().decode()
            cookie = response.headers.get("Set-Cookie", "").split(";")[0]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        key = re.search(r'name="submit_key" value="([^"]+)"', page)
        assert token and key and cookie
        data = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token.group(1),
                "submit_key": key.group(1),
                "message": message,
                "reply_by": "none",
                "preferred_language": "nl",
            }
        ).encode()
        request = urllib.request.Request(url, data=data, headers={"Referer": url, "Cookie": cookie})
        with opener.open(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as err:
        return int(err.code)
    except OSError:
        return 0


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None  # the 302 to "sent" is the success answer itself


def test_questions_answered_with_success_are_kept_and_mailed_once_across_a_database_restart(
    tmp_path: Path, group: Group, smtp_sink
) -> None:
    down = free_port()  # nothing listens there: the mail server is down
    answers: dict[str, int] = {}
    with serve(
        tmp_path,
        current_database_url(),
        SERVE_SKIP_MIGRATE="1",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(down),
        EMAIL_USE_TLS="0",
        QUESTION_RATE_LIMIT="1000",
    ) as base:

        def visitor(number: int) -> None:
            for turn in range(8):
                message = f"Vraag {number}-{turn}"
                answers[message] = _ask(base, group.slug, message)
                time.sleep(0.05)

        visitors = [threading.Thread(target=visitor, args=(n,)) for n in range(4)]
        for thread in visitors:
            thread.start()
        for _ in range(3):  # the database drops every connection of the app, three times
            time.sleep(0.4)
            terminate_other_backends()
        for thread in visitors:
            thread.join(timeout=120)

        # The app answers again by itself, without a restart.
        assert _ask(base, group.slug, "Na de herstart") == 302
        answers["Na de herstart"] = 302

    succeeded = sorted(m for m, status in answers.items() if status == 302)
    assert len(succeeded) >= len(answers) // 2, answers  # most got through; the rest got an error page, no 302
    stored = set(Question.objects.values_list("message", flat=True))
    assert set(succeeded) <= stored  # every success answer is a stored question

    # The mail server is back: the worker sends what waits, each question once to each recipient.
    with override_settings(TASKS=DB_QUEUE):
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
        call_command("send_outbox", verbosity=0)  # the safety net finds nothing left
    recipients = ["depressie@steunpunt.example.org", "info@steunpunt.example.org"]
    for message in stored:
        delivered = [m for m in smtp_sink.messages if message in m.get_payload()]
        assert sorted(m["X-Envelope-To"] for m in delivered) == recipients, message
    assert len(smtp_sink.messages) == 2 * len(stored)
    assert not OutboxMessage.objects.exclude(status=OutboxStatus.SENT).exists()
