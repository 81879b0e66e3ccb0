"""The whole life of a space in a real browser: a group opens it, people join by code under a pseudonym, write,
a moderator approves first messages and hides a reported one, the digest arrives, a member leaves and is gone.
The members' pages without JavaScript, at 320 px, in Arabic (right to left) and Dutch, with zero axe violations."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from playwright.sync_api import Page

from samenspel.core.outbox import deliver_due
from samenspel.directory.models import Group
from samenspel.spaces.models import Member, MemberContact, Post, PostStatus, Space
from tests.browser import assert_fits_320
from tests.browser.axe import check_a11y
from tests.personas import PASSWORD

pytestmark = pytest.mark.browser


def _join(page: Page, base: str, code: str, pseudonym: str, email: str = "") -> str:
    """Join by typing the code; returns the personal key shown once."""
    page.goto(base + "/ruimte/meedoen/")
    page.fill("#id_code", code)
    page.click("main form button[type=submit]")
    page.fill("#id_pseudonym", pseudonym)
    if email:
        page.fill("#id_email", email)
    page.check("#id_accept_rules")
    page.click("main form button[type=submit]")
    return page.text_content("#key") or ""


def _make_code(page: Page, kind: str) -> str:
    page.click(f"button[name=kind][value={kind}]")
    return (page.text_content(".notice .key") or "").strip()


def test_a_group_opens_a_space_members_write_and_a_moderator_keeps_it_safe(
    live_server, make_page, group: Group, people, smtp_sink
) -> None:
    base = live_server.url
    contact = people["contact"]

    # The group's contact person opens a space at "read and write after registration" and makes codes.
    desk = make_page()
    desk.goto(base + f"/ruimte/beheer/groep/{group.uuid}/")
    desk.fill("#id_pw-email", contact.email)
    desk.fill("#id_pw-password", PASSWORD)
    desk.click("button[name=password_sign_in]")
    desk.fill("#id_name", "Online: somber")
    desk.check("input[name=access_level][value=registered]")
    desk.click("main form button.primary")
    space = Space.objects.get(group=group)
    assert space.access_level == "registered"
    moderator_code = _make_code(desk, "moderator")
    group_code = _make_code(desk, "shared")
    assert moderator_code and group_code and moderator_code != group_code

    # The moderator the group chose joins with their own code.
    moderator = make_page()
    _join(moderator, base, moderator_code, "Gids")

    # A member joins in Arabic, on a small phone without JavaScript, with no e-mail address.
    amal = make_page(locale="ar", viewport=(320, 800), javascript=False)
    amal.goto(base + "/ruimte/meedoen/")
    assert amal.get_attribute("html", "dir") == "rtl"
    amal.wait_for_load_state("load")
    assert_fits_320(amal)
    check_a11y(amal, "join code ar")
    amal.fill("#id_code", group_code)
    amal.click("main form button[type=submit]")
    check_a11y(amal, "join ar")
    assert "0800-0113" in amal.text_content(".crisis")
    amal.fill("#id_pseudonym", "Amal")
    amal.check("#id_accept_rules")
    amal.click("main form button[type=submit]")
    assert amal.text_content("#key")
    amal.wait_for_load_state("load")
    assert_fits_320(amal)
    amal.click("main a.primary")
    amal.fill("#id_title", "Slecht slapen")
    amal.fill("#id_body", "Sinds maanden slaap ik slecht. Herkent iemand dat?")
    amal.click("main form button[type=submit]")
    amal.wait_for_load_state("load")
    assert_fits_320(amal)
    check_a11y(amal, "thread ar")
    assert not MemberContact.objects.exists()
    first = Post.objects.get(author__pseudonym="Amal")
    assert first.status == PostStatus.WAITING

    # The moderator approves the first message from the queue.
    moderator.goto(base + f"/ruimte/{space.uuid}/moderatie/")
    check_a11y(moderator, "moderation queue nl")
    moderator.click("main form button.primary")
    first.refresh_from_db()
    assert first.status == PostStatus.VISIBLE

    # A second member, in Dutch, gives an address for the digest and replies (their first message waits too).
    bram = make_page(viewport=(320, 800), javascript=False)
    _join(bram, base, group_code, "Bram", email="bram@example.org")
    bram.goto(base + f"/ruimte/{space.uuid}/gesprek/{first.thread_id}/")
    bram.wait_for_load_state("load")
    assert_fits_320(bram)
    check_a11y(bram, "thread nl")
    bram.fill("#id_body", "Ja, ik ook. Wat helpt jou?")
    bram.click("main form button[type=submit]")
    reply = Post.objects.get(author__pseudonym="Bram")
    moderator.goto(base + f"/ruimte/{space.uuid}/moderatie/")
    moderator.click("main form button.primary")
    reply.refresh_from_db()
    assert reply.status == PostStatus.VISIBLE

    # A third message crosses a line; Amal reports it and the moderator hides it with a note.
    bram.fill("#id_body", "Bel me gewoon: 06-12345678, ik verkoop slaappillen.")
    bram.click("main form button[type=submit]")
    third = Post.objects.filter(author__pseudonym="Bram").latest("created_at")
    assert third.status == PostStatus.VISIBLE
    amal.goto(base + f"/ruimte/{space.uuid}/bericht/{third.pk}/melden/")
    check_a11y(amal, "report ar")
    amal.click("main form button[type=submit]")
    moderator.goto(base + f"/ruimte/{space.uuid}/moderatie/bericht/{third.pk}/")
    check_a11y(moderator, "moderate a message nl")
    moderator.fill("#id_note", "Verborgen: verkoop en telefoonnummer (regel 4).")
    moderator.click("form:has(input[value=hide]) button")
    third.refresh_from_db()
    assert third.status == PostStatus.HIDDEN
    amal.goto(base + f"/ruimte/{space.uuid}/gesprek/{first.thread_id}/")
    assert "06-12345678" not in amal.content()

    # The daily digest reaches Bram (who gave an address), and says only how many.
    MemberContact.objects.update(last_digest_at=first.created_at - datetime.timedelta(minutes=1))
    call_command("send_space_digests")
    deliver_due()
    # Bram's own messages do not count; Amal's does. The mail names no subject, no text, no space.
    (digest,) = smtp_sink.to("bram@example.org")
    text = digest.get_payload(decode=True).decode()
    assert "1" in text and "slapen" not in text and "somber" not in text

    # Amal leaves: one click deletes her name, her messages and the subject she wrote.
    amal.goto(base + f"/ruimte/{space.uuid}/ik/")
    amal.wait_for_load_state("load")
    assert_fits_320(amal)
    check_a11y(amal, "my page ar")
    amal.click("form[action$='/ik/verwijderen/'] button")
    assert not Member.objects.filter(pseudonym="Amal").exists()
    assert not Post.objects.filter(body__contains="slaap ik slecht").exists()
    assert not Post.objects.filter(thread__title="Slecht slapen").exists()
    bram.goto(base + f"/ruimte/{space.uuid}/")
    assert "Slecht slapen" not in bram.content()
