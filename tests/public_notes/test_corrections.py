"""'Is something wrong here?': a visitor's correction reaches both queues, counts for freshness, and is wiped."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone

from samenspel.core.models import OutboxMessage
from samenspel.directory.freshness import FreshnessState, filter_by_freshness, freshness_of
from samenspel.directory.models import Group, SupportPointSettings
from samenspel.public_notes.corrections import correction_set_status, corrections_purge
from samenspel.public_notes.models import Correction, CorrectionStatus

pytestmark = pytest.mark.django_db


def _state(group: Group) -> str:
    # A fresh copy: a group remembers its freshness row once read.
    return freshness_of(Group.objects.get(pk=group.pk)).state


def _url(group: Group) -> str:
    return f"/groep/{group.slug}/klopt-er-iets-niet/"


def _post(client: Client, group: Group, language: str = "nl", **data: str):  # type: ignore[no-untyped-def]
    fields = {
        "kind": "stopped",
        "message": "De groep is sinds de zomer opgeheven.",
        "reply_email": "",
        "submit_key": "",
        **data,
    }
    return client.post(_url(group), fields, HTTP_ACCEPT_LANGUAGE=language)


def test_every_group_page_links_to_the_form_and_the_form_asks_no_name(client: Client, group: Group) -> None:
    assert _url(group) in client.get(f"/groep/{group.slug}/").content.decode()
    page = client.get(_url(group)).content.decode()
    assert 'name="kind"' in page and 'name="message"' in page and 'name="reply_email"' in page
    assert 'name="name"' not in page


def test_a_stopped_report_reaches_both_queues_by_mail_and_makes_the_group_due(client: Client, group: Group) -> None:
    assert _state(group) == FreshnessState.FRESH
    response = _post(client, group, reply_email="melder@example.org")
    assert response.status_code == 302 and response["Location"].endswith("/verstuurd/")
    correction = Correction.objects.get()
    assert correction.kind == "stopped" and correction.status == CorrectionStatus.OPEN
    assert sorted(m.to[0] for m in mail.outbox) == sorted([group.contact_email, group.support_point.email])
    # Neither the text nor the visitor's address goes into a mail: they stay behind sign-in.
    assert all("melder@example.org" not in m.body + m.subject and "opgeheven" not in m.body for m in mail.outbox)
    assert all(f"/werkplek/correctie/{correction.uuid}/" in m.body for m in mail.outbox)
    assert _state(group) == FreshnessState.DUE
    config = SupportPointSettings.for_support_point(group.support_point)
    assert list(filter_by_freshness(Group.objects.all(), "due", config=config)) == [group]
    assert list(filter_by_freshness(Group.objects.all(), "fresh", config=config)) == []


def test_handling_the_last_report_makes_the_group_count_by_its_dates_again(group: Group, correction) -> None:  # type: ignore[no-untyped-def]
    from samenspel.directory.freshness import freshness_report

    freshness_report(group=group)
    assert _state(group) == FreshnessState.DUE
    correction_set_status(correction=correction, status=CorrectionStatus.HANDLED, note="Gebeld: klopt.", actor=None)
    assert _state(group) == FreshnessState.FRESH


def test_a_place_report_does_not_mark_the_group(client: Client, group: Group) -> None:
    _post(client, group, kind="place")
    assert Correction.objects.count() == 1 and _state(group) == FreshnessState.FRESH


def test_the_same_form_sent_twice_stores_one_correction(client: Client, group: Group) -> None:
    _post(client, group, submit_key="k" * 24)
    _post(client, group, submit_key="k" * 24)
    assert Correction.objects.count() == 1
    assert len(mail.outbox) == 2  # one each for the contact and the support point


@pytest.mark.parametrize(
    ("language", "words"),
    [("nl", "Kies wat er niet klopt"), ("ar", 'lang="ar"')],
)
def test_an_unknown_kind_is_explained_in_the_visitors_language_and_nothing_is_written(
    client: Client, group: Group, language: str, words: str
) -> None:
    response = _post(client, group, language=language, kind="flood")
    assert response.status_code == 400
    page = response.content.decode()
    assert 'role="alert"' in page and f'lang="{language}"' in page
    assert Correction.objects.count() == 0 and OutboxMessage.objects.count() == 0


def test_a_long_text_is_refused_with_the_limit(client: Client, group: Group) -> None:
    response = _post(client, group, message="x" * 2001)
    assert response.status_code == 400 and "2000" in response.content.decode()
    assert Correction.objects.count() == 0


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_twenty_megabytes_are_refused_in_the_form_and_nothing_is_written(
    client: Client, group: Group, language: str
) -> None:
    response = _post(client, group, language=language, message="x" * (20 * 2**20))
    assert response.status_code == 413
    page = response.content.decode()
    assert 'role="alert"' in page and "2000" in page and f'lang="{language}"' in page
    assert Correction.objects.count() == 0 and OutboxMessage.objects.count() == 0


def test_a_bad_reply_address_is_explained(client: Client, group: Group) -> None:
    response = _post(client, group, reply_email="geen adres")
    assert response.status_code == 400 and 'href="#id_reply_email"' in response.content.decode()
    assert Correction.objects.count() == 0


def test_the_sixth_note_within_an_hour_is_refused_kindly(client: Client, group: Group) -> None:
    with override_settings(PUBLIC_NOTE_RATE_LIMIT=5):
        for _i in range(5):
            assert _post(client, group).status_code == 302
        response = _post(client, group)
    assert response.status_code == 429 and 'role="alert"' in response.content.decode()
    assert Correction.objects.count() == 5


def test_a_filled_in_honeypot_looks_like_success_but_keeps_nothing(client: Client, group: Group) -> None:
    response = _post(client, group, website="http://spam.example")
    assert response.status_code == 302 and Correction.objects.count() == 0 and OutboxMessage.objects.count() == 0


def test_a_stopped_group_has_no_form(client: Client, group: Group) -> None:
    Group.objects.filter(pk=group.pk).update(status="stopped")
    assert client.get(_url(group)).status_code == 404


def test_purge_wipes_text_and_address_some_days_after_handling_and_nothing_else(group: Group, correction) -> None:  # type: ignore[no-untyped-def]
    still_open = Correction.objects.create(group=group, kind="other", message="Open", reply_email="a@example.org")
    recent = Correction.objects.create(group=group, kind="time", message="Recent", reply_email="b@example.org")
    with override_settings(CORRECTION_RETENTION_DAYS=30):
        correction_set_status(correction=correction, status=CorrectionStatus.HANDLED, note="Klopt", actor=None)
        correction_set_status(correction=recent, status=CorrectionStatus.REJECTED, note="", actor=None)
    Correction.objects.filter(pk=correction.pk).update(wipe_after=timezone.localdate() - datetime.timedelta(days=1))
    assert corrections_purge() == 1
    correction.refresh_from_db()
    assert correction.message == "" and correction.reply_email == "" and correction.kind == "stopped"
    recent.refresh_from_db()
    still_open.refresh_from_db()
    assert recent.message == "Recent" and still_open.reply_email == "a@example.org"
    assert corrections_purge() == 0  # a second run finds nothing left to do
    call_command("purge_public_notes")


def test_the_forms_about_violence_at_home_have_the_quick_exit_and_keep_nothing(client: Client, group: Group) -> None:
    from samenspel.directory.models import Theme

    group.themes.set([Theme.objects.get(slug="domestic-violence")])
    for url in (_url(group), "/laat-het-me-weten/?theme=domestic-violence"):
        response = client.get(url)
        assert response["Cache-Control"] == "no-store", url
        assert "data-quick-exit" in response.content.decode()
    ordinary = client.get("/laat-het-me-weten/?theme=depression")
    assert "data-quick-exit" not in ordinary.content.decode()
