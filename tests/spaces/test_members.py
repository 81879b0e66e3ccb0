"""Joining, writing, leaving: what a member relies on."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from samenspel.core.models import AuditEntry
from samenspel.spaces import services
from samenspel.spaces.models import AccessLevel, Member, MemberContact, MemberStatus, Post, PostStatus, Space, Thread
from tests.spaces.conftest import browser_of, join, open_space

pytestmark = pytest.mark.django_db


def test_a_person_joins_by_the_groups_code_with_a_pseudonym_and_no_email(space: Space) -> None:
    code = services.invitation_create(actor=None, space=space, single_use=False)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    response = client.post(reverse("spaces:join_code"), {"code": code.lower().replace("-", " ")})
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert "Wat hier gezegd wordt, blijft hier." in page.content.decode()
    response = client.post(
        reverse("spaces:join", args=[space.uuid]), {"pseudonym": "Zonnebloem", "email": "", "accept_rules": "on"}
    )
    assert response.status_code == 302
    welcome = client.get(response["Location"])
    key = welcome.context["key"]
    member = Member.objects.get(space=space)
    assert member.pseudonym == "Zonnebloem" and member.rules_accepted_at is not None
    assert not MemberContact.objects.exists()
    assert key not in member.key_hash
    # Shown once only.
    assert client.get(reverse("spaces:welcome", args=[space.uuid])).status_code == 302


def test_joining_without_accepting_the_house_rules_is_refused(space: Space) -> None:
    code = services.invitation_create(actor=None, space=space, single_use=False)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.get(reverse("spaces:join_link", args=[code]))
    response = client.post(reverse("spaces:join", args=[space.uuid]), {"pseudonym": "Zonnebloem"})
    assert response.status_code == 400
    assert not Member.objects.exists()


def test_a_pseudonym_is_unique_in_a_space_and_may_not_be_an_email_address(space: Space) -> None:
    join(space, "Zonnebloem")
    with pytest.raises(services.Refused):
        join(space, "zonnebloem")
    code = services.invitation_create(actor=None, space=space, single_use=False)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.get(reverse("spaces:join_link", args=[code]))
    response = client.post(
        reverse("spaces:join", args=[space.uuid]), {"pseudonym": "ik@example.org", "accept_rules": "on"}
    )
    assert response.status_code == 400


def test_a_wrong_code_says_so_and_tells_nothing_more(space: Space) -> None:
    response = Client(HTTP_ACCEPT_LANGUAGE="en").post(reverse("spaces:join_code"), {"code": "AAAA-BBBB-CCCC"})
    assert response.status_code == 400
    assert "does not work" in response.content.decode()


def test_a_personal_invitation_works_once(space: Space) -> None:
    code = services.invitation_create(actor=None, space=space, single_use=True)
    services.member_join(space=space, invitation=services.invitation_find(code), pseudonym="Een")
    assert services.invitation_find(code) is None


def test_a_new_shared_code_replaces_the_old_one(space: Space) -> None:
    old = services.invitation_create(actor=None, space=space, single_use=False)
    new = services.invitation_create(actor=None, space=space, single_use=False)
    assert services.invitation_find(old) is None
    assert services.invitation_find(new) is not None


def test_a_member_comes_back_on_another_device_with_their_key(space: Space) -> None:
    _member, key = join(space, "Zonnebloem")
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    assert client.get(reverse("spaces:space", args=[space.uuid])).status_code == 404
    response = client.post(reverse("spaces:come_back"), {"key": key.lower()})
    assert response["Location"] == reverse("spaces:space", args=[space.uuid])
    assert client.get(reverse("spaces:space", args=[space.uuid])).status_code == 200


def test_a_member_with_an_address_gets_a_sign_in_link_that_works_once(space: Space, mailoutbox: list) -> None:
    _member, _key = join(space, "Zonnebloem", email="zon@example.org")
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.post(reverse("spaces:come_back"), {"email": "ZON@example.org"})
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["zon@example.org"]
    link = next(line for line in mailoutbox[0].body.splitlines() if "/ruimte/terug/link/" in line)
    path = link.split("testserver", 1)[1]
    assert client.get(path).status_code == 200
    assert client.post(path)["Location"] == reverse("spaces:space", args=[space.uuid])
    assert Client().post(path).status_code == 404
    # An unknown address gets the same answer and no mail.
    response = Client(HTTP_ACCEPT_LANGUAGE="en").post(reverse("spaces:come_back"), {"email": "niemand@example.org"})
    assert response.status_code == 200 and len(mailoutbox) == 1


def test_the_email_address_is_stored_encrypted_and_apart_from_the_pseudonym(space: Space) -> None:
    _member, _key = join(space, "Zonnebloem", email="zon@example.org")
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT email FROM spaces_membercontact")
        (stored,) = cursor.fetchone()
    assert stored.startswith("fernet:") and "zon@example.org" not in stored
    assert not any("mail" in f.name for f in Member._meta.get_fields() if f.concrete)


def test_a_first_message_waits_for_a_moderator_and_later_ones_do_not(space: Space) -> None:
    member, _key = join(space, "Zonnebloem")
    moderator, _ = join(space, "Gids", moderator=True)
    thread = services.thread_create(member=member, title="Hallo", body="Ik ben nieuw.")
    first = thread.posts.get()
    assert first.status == PostStatus.WAITING
    stranger, _ = join(space, "Ander")
    # Another member does not see it yet; its writer does.
    assert browser_of(stranger).get(reverse("spaces:thread", args=[space.uuid, thread.pk])).status_code == 404
    assert browser_of(member).get(reverse("spaces:thread", args=[space.uuid, thread.pk])).status_code == 200
    services.post_approve(moderator=services.Moderator(member=moderator), post=first)
    assert browser_of(stranger).get(reverse("spaces:thread", args=[space.uuid, thread.pk])).status_code == 200
    member.refresh_from_db()
    reply = services.post_create(member=member, thread=thread, body="Nog iets.")
    assert reply.status == PostStatus.VISIBLE


def test_a_member_writes_no_more_than_the_spaces_daily_limit(group) -> None:
    space = open_space(group, posts_per_day=2)
    member, _key = join(space, "Veel")
    thread = services.thread_create(member=member, title="Een", body="1")
    services.post_create(member=member, thread=thread, body="2")
    with pytest.raises(services.Refused):
        services.post_create(member=member, thread=thread, body="3")
    response = browser_of(member).post(reverse("spaces:thread", args=[space.uuid, thread.pk]), {"body": "3"})
    assert response.status_code == 400
    assert Post.objects.count() == 2


def test_messages_are_plain_text_and_never_images(space: Space) -> None:
    member, _key = join(space, "Zonnebloem")
    member.trusted = True
    member.save()
    thread = services.thread_create(
        member=member, title="<b>kop</b>", body='<img src="https://tracker.example/x.png"> ![x](https://e/x.png)'
    )
    html = browser_of(member).get(reverse("spaces:thread", args=[space.uuid, thread.pk])).content.decode()
    assert "<img" not in html and "&lt;img" in html and "<b>kop</b>" not in html


def test_a_member_downloads_everything_kept_of_them_in_one_click(space: Space) -> None:
    member, _key = join(space, "Zonnebloem", email="zon@example.org")
    services.thread_create(member=member, title="Hallo", body="Mijn verhaal.")
    response = browser_of(member).get(reverse("spaces:export", args=[space.uuid]))
    data = json.loads(response.content)
    assert response["Content-Disposition"].startswith("attachment")
    assert data["pseudonym"] == "Zonnebloem" and data["email"] == "zon@example.org"
    assert data["messages"][0]["text"] == "Mijn verhaal."


def test_leaving_deletes_the_member_their_messages_and_address_in_one_click(space: Space) -> None:
    member, _key = join(space, "Zonnebloem", email="zon@example.org")
    other, _ = join(space, "Ander")
    other.trusted = member.trusted = True
    other.save()
    member.save()
    started = services.thread_create(member=member, title="Mijn vraag over slapen", body="Mijn verhaal.")
    services.post_create(member=other, thread=started, body="Een antwoord.")
    elsewhere = services.thread_create(member=other, title="Ander gesprek", body="Hoi")
    services.post_create(member=member, thread=elsewhere, body="Mijn reactie.")
    client = browser_of(member)
    assert client.post(reverse("spaces:leave", args=[space.uuid])).status_code == 200
    assert not Member.objects.filter(pk=member.pk).exists()
    assert not MemberContact.objects.exists()
    assert list(Post.objects.values_list("body", flat=True).order_by("body")) == ["Een antwoord.", "Hoi"]
    started.refresh_from_db()
    assert started.title == "" and started.author is None
    assert not Thread.objects.filter(title__contains="slapen").exists()
    assert not AuditEntry.objects.filter(object_repr__icontains="Zonnebloem").exists()
    assert client.get(reverse("spaces:space", args=[space.uuid])).status_code == 404


def test_at_the_conditional_level_a_new_member_introduces_themselves_before_reading(group) -> None:
    space = open_space(group, AccessLevel.CONDITIONAL)
    moderator, _ = join(space, "Gids", moderator=True)
    newcomer, _ = join(space, "Nieuw")
    assert newcomer.status == MemberStatus.INTRODUCING
    client = browser_of(newcomer)
    page = client.get(reverse("spaces:space", args=[space.uuid]))
    assert page.templates[0].name == "spaces/introduce.html"
    client.post(reverse("spaces:space", args=[space.uuid]), {"body": "Ik ben Nieuw en zoek herkenning."})
    intro = Post.objects.get(author=newcomer)
    services.post_approve(moderator=services.Moderator(member=moderator), post=intro)
    newcomer.refresh_from_db()
    assert newcomer.status == MemberStatus.ACTIVE and newcomer.trusted
    assert client.get(reverse("spaces:space", args=[space.uuid])).templates[0].name == "spaces/space.html"


def test_at_an_open_level_anyone_reads_and_joins_without_a_code(group) -> None:
    space = open_space(group, AccessLevel.READ_OPEN)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    assert client.get(reverse("spaces:space", args=[space.uuid])).status_code == 200
    response = client.post(reverse("spaces:join", args=[space.uuid]), {"pseudonym": "Lezer", "accept_rules": "on"})
    assert response.status_code == 302


def test_every_page_of_a_space_is_private_and_never_indexed(space: Space) -> None:
    member, _key = join(space, "Zonnebloem")
    response = browser_of(member).get(reverse("spaces:space", args=[space.uuid]))
    assert "no-store" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]
    assert '<meta name="robots" content="noindex' in response.content.decode()


def test_the_crisis_banner_is_on_every_page_with_the_numbers(space: Space) -> None:
    for language in ["nl", "en", "ar", "tr"]:
        html = Client(HTTP_ACCEPT_LANGUAGE=language).get(reverse("spaces:join_code")).content.decode()
        for number in ["112", "0800-0113", "088-0767000", 'href="tel:113"', "Sensoor"]:
            assert number in html, (language, number)
