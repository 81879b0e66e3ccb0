"""Sign-in (ASVS V2.2.1 and V3/V2 enumeration items): failed tries limited per account and per client address
(successful sign-ins not counted), and the answers never tell whether an address has an account. Written against
the URL and what a visitor sees, not the module."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.test import Client

pytestmark = pytest.mark.django_db

SIGN_IN = "/werkplek/inloggen/"
KNOWN = "bekend@steunpunt.example.org"
UNKNOWN = "onbekend@steunpunt.example.org"
PASSWORD = "a-long-test-password"


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


COLLEAGUE = "collega@steunpunt.example.org"
OFFICE = "192.0.2.99"


def make_account(email: str) -> None:
    get_user_model().objects.create_user(username=email, email=email, password=PASSWORD)


@pytest.fixture
def known_user(db: None) -> None:
    make_account(KNOWN)


def visitor(address: str = "192.0.2.10") -> Client:
    return Client(HTTP_ACCEPT_LANGUAGE="en", REMOTE_ADDR=address)


def page_without_tokens(html: bytes) -> str:
    """The page as the visitor reads it, without the per-request CSRF token and the typed address."""
    text = html.decode()
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", text)
    return text.replace(UNKNOWN, "ADDRESS").replace(KNOWN, "ADDRESS")


def password_attempt(client: Client, email: str, password: str) -> tuple[int, str]:
    response = client.post(SIGN_IN, {"pw-email": email, "pw-password": password, "password_sign_in": "1"})
    return response.status_code, page_without_tokens(response.content)


def test_a_wrong_password_and_an_unknown_address_get_the_same_answer(known_user: None) -> None:
    known = password_attempt(visitor(), KNOWN, "not-the-password")
    unknown = password_attempt(visitor("192.0.2.11"), UNKNOWN, "not-the-password")

    assert known[0] == unknown[0] == 400
    assert known[1] == unknown[1]
    assert "do not match" in known[1]


def test_asking_a_link_looks_the_same_for_a_known_and_an_unknown_address_and_mails_only_the_known(
    known_user: None,
) -> None:
    answers = []
    for address, email in (("192.0.2.20", KNOWN), ("192.0.2.21", UNKNOWN)):
        response = visitor(address).post(SIGN_IN, {"link-email": email, "send_link": "1"})
        answers.append((response.status_code, page_without_tokens(response.content)))

    assert answers[0] == answers[1]
    assert answers[0][0] == 200
    assert [message.to for message in mail.outbox] == [[KNOWN]]


def test_sign_in_is_rate_limited_per_account_even_for_the_right_password(known_user: None) -> None:
    attacker = visitor("192.0.2.30")
    statuses = [password_attempt(attacker, KNOWN, f"guess-{i}")[0] for i in range(10)]
    assert statuses == [400] * 10

    status, page = password_attempt(attacker, KNOWN, PASSWORD)
    assert status == 429
    assert "Too many tries" in page
    assert "_auth_user_id" not in attacker.session

    # Asking for links counts against the same budget: no way around the limit.
    assert attacker.post(SIGN_IN, {"link-email": KNOWN, "send_link": "1"}).status_code == 429
    assert mail.outbox == []

    # The limit is the account's, not only the client's: guessing from many addresses gets no further. (Until the
    # limits counted failures per account this asserted that another client could still sign in to the account.)
    assert password_attempt(visitor("192.0.2.31"), KNOWN, PASSWORD)[0] == 429

    # Another client signing in to another account is not locked out by someone else's guessing.
    make_account(COLLEAGUE)
    someone_else = visitor("192.0.2.31")
    response = someone_else.post(SIGN_IN, {"pw-email": COLLEAGUE, "pw-password": PASSWORD, "password_sign_in": "1"})
    assert response.status_code == 302


def test_thirty_colleagues_behind_one_address_all_sign_in() -> None:
    # A town hall or a support point's office: many people, one address. Successful sign-ins are not counted.
    for i in range(30):
        email = f"collega{i}@gemeente.example.org"
        make_account(email)
        office = visitor(OFFICE)
        status, _page = password_attempt(office, email, PASSWORD)
        assert status == 302, f"colleague {i} was refused"
        assert office.session["_auth_user_id"]


def test_eleven_wrong_passwords_lock_that_account_while_a_colleague_behind_the_same_address_signs_in(
    known_user: None,
) -> None:
    make_account(COLLEAGUE)
    mistyper = visitor(OFFICE)
    statuses = [password_attempt(mistyper, KNOWN, f"wrong-{i}")[0] for i in range(11)]
    assert statuses == [400] * 10 + [429]

    colleague = visitor(OFFICE)
    assert password_attempt(colleague, COLLEAGUE, PASSWORD)[0] == 302
    assert colleague.session["_auth_user_id"]


def test_a_flood_of_wrong_passwords_from_one_address_over_many_accounts_is_stopped(known_user: None) -> None:
    flooder = visitor("192.0.2.40")
    # Two guesses per account, well under the limit per account, until the address's own limit stops it.
    statuses = [password_attempt(flooder, f"victim{i // 2}@example.org", f"guess-{i}")[0] for i in range(60)]
    assert statuses == [400] * 50 + [429] * 10

    # Everything from that address is refused now, a right password included; other addresses are not affected.
    assert password_attempt(flooder, KNOWN, PASSWORD)[0] == 429
    assert password_attempt(visitor("192.0.2.41"), KNOWN, PASSWORD)[0] == 302


def test_the_link_limit_looks_the_same_for_a_known_and_an_unknown_address(known_user: None) -> None:
    answers = {}
    for email in (KNOWN, UNKNOWN):
        asker = visitor("192.0.2.50")
        responses = [asker.post(SIGN_IN, {"link-email": email, "send_link": "1"}) for _ in range(11)]
        answers[email] = [(r.status_code, page_without_tokens(r.content)) for r in responses]

    assert answers[KNOWN] == answers[UNKNOWN]
    assert [status for status, _page in answers[KNOWN]] == [200] * 10 + [429]
    # One mailbox gets at most ten links a quarter of an hour.
    assert [message.to for message in mail.outbox] == [[KNOWN]] * 10
