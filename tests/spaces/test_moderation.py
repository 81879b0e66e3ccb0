"""Moderators: the queue, hide, edit with a note, warn, pause; every action logged; pseudonyms only."""

from __future__ import annotations

import pytest
from django.urls import reverse

from samenspel.core.models import AuditEntry
from samenspel.spaces import services
from samenspel.spaces.models import ModerationEntry, ModerationKind, PostStatus, Report, Space
from tests.personas import client_for
from tests.spaces.conftest import browser_of, join

pytestmark = pytest.mark.django_db


def _trusted(space: Space, name: str, email: str = ""):
    member, _key = join(space, name, email=email)
    member.trusted = True
    member.save()
    return member


def test_a_moderator_approves_a_new_members_first_message_from_the_queue(space: Space) -> None:
    moderator, _ = join(space, "Gids", moderator=True)
    newcomer, _ = join(space, "Nieuw")
    thread = services.thread_create(member=newcomer, title="Hallo", body="Eerste bericht")
    client = browser_of(moderator)
    queue = client.get(reverse("spaces:moderation", args=[space.uuid]))
    assert "Eerste bericht" in queue.content.decode()
    post = thread.posts.get()
    response = client.post(reverse("spaces:moderate_post", args=[space.uuid, post.pk]), {"action": "approve"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.status == PostStatus.VISIBLE
    entry = ModerationEntry.objects.get(kind=ModerationKind.APPROVE)
    assert entry.moderator == moderator and entry.member == newcomer
    audit = AuditEntry.objects.get(action="space_approve")
    assert "Gids" not in audit.actor_label and "Nieuw" not in audit.object_repr


def test_a_reported_message_is_hidden_with_a_note_and_the_report_closed(space: Space) -> None:
    moderator, _ = join(space, "Gids", moderator=True)
    writer = _trusted(space, "Schrijver")
    reader = _trusted(space, "Lezer")
    thread = services.thread_create(member=writer, title="Onderwerp", body="Koop mijn pillen op example.com")
    post = thread.posts.get()
    browser_of(reader).post(reverse("spaces:report", args=[space.uuid, post.pk]), {"reason": "reclame"})
    assert Report.objects.filter(post=post, handled_at__isnull=True).exists()
    client = browser_of(moderator)
    assert "Koop mijn pillen" in client.get(reverse("spaces:moderation", args=[space.uuid])).content.decode()
    client.post(
        reverse("spaces:moderate_post", args=[space.uuid, post.pk]), {"action": "hide", "note": "Reclame (regel 4)"}
    )
    post.refresh_from_db()
    assert post.status == PostStatus.HIDDEN
    assert not Report.objects.filter(handled_at__isnull=True).exists()
    html = browser_of(reader).get(reverse("spaces:thread", args=[space.uuid, thread.pk])).content.decode()
    assert "Koop mijn pillen" not in html and "Reclame (regel 4)" in html


def test_a_moderator_edits_a_message_and_the_note_shows_with_it(space: Space) -> None:
    moderator, _ = join(space, "Gids", moderator=True)
    writer = _trusted(space, "Schrijver")
    thread = services.thread_create(member=writer, title="Hulp", body="Bel me op 06-12345678")
    post = thread.posts.get()
    browser_of(moderator).post(
        reverse("spaces:moderate_post", args=[space.uuid, post.pk]),
        {"action": "edit", "body": "Bel me op [weggehaald]", "note": "Telefoonnummer weggehaald"},
    )
    html = browser_of(writer).get(reverse("spaces:thread", args=[space.uuid, thread.pk])).content.decode()
    assert "06-12345678" not in html and "Telefoonnummer weggehaald" in html
    assert ModerationEntry.objects.filter(kind=ModerationKind.EDIT, note="Telefoonnummer weggehaald").exists()


def test_a_paused_member_reads_but_cannot_write_until_the_pause_ends(space: Space) -> None:
    moderator, _ = join(space, "Gids", moderator=True)
    member = _trusted(space, "Druk")
    client = browser_of(moderator)
    client.post(reverse("spaces:moderate_member", args=[space.uuid, member.pk]), {"action": "warn", "note": "Toon"})
    client.post(
        reverse("spaces:moderate_member", args=[space.uuid, member.pk]),
        {"action": "pause", "days": 7, "note": "Na waarschuwing"},
    )
    member.refresh_from_db()
    assert member.warnings == 1 and member.is_paused()
    assert browser_of(member).get(reverse("spaces:space", args=[space.uuid])).status_code == 200
    response = browser_of(member).post(reverse("spaces:space", args=[space.uuid]), {"title": "x", "body": "y"})
    assert response.status_code == 400 and "paused" in response.content.decode()
    client.post(reverse("spaces:moderate_member", args=[space.uuid, member.pk]), {"action": "unpause"})
    member.refresh_from_db()
    assert not member.is_paused()
    kinds = set(ModerationEntry.objects.values_list("kind", flat=True))
    assert kinds == {ModerationKind.WARN, ModerationKind.PAUSE, ModerationKind.UNPAUSE}
    assert AuditEntry.objects.filter(action__in=["space_warn", "space_pause", "space_unpause"]).count() == 3


def test_a_moderator_never_sees_a_members_email_address(space: Space) -> None:
    moderator, _ = join(space, "Gids", moderator=True)
    member = _trusted(space, "Zonnebloem", email="geheim-adres@example.org")
    thread = services.thread_create(member=member, title="Hallo", body="Tekst")
    post = thread.posts.get()
    client = browser_of(moderator)
    pages = [
        reverse("spaces:moderation", args=[space.uuid]),
        reverse("spaces:moderate_member", args=[space.uuid, member.pk]),
        reverse("spaces:moderate_post", args=[space.uuid, post.pk]),
        reverse("spaces:thread", args=[space.uuid, thread.pk]),
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert "Zonnebloem" in html, url
        assert "geheim-adres" not in html, url
    assert "geheim-adres" not in client.get(reverse("spaces:space", args=[space.uuid])).content.decode()


def test_support_point_staff_moderate_a_theme_space_by_pseudonyms_only(theme_space: Space, personas) -> None:
    member = _trusted(theme_space, "Regen", email="regen@example.org")
    services.thread_create(member=member, title="Hallo", body="Tekst")
    client = client_for(personas["editor"])
    html = client.get(reverse("spaces:moderation", args=[theme_space.uuid])).content.decode()
    assert "Regen" in html and "regen@example.org" not in html
    client.post(
        reverse("spaces:moderate_member", args=[theme_space.uuid, member.pk]), {"action": "warn", "note": "Let op"}
    )
    entry = ModerationEntry.objects.get()
    assert entry.by_support_point and entry.moderator is None
    assert AuditEntry.objects.get(action="space_warn").actor == personas["editor"]
