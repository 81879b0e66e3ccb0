from __future__ import annotations

import datetime
import re
import time

from django.core import mail, signing
from django.core.management import call_command
from django.utils import timezone

from samenspel.directory.freshness import FreshnessState, filter_by_freshness, freshness_counts, freshness_of
from samenspel.directory.models import Group, GroupFreshness, SupportPointSettings
from samenspel.workspace.tokens import CHECK_LINK_MAX_AGE, CHECK_SALT


def _age(group, days):
    Group.objects.filter(pk=group.pk).update(last_verified_at=timezone.now() - datetime.timedelta(days=days))
    group.refresh_from_db()


def _check_link() -> str:
    match = re.search(r"http://\S+", mail.outbox[-1].body)
    assert match
    return match.group(0).replace("http://localhost:8000", "")


def test_a_group_checked_recently_is_fresh_and_gets_no_mail(group):
    _age(group, 10)
    call_command("send_freshness_checks")
    assert freshness_of(group).state == FreshnessState.FRESH
    assert mail.outbox == []


def test_a_due_group_gets_one_check_mail_however_often_the_command_runs(group):
    _age(group, 190)
    assert freshness_of(group).state == FreshnessState.DUE
    call_command("send_freshness_checks")
    call_command("send_freshness_checks")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["depressie@steunpunt.example.org"]
    assert message.reply_to == ["info@steunpunt.example.org"]
    assert "/werkplek/check/" in message.body


def test_one_click_on_the_link_confirms_the_group_without_signing_in(client, group):
    _age(group, 190)
    call_command("send_freshness_checks")
    link = _check_link()
    # Opening the link changes nothing: mail scanners open links too.
    assert client.get(link).status_code == 200
    group.refresh_from_db()
    assert freshness_of(group).state == FreshnessState.DUE
    assert client.post(link).status_code == 200
    group.refresh_from_db()
    assert freshness_of(group).state == FreshnessState.FRESH
    # Used once: the next visit says so and changes nothing.
    verified = group.last_verified_at
    assert b"already" in client.post(link).content
    group.refresh_from_db()
    assert group.last_verified_at == verified


def test_a_tampered_check_link_is_refused(client, group):
    _age(group, 190)
    call_command("send_freshness_checks")
    link = _check_link()
    response = client.post(link.rstrip("/")[:-3] + "abc/")
    assert response.status_code == 400
    group.refresh_from_db()
    assert freshness_of(group).state == FreshnessState.DUE


class _OldSigner(signing.TimestampSigner):
    """Signs as if it were longer ago than a check link lives."""

    def timestamp(self) -> str:
        return signing.b62_encode(int(time.time()) - int(CHECK_LINK_MAX_AGE.total_seconds()) - 60)


def test_an_expired_check_link_is_refused(client, group):
    _age(group, 190)
    since = group.last_verified_at.isoformat()
    token = _OldSigner(salt=CHECK_SALT).sign_object({"g": str(group.uuid), "v": since}, compress=True)
    assert client.post(f"/werkplek/check/{token}/").status_code == 400
    group.refresh_from_db()
    assert group.last_verified_at.isoformat() == since


def test_overdue_groups_are_flagged_then_noted_then_hidden(group):
    _age(group, 250)
    call_command("send_freshness_checks")
    state = GroupFreshness.objects.get(group=group)
    assert state.flagged_at is not None and state.hidden_at is None
    assert freshness_of(group).show_note is False

    _age(group, 400)
    call_command("send_freshness_checks")
    assert freshness_of(group).show_note is True
    assert Group.objects.public().filter(pk=group.pk).exists()

    _age(group, 600)
    call_command("send_freshness_checks")
    assert freshness_of(group).hidden is True
    assert not Group.objects.public().filter(pk=group.pk).exists()


def test_confirming_lifts_the_flag_and_the_hiding(client, group, contact):
    _age(group, 600)
    call_command("send_freshness_checks")
    from tests.workspace.conftest import sign_in

    sign_in(client, contact)
    client.post(f"/werkplek/groep/{group.uuid}/bevestigen/")
    state = GroupFreshness.objects.get(group=group)
    assert state.flagged_at is None and state.hidden_at is None
    assert Group.objects.public().filter(pk=group.pk).exists()


def test_a_new_cycle_sends_a_new_check(group):
    _age(group, 190)
    call_command("send_freshness_checks")
    _age(group, 200)  # confirmed at some point, then due again
    call_command("send_freshness_checks")
    assert len(mail.outbox) == 2


def test_stopped_groups_get_no_check(group):
    _age(group, 190)
    Group.objects.filter(pk=group.pk).update(status="stopped")
    call_command("send_freshness_checks")
    assert mail.outbox == []


def test_a_hidden_group_leaves_the_public_map_search_and_page_until_it_is_confirmed(
    client, group, contact, django_capture_on_commit_callbacks
):
    from samenspel.directory.models import SearchDocument
    from samenspel.workspace.services.lifecycle import group_confirm

    assert Group.objects.public().filter(pk=group.pk).exists()
    _age(group, 600)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_freshness_checks")
    assert not Group.objects.public().filter(pk=group.pk).exists()
    assert not SearchDocument.objects.filter(group=group).exists()
    assert client.get(f"/groep/{group.slug}/").status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        group_confirm(group=group, actor=contact)
    assert Group.objects.public().filter(pk=group.pk).exists()
    assert SearchDocument.objects.filter(group=group).exists()
    assert client.get(f"/groep/{group.slug}/").status_code == 200


def test_the_public_note_follows_the_support_points_own_threshold(client, group):
    # The bug: the workspace said the note should show (note_after_days=30, unchecked for 100 days) while the
    # public page used a fixed 365 days and showed none.
    SupportPointSettings.objects.create(support_point=group.support_point, verify_every_days=20, note_after_days=30)
    _age(group, 100)
    assert freshness_of(group).show_note is True
    page = client.get(f"/groep/{group.slug}/").content.decode()
    assert "has not been checked since" in page

    _age(group, 25)
    assert freshness_of(group).show_note is False
    assert "has not been checked since" not in client.get(f"/groep/{group.slug}/").content.decode()


def test_a_group_never_checked_gets_the_note_counted_from_its_entry(client, group):
    SupportPointSettings.objects.create(support_point=group.support_point, verify_every_days=20, note_after_days=30)
    Group.objects.filter(pk=group.pk).update(
        last_verified_at=None, created_at=timezone.now() - datetime.timedelta(days=40)
    )
    group.refresh_from_db()
    assert freshness_of(group).show_note is True
    page = client.get(f"/groep/{group.slug}/").content.decode()
    assert "has not been checked by the support point yet" in page
    assert "has not been checked since" in page


def test_the_dashboard_counts_and_the_state_filter_agree_with_the_rule(group, support_point):
    config = SupportPointSettings.for_support_point(support_point)
    for days, state in ((10, FreshnessState.FRESH), (190, FreshnessState.DUE), (400, FreshnessState.OVERDUE)):
        _age(group, days)
        assert freshness_of(group, config=config).state == state
        counts = freshness_counts(Group.objects.for_support_point(support_point), config=config)
        assert counts == {s: int(s == state) for s in FreshnessState.values}
        assert list(filter_by_freshness(Group.objects.all(), state, config=config)) == [group]


def test_the_check_link_starts_with_the_sites_own_address(group, settings):
    settings.SITE_URL = "https://samenspel.example.nl"
    _age(group, 190)
    call_command("send_freshness_checks")
    assert "https://samenspel.example.nl/werkplek/check/" in mail.outbox[-1].body
