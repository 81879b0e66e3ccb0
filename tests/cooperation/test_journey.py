"""In a real browser: a citizen asks support point A's group a question; A forwards it to B (the support point of
the citizen's region); B hears of it by a real e-mail, reads it in its inbox and answers; the answer reaches the
citizen through a real SMTP server. A keeps only "forwarded to"."""

from __future__ import annotations

import re
from typing import Any

import pytest

from samenspel.cooperation.models import ForwardedQuestion, ForwardedStatus
from samenspel.directory.models import Group
from samenspel.finder.models import Question
from tests.browser.axe import check_a11y
from tests.cooperation.conftest import CITIZEN, MESSAGE
from tests.public_notes.test_browser_journeys import _staff_sign_in

pytestmark = pytest.mark.browser


def _mailed_path(sink: Any, address: str, pattern: str) -> str:
    for message in reversed(sink.to(address)):
        body = message.get_payload(decode=True).decode()
        found = re.search(rf"https?://\S+({pattern}\S*)", body)
        if found:
            return "/" + found.group(0).split("://", 1)[1].split("/", 1)[1]
    raise AssertionError(f"no link like {pattern} mailed to {address}")


def test_support_point_a_forwards_a_question_to_b_and_b_answers_it(
    live_server, make_page, group: Group, other_support_point, people, smtp_sink
) -> None:
    base = live_server.url
    sp_a = group.support_point

    # The citizen asks, without an account or JavaScript.
    citizen = make_page(viewport=(320, 800), javascript=False)
    citizen.goto(f"{base}/groep/{group.slug}/vraag/")
    form = citizen.locator("form.question-form")
    form.locator('textarea[name="message"]').fill(MESSAGE)
    form.locator('input[name="reply_by"][value="email"]').check()
    form.locator('input[name="reply_email"]').fill(CITIZEN)
    with citizen.expect_navigation():
        form.locator('button[type="submit"]').click()
    question = Question.objects.get()

    # Support point A reads it in its inbox and forwards it to B.
    a = make_page(javascript=False)
    _staff_sign_in(a, base, people["member"], f"/werkplek/{sp_a.slug}/vragen/")
    with a.expect_navigation():
        a.click(f"main a:has-text('{group.name}')")
    assert MESSAGE in a.content()
    a.click("a[href$='/doorsturen/']")
    check_a11y(a, "forward a question")
    a.select_option("#id_to", other_support_point.slug)
    with a.expect_navigation():
        a.click("main form button.primary")
    assert other_support_point.name in a.locator("main").inner_text()
    assert MESSAGE not in a.content()  # A no longer holds the text
    question.refresh_from_db()
    assert question.message == ""

    # B gets a notice by e-mail (no words of the citizen in it) and follows its link.
    notices = [m.get_payload(decode=True).decode() for m in smtp_sink.to(other_support_point.email)]
    assert notices and all(MESSAGE not in body for body in notices)
    link = _mailed_path(smtp_sink, other_support_point.email, "/werkplek/doorgestuurd/")
    b = make_page(javascript=False)
    _staff_sign_in(b, base, people["other_member"], f"/werkplek/{other_support_point.slug}/vragen/")
    b.click(f"a[href='/werkplek/{other_support_point.slug}/doorgestuurd/']")
    check_a11y(b, "forwarded between support points")
    with b.expect_navigation():
        b.click("main a[href^='/werkplek/doorgestuurd/']")
    assert b.url.endswith(link)
    assert MESSAGE in b.content()
    check_a11y(b, "a forwarded question")
    b.fill("#id_body", "Welkom! In Helmond is op dinsdag een groep. Bel ons gerust.")
    b.click("main form button.primary")
    assert ForwardedQuestion.objects.get().status == ForwardedStatus.ANSWERED

    answers = [m for m in smtp_sink.to(CITIZEN) if "In Helmond is op dinsdag" in m.get_payload(decode=True).decode()]
    assert len(answers) == 1
    assert answers[0]["Reply-To"] == other_support_point.email
