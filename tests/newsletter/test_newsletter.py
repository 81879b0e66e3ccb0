"""The newsletter's rules: double opt-in, one-click leaving, idempotent sending, an issue needs content, retention."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from samenspel.core.models import OutboxMessage
from samenspel.newsletter import services
from samenspel.newsletter.models import Issue, Subscriber
from tests.newsletter.conftest import confirmed
from tests.personas import sign_in

pytestmark = pytest.mark.django_db


def _path(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def _link(body: str, part: str) -> str:
    found = re.search(rf"https?://\S+{part}\S*", body)
    assert found, body
    return _path(found.group(0))


def test_a_sign_up_is_unconfirmed_until_the_mailed_link_is_used_and_a_second_confirmation_changes_nothing(
    support_point,
):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    url = reverse("newsletter:subscribe", kwargs={"slug": support_point.slug})
    response = client.post(url, {"email": "Nieuw@Example.org"})
    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "nieuw@example.org" and subscriber.confirmed_at is None
    assert subscriber.language == "en"
    (message,) = mail.outbox
    confirm = _link(message.body, "/nieuwsbrief/bevestigen/")

    assert client.get(confirm).status_code == 200  # opening the link (a mail scanner) confirms nothing
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is None
    assert client.post(confirm).status_code == 200
    subscriber.refresh_from_db()
    first = subscriber.confirmed_at
    assert first is not None

    again = client.post(confirm)
    assert again.status_code == 409
    assert "confirmed already" in again.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at == first


def test_signing_up_twice_stores_one_address_and_sends_one_confirmation(support_point):
    client = Client()
    url = reverse("newsletter:subscribe", kwargs={"slug": support_point.slug})
    client.post(url, {"email": "twee@example.org"})
    client.post(url, {"email": "twee@example.org"})
    assert Subscriber.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_bad_address_is_refused_with_the_reason_and_nothing_is_stored(support_point):
    response = Client(HTTP_ACCEPT_LANGUAGE="en").post(
        reverse("newsletter:subscribe", kwargs={"slug": support_point.slug}), {"email": "geen-adres"}
    )
    assert response.status_code == 400
    assert "like name@example.nl" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_a_changed_confirmation_link_is_refused(support_point):
    subscriber = services.subscribe(support_point=support_point, email="a@example.org", language="nl")
    link = _path(services.confirm_link(subscriber))
    response = Client().post(link[:-3] + "xx/")
    assert response.status_code == 404
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is None


def test_a_tampered_unsubscribe_link_is_refused_and_the_address_stays(subscriber):
    link = _path(services.unsubscribe_link(subscriber))
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    response = client.post(link[:-3] + "xx/", {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 400
    assert "Nothing was changed" in response.content.decode()
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()
    # Another subscriber's uuid in a link signed for nothing: refused too.
    other = confirmed(subscriber.support_point, "ander@example.org")
    forged = reverse("newsletter:unsubscribe", kwargs={"token": str(other.uuid)})
    assert client.post(forged).status_code == 400
    assert Subscriber.objects.count() == 2


def test_one_click_unsubscribe_deletes_the_address_without_a_csrf_token_and_a_second_click_is_harmless(subscriber):
    link = _path(services.unsubscribe_link(subscriber))
    client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="en")
    assert client.get(link).status_code == 200
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()  # opening is not leaving
    response = client.post(link, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscriber.objects.filter(email="lezer@example.org").exists()
    second = client.post(link, {"List-Unsubscribe": "One-Click"})
    assert second.status_code == 200
    assert "not on the list" in second.content.decode()


def test_an_issue_goes_once_to_each_confirmed_subscriber_with_one_click_unsubscribe_headers(
    issue, subscriber, support_point
):
    services.subscribe(support_point=support_point, email="wacht@example.org", language="nl")  # unconfirmed
    mail.outbox.clear()
    assert services.issue_send(issue=issue, actor=None) == 1
    (message,) = mail.outbox
    assert message.to == ["lezer@example.org"]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
    assert "/nieuwsbrief/afmelden/" in message.extra_headers["List-Unsubscribe"]
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "Lotgenotengroep depressie" in html and "Rouwgroep" in html
    assert "Lotgenotengroep depressie" in message.body
    assert "Welkom bij de nieuwe krant." in message.body

    # Sent again: nobody twice. A new subscriber gets it on the next send, and only they.
    assert services.issue_send(issue=issue, actor=None) == 0
    assert len(mail.outbox) == 1
    confirmed(support_point, "later@example.org")
    assert services.issue_send(issue=issue, actor=None) == 1
    assert [m.to for m in mail.outbox] == [["lezer@example.org"], ["later@example.org"]]
    issue.refresh_from_db()
    assert issue.sent_count == 2


def test_the_outbox_key_keeps_a_subscriber_from_getting_an_issue_twice_even_if_the_send_marks_are_lost(
    issue, subscriber
):
    services.issue_send(issue=issue, actor=None)
    Issue.objects.filter(pk=issue.pk).update(last_sent_at=None)
    issue.refresh_from_db()
    assert services.issue_send(issue=issue, actor=None) == 0
    assert OutboxMessage.objects.filter(kind="newsletter_issue").count() == 1


def test_an_empty_issue_is_refused_and_nothing_is_stored(personas, support_point):
    client = sign_in(Client(HTTP_ACCEPT_LANGUAGE="en"), personas["editor"])
    response = client.post(reverse("newsletter:compose", kwargs={"slug": support_point.slug}), {"title": "Leeg"})
    assert response.status_code == 400
    assert "at least one group or training" in response.content.decode()
    assert not Issue.objects.exists()
    with pytest.raises(services.NewsletterError):
        services.issue_create(
            support_point=support_point, title="Leeg", intro=" ", new_groups=[], looking_groups=[], runs=[], actor=None
        )
    assert not Issue.objects.exists()


def test_a_group_of_another_support_point_cannot_be_put_in_an_issue(other_support_point, group):
    with pytest.raises(services.NewsletterError):
        services.issue_create(
            support_point=other_support_point,
            title="X",
            intro="",
            new_groups=[group],
            looking_groups=[],
            runs=[],
            actor=None,
        )


def test_the_printed_issue_holds_its_own_words_groups_and_trainings(issue):
    import pypdfium2

    document = pypdfium2.PdfDocument(services.issue_pdf(issue))
    text = "".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    assert "Zelfhulpkrant winter" in text
    assert "Welkom bij de nieuwe krant." in text
    assert "Lotgenotengroep depressie" in text and "Rouwgroep" in text
    assert "Basiscursus" in text or "basiscursus" in text.lower()


def test_unconfirmed_sign_ups_are_deleted_after_the_days_and_confirmed_ones_stay(support_point, settings):
    settings.NEWSLETTER_UNCONFIRMED_DAYS = 7
    old = services.subscribe(support_point=support_point, email="oud@example.org", language="nl")
    Subscriber.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=8))
    services.subscribe(support_point=support_point, email="vers@example.org", language="nl")
    kept = confirmed(support_point, "blijft@example.org")
    Subscriber.objects.filter(pk=kept.pk).update(created_at=timezone.now() - datetime.timedelta(days=400))
    call_command("purge_newsletter", stdout=open("/dev/null", "w"))
    assert sorted(Subscriber.objects.values_list("email", flat=True)) == ["blijft@example.org", "vers@example.org"]


def test_the_audit_log_never_holds_an_address(support_point):
    from samenspel.core.models import AuditEntry

    subscriber = services.subscribe(support_point=support_point, email="geheim@example.org", language="nl")
    services.confirm(subscriber=subscriber)
    services.unsubscribe(subscriber=subscriber)
    assert AuditEntry.objects.filter(action__startswith="newsletter.").count() == 3
    assert not any("geheim" in str(e.__dict__) for e in AuditEntry.objects.all())


@pytest.mark.parametrize("value", ["nan", "%s%n{0}", "\ud800", "a\x00b", "x" * 10_000, "\u202eevil@example.org"])
def test_hostile_input_in_the_sign_up_or_a_link_is_refused_and_stores_nothing(support_point, value):
    from urllib.parse import quote

    from tests.hostile import post_raw

    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    url = reverse("newsletter:subscribe", kwargs={"slug": support_point.slug})
    assert post_raw(client, url, {"email": value}).status_code == 400
    assert not Subscriber.objects.exists()
    token = quote(value.encode("utf-8", "surrogatepass"), safe="")[:2000]
    assert client.post(f"/nieuwsbrief/afmelden/{token}/").status_code in (400, 404, 414)
    assert client.post(f"/nieuwsbrief/bevestigen/{token}/").status_code in (404, 414)
