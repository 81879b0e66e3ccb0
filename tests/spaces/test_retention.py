"""Retention and the daily digest: what the daily job deletes and sends."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from samenspel.core.outbox import deliver_due
from samenspel.spaces import services
from samenspel.spaces.models import Member, MemberContact, ModerationEntry, Post, Space, Thread
from tests.spaces.conftest import join, open_space

pytestmark = pytest.mark.django_db


def _age(post: Post, days: int) -> None:
    moment = timezone.now() - datetime.timedelta(days=days)
    Post.objects.filter(pk=post.pk).update(created_at=moment)
    Thread.objects.filter(pk=post.thread_id).update(created_at=moment)


def test_messages_older_than_the_spaces_retention_are_deleted_by_the_daily_job(group) -> None:
    space = open_space(group, retention_months=3)
    member, _key = join(space, "Zon")
    member.trusted = True
    member.save()
    old = services.thread_create(member=member, title="Oud", body="Lang geleden").posts.get()
    recent = services.thread_create(member=member, title="Nieuw", body="Gisteren").posts.get()
    _age(old, 100)
    _age(recent, 80)
    call_command("purge_spaces")
    assert list(Post.objects.values_list("body", flat=True)) == ["Gisteren"]
    assert list(Thread.objects.values_list("title", flat=True)) == ["Nieuw"]
    call_command("purge_spaces")  # safe twice
    assert Post.objects.count() == 1


def test_members_unseen_for_the_whole_period_with_nothing_left_are_deleted(space: Space) -> None:
    member, _key = join(space, "Weg", email="weg@example.org")
    Member.objects.filter(pk=member.pk).update(last_seen_at=timezone.now() - datetime.timedelta(days=400))
    _stays, _ = join(space, "Blijft")
    services.spaces_purge()
    assert list(Member.objects.values_list("pseudonym", flat=True)) == ["Blijft"]
    assert not MemberContact.objects.exists()


def test_an_address_past_its_date_is_deleted_and_the_member_stays(space: Space) -> None:
    member, _key = join(space, "Zon", email="zon@example.org")
    MemberContact.objects.update(delete_after=timezone.localdate() - datetime.timedelta(days=1))
    services.spaces_purge()
    assert Member.objects.filter(pk=member.pk).exists() and not MemberContact.objects.exists()


def test_old_moderation_entries_go_with_the_retention_period(space: Space) -> None:
    moderator, _ = join(space, "Gids", moderator=True)
    member, _ = join(space, "Zon")
    services.member_warn(moderator=services.Moderator(member=moderator), member=member, note="x")
    ModerationEntry.objects.update(created_at=timezone.now() - datetime.timedelta(days=400))
    services.spaces_purge()
    assert not ModerationEntry.objects.exists()


def test_the_daily_digest_arrives_for_a_member_who_gave_an_address_and_tells_only_how_many(
    space: Space, smtp_sink
) -> None:
    _reader, _ = join(space, "Lezer", email="lezer@example.org")
    _silent, _ = join(space, "Stil")
    writer, _ = join(space, "Schrijver")
    writer.trusted = True
    writer.save()
    MemberContact.objects.update(last_digest_at=timezone.now() - datetime.timedelta(days=1))
    services.thread_create(member=writer, title="Slapeloos", body="Ik slaap slecht sinds de scheiding.")
    call_command("send_space_digests")
    deliver_due()
    messages = smtp_sink.to("lezer@example.org")
    assert len(messages) == 1
    text = messages[0].get_payload(decode=True).decode()
    assert "1" in text and reverse("spaces:come_back") in text
    assert "Slapeloos" not in text and "scheiding" not in text and space.name not in text
    assert len(smtp_sink.messages) == 1  # no one without an address, nothing instant
    call_command("send_space_digests")
    deliver_due()
    assert len(smtp_sink.messages) == 1


def test_a_member_who_turned_the_digest_off_gets_none(space: Space, mailoutbox) -> None:
    reader, _ = join(space, "Lezer", email="lezer@example.org")
    services.member_set_digest(member=reader, digest=False)
    writer, _ = join(space, "Schrijver")
    writer.trusted = True
    writer.save()
    MemberContact.objects.update(last_digest_at=timezone.now() - datetime.timedelta(days=1))
    services.thread_create(member=writer, title="x", body="y")
    assert services.digests_send() == 0 and mailoutbox == []


def test_the_daily_job_runs_the_spaces_commands() -> None:
    from pathlib import Path

    daily = (Path(__file__).resolve().parents[2] / "deploy" / "daily").read_text()
    assert "purge_spaces" in daily and "send_space_digests" in daily


def test_a_message_approved_after_the_last_digest_counts_in_the_next(space: Space, mailoutbox) -> None:
    _reader, _ = join(space, "Lezer", email="lezer@example.org")
    moderator, _ = join(space, "Gids", moderator=True)
    newcomer, _ = join(space, "Nieuw")
    post = services.thread_create(member=newcomer, title="x", body="y").posts.get()
    assert services.digests_send() == 0  # waiting: nothing to read yet
    services.post_approve(moderator=services.Moderator(member=moderator), post=post)
    assert services.digests_send(now=timezone.now() + datetime.timedelta(days=1)) == 1
