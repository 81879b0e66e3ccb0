"""Asking a group a question: no account, no name, least data, deleted after its retention period."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from samenspel.core import ratelimit
from samenspel.directory.models import Group
from samenspel.finder.models import Question

pytestmark = pytest.mark.django_db


@pytest.fixture
def client() -> Client:
    # English is the source language: these assertions keep holding once the Dutch .po files arrive.
    return Client(HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture(autouse=True)
def empty_cache() -> Iterator[None]:
    # The rate limiter counts in the cache; each test starts with a clean count.
    cache.clear()
    yield
    cache.clear()


def url(group: Group, sent: bool = False) -> str:
    return f"/groep/{group.slug}/vraag/" + ("verstuurd/" if sent else "")


def answer(**changes: str) -> dict[str, str]:
    data = {
        "message": "Mag ik eerst een keer komen kijken?",
        "reply_by": "email",
        "reply_email": "bezoeker@example.net",
        "reply_phone": "",
        "preferred_language": "nl",
        "website": "",
    }
    data.update(changes)
    return data


def test_the_form_asks_no_name_and_has_a_labelled_honeypot(client: Client, group: Group) -> None:
    response = client.get(url(group))
    html = response.content.decode()

    assert response.status_code == 200
    assert 'name="name"' not in html
    assert "Leave this field empty" in html
    assert 'class="hp" aria-hidden="true"' in html
    assert 'tabindex="-1"' in html and 'autocomplete="off"' in html


def test_a_question_is_stored_for_thirty_days_and_mailed_to_contact_and_support_point(
    client: Client, group: Group
) -> None:
    response = client.post(url(group), answer())

    assert response.status_code == 302
    assert response["Location"] == url(group, sent=True)
    question = Question.objects.get()
    assert question.group == group
    assert question.status == "new"
    assert question.reply_email == "bezoeker@example.net"
    assert question.delete_after == timezone.localdate() + datetime.timedelta(days=30)

    assert sorted(m.to[0] for m in mail.outbox) == ["depressie@steunpunt.example.org", "info@steunpunt.example.org"]
    for message in mail.outbox:
        assert len(message.to) == 1
        assert "bezoeker@example.net" not in message.subject
        assert "Lotgenotengroep depressie" in message.subject
        assert "Mag ik eerst een keer komen kijken?" in message.body
        assert "bezoeker@example.net" in message.body
        assert message.reply_to == ["bezoeker@example.net"]


def test_the_sent_page_says_what_happens_next_and_when_the_question_is_deleted(client: Client, group: Group) -> None:
    response = client.post(url(group), answer(), follow=True)
    html = response.content.decode()

    assert "usually within a few days" in html
    deleted = timezone.localdate() + datetime.timedelta(days=30)
    assert str(deleted.year) in html and str(deleted.day) in html


def test_a_phone_answer_keeps_only_the_phone_number(client: Client, group: Group) -> None:
    client.post(url(group), answer(reply_by="phone", reply_phone="06-123 456 78"))

    question = Question.objects.get()
    assert question.reply_phone == "0612345678"
    assert question.reply_email == ""  # typed in, but not needed for the chosen way
    assert "0612345678" in mail.outbox[0].body
    assert mail.outbox[0].reply_to == []


def test_a_visitor_can_ask_without_any_way_to_reply(client: Client, group: Group) -> None:
    response = client.post(url(group), answer(reply_by="none", reply_email=""))

    assert response.status_code == 302
    question = Question.objects.get()
    assert (question.reply_email, question.reply_phone) == ("", "")
    assert len(mail.outbox) == 2


def test_a_filled_in_honeypot_looks_like_success_but_keeps_and_sends_nothing(client: Client, group: Group) -> None:
    response = client.post(url(group), answer(website="https://spam.example"))

    assert response.status_code == 302
    assert response["Location"] == url(group, sent=True)
    assert Question.objects.count() == 0
    assert mail.outbox == []


def test_the_sixth_question_within_an_hour_is_refused_kindly(client: Client, group: Group) -> None:
    for _ in range(5):
        assert client.post(url(group), answer()).status_code == 302

    response = client.post(url(group), answer())

    assert response.status_code == 429
    assert '<html lang="en"' in response.content.decode()  # in the visitor's language
    assert "Please try again in an hour" in response.content.decode()
    assert Question.objects.count() == 5


def test_another_visitor_is_not_slowed_down_by_the_first(client: Client, group: Group) -> None:
    for _ in range(5):
        client.post(url(group), answer(), REMOTE_ADDR="192.0.2.1")
    assert client.post(url(group), answer(), REMOTE_ADDR="192.0.2.2").status_code == 302


def test_the_rate_limiter_never_keeps_the_raw_address(rf) -> None:  # type: ignore[no-untyped-def]
    request = rf.get("/", REMOTE_ADDR="198.51.100.23")
    key = ratelimit.client_key(request)
    assert "198.51.100.23" not in key
    assert len(key) == 64
    assert ratelimit.hit(key, 2, 60) and ratelimit.hit(key, 2, 60)
    assert not ratelimit.hit(key, 2, 60)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"reply_email": "bezoeker-at-example"}, "reply_email", "does not look like an e-mail address"),
        ({"reply_email": ""}, "reply_email", "Fill in your e-mail address"),
        ({"reply_by": "phone", "reply_phone": "12345"}, "reply_phone", "does not look like a phone number"),
        ({"reply_by": "phone", "reply_phone": ""}, "reply_phone", "Fill in your phone number"),
        ({"message": ""}, "message", "Write your question"),
        ({"message": "x" * 2001}, "message", "too long"),
    ],
)
def test_a_wrong_answer_is_explained_and_nothing_is_stored(
    client: Client, group: Group, changes: dict[str, str], field: str, message: str
) -> None:
    response = client.post(url(group), answer(**changes))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert message in response.content.decode()
    assert Question.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.parametrize("phone", ["+31 6 12345678", "0031612345678", "040-1234567", "+44 20 7946 0958"])
def test_dutch_and_international_phone_numbers_are_accepted(client: Client, group: Group, phone: str) -> None:
    assert client.post(url(group), answer(reply_by="phone", reply_phone=phone)).status_code == 302


def test_purge_deletes_exactly_the_expired_questions(group: Group) -> None:
    today = timezone.localdate()
    for days in (-10, -1, 0, 1):
        Question.objects.create(
            group=group, message=f"{days}", reply_by="none", delete_after=today + datetime.timedelta(days=days)
        )

    out = StringIO()
    call_command("purge_expired_questions", stdout=out)

    assert sorted(Question.objects.values_list("message", flat=True)) == ["0", "1"]
    assert "Deleted 2" in out.getvalue()
    again = StringIO()
    call_command("purge_expired_questions", stdout=again)
    assert "Deleted 0" in again.getvalue()


def test_platform_staff_see_questions_in_the_admin_without_the_message(client: Client, group: Group) -> None:
    Question.objects.create(
        group=group, message="Heel persoonlijk verhaal", reply_by="email", reply_email="a@example.net"
    )
    client.force_login(User.objects.create_superuser("staf", "staf@example.org", "a-long-password-1"))

    listing = client.get("/admin/finder/question/")
    detail = client.get(f"/admin/finder/question/{Question.objects.get().pk}/change/")

    assert listing.status_code == 200 and detail.status_code == 200
    for response in (listing, detail):
        assert "Heel persoonlijk verhaal" not in response.content.decode()
        assert "a@example.net" not in response.content.decode()
    assert client.get("/admin/finder/question/add/").status_code == 403
