"""An open conversation tells its reader when others wrote: a count the page asks for where JavaScript runs, and a
"new messages" notice; without JavaScript the page is the same and a reload shows them."""

from __future__ import annotations

import pytest
from django.test import override_settings
from django.urls import reverse

from samenspel.spaces import services
from samenspel.spaces.models import Post, PostStatus, Space, Thread
from tests.spaces.conftest import browser_of, join

pytestmark = pytest.mark.django_db


def _conversation(space: Space) -> tuple[Thread, object, object]:
    writer, _key = join(space, "Zonnebloem")
    reader, _key = join(space, "Merel")
    thread = services.thread_create(member=writer, title="Slapen", body="Wie slaapt er ook slecht?")
    Post.objects.filter(thread=thread).update(status=PostStatus.VISIBLE)
    for member in (writer, reader):
        type(member).objects.filter(pk=member.pk).update(trusted=True)
        member.refresh_from_db()
    return thread, writer, reader


def _state(client, space: Space, thread: Thread) -> int:
    response = client.get(reverse("spaces:thread_state", args=[space.uuid, thread.pk]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "noindex" in response["X-Robots-Tag"]
    return int(response.json()["posts"])


def test_the_count_grows_when_another_member_replies(space: Space) -> None:
    thread, writer, reader = _conversation(space)
    client = browser_of(reader)
    assert _state(client, space, thread) == 1
    services.post_create(member=writer, thread=thread, body="Ik ook, al maanden.")
    assert _state(client, space, thread) == 2


def test_a_message_still_waiting_for_a_moderator_is_not_counted_for_others(space: Space) -> None:
    thread, _writer, reader = _conversation(space)
    newcomer, _key = join(space, "Kievit")
    services.post_create(member=newcomer, thread=thread, body="Mag ik meelezen?")
    assert Post.objects.filter(author=newcomer, status=PostStatus.WAITING).exists()
    assert _state(browser_of(reader), space, thread) == 1
    assert _state(browser_of(newcomer), space, thread) == 2  # the writer sees their own waiting message


@override_settings(SPACES_POLL_SECONDS=7)
def test_the_page_carries_the_notice_hidden_with_what_the_script_needs(space: Space) -> None:
    thread, _writer, reader = _conversation(space)
    page = browser_of(reader).get(reverse("spaces:thread", args=[space.uuid, thread.pk])).content.decode()
    assert 'id="new-posts" hidden data-posts="1"' in page
    assert 'data-seconds="7"' in page
    assert reverse("spaces:thread_state", args=[space.uuid, thread.pk]) in page
    assert "spaces/updates" in page


@pytest.mark.browser
@override_settings(SPACES_POLL_SECONDS=1)
def test_where_javascript_runs_the_reader_is_told_of_a_new_reply(live_server, make_page, group) -> None:
    from django.conf import settings

    from tests.spaces.conftest import open_space

    space = open_space(group)
    thread, writer, reader = _conversation(space)
    session = browser_of(reader).cookies[settings.SESSION_COOKIE_NAME].value
    page = make_page(locale="en-GB", javascript=True)
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])
    page.goto(live_server.url + reverse("spaces:thread", args=[space.uuid, thread.pk]))
    assert page.locator("#new-posts").is_hidden()
    services.post_create(member=writer, thread=thread, body="Ik ook, al maanden.")
    page.locator("#new-posts").wait_for(state="visible", timeout=10_000)
    with page.expect_navigation():
        page.click("#new-posts a")
    assert "Ik ook, al maanden." in page.locator("main").inner_text()
