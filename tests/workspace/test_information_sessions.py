"""Recording information sessions without a wall of checkboxes, and planning them ahead (issue #20, point 9)."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from samenspel.directory.models import Theme
from samenspel.workspace.models import InformationSession, Role
from tests.workspace.conftest import sign_in

pytestmark = pytest.mark.django_db


def _url(group) -> str:
    return reverse("workspace:information_sessions", args=[group.support_point.slug])


def _checkboxes(body: str) -> list[str]:
    return re.findall(r'<input type="checkbox" name="themes" value="(\d+)"', body)


def test_the_themes_come_grouped_by_category_with_a_filter_field(client, group, member) -> None:
    sign_in(client, member(Role.EDITOR))
    body = client.get(_url(group), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    picker = body[body.index("data-theme-picker") :]
    legends = re.findall(r'<fieldset class="ws-theme-group"><legend>(.*?)</legend>', picker)
    assert legends == ["Physical health", "Mental health", "Addiction", "Special life situations"]
    assert len(_checkboxes(body)) == Theme.objects.count()
    assert 'name="themes_filter"' in body and 'name="themes_filter_submit"' in body
    # A broader theme comes before its narrower ones, which are indented under it.
    depression = Theme.objects.get(slug="depression")
    assert depression.parent is not None
    assert body.index(f'value="{depression.parent.pk}"') < body.index(f'value="{depression.pk}"')
    assert re.search(
        rf'ws-theme-depth-1" for="[^"]+" data-theme-option><input type="checkbox" name="themes" value="{depression.pk}"',
        body,
    )


def test_the_filter_works_without_javascript_and_keeps_what_was_ticked(client, group, member) -> None:
    sign_in(client, member(Role.EDITOR))
    ticked = Theme.objects.get(slug="depression")
    response = client.post(
        _url(group),
        {
            "date": "2026-05-04",
            "given_by": "Key person",
            "themes": [ticked.pk],
            "themes_filter": "gok",
            "themes_filter_submit": "1",
        },
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    assert response.status_code == 200
    assert not InformationSession.objects.exists(), "filtering saves nothing"
    body = response.content.decode()
    shown = {int(pk) for pk in _checkboxes(body)}
    matching = {t.pk for t in Theme.objects.all() if "gok" in t.label_nl.casefold()}
    assert matching and matching <= shown
    assert shown == matching | {ticked.pk}, "only the matches, and the theme already ticked"
    assert re.search(rf'value="{ticked.pk}" id="[^"]+" checked', body)
    assert 'value="Key person"' in body and 'value="gok"' in body
    assert "Themes you ticked stay ticked" in body or "aangevinkt" in body
    assert 'class="errorlist' not in body, "no errors for a form not sent yet"


def test_a_session_is_planned_ahead_and_asks_for_its_number_after_the_day(client, group, member) -> None:
    sign_in(client, member(Role.EDITOR))
    ahead = timezone.localdate() + datetime.timedelta(days=10)
    response = client.post(_url(group), {"date": ahead.isoformat(), "place_kind": "school", "given_by": "Key person"})
    assert response.status_code == 302
    planned = InformationSession.objects.get()
    assert planned.attendees is None
    body = client.get(_url(group), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    planned_list = body[body.index('id="planned-heading"') : body.index('id="held-heading"')]
    assert ahead.strftime("%Y-%m-%d") in planned_list
    assert "0 sessions held" in body, "a planned session is not counted before its day"
    # A number for a session still to come is refused.
    response = client.post(
        _url(group), {"date": ahead.isoformat(), "place_kind": "school", "given_by": "x", "attendees": 8}
    )
    assert response.status_code == 200 and InformationSession.objects.count() == 1

    # The day passes: the page asks how many came.
    InformationSession.objects.filter(pk=planned.pk).update(date=timezone.localdate() - datetime.timedelta(days=1))
    body = client.get(_url(group), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "How many people came?" in body
    url = reverse("workspace:information_session_attendees", args=[group.support_point.slug, planned.uuid])
    assert client.post(url, {"attendees": "12"}).status_code == 302
    planned.refresh_from_db()
    assert planned.attendees == 12
    body = client.get(_url(group), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "How many people came?" not in body
    assert "1 session held; people reached: 12." in body, "one session: no '1 sessions'"


def test_a_session_that_took_place_needs_its_number(client, group, member) -> None:
    sign_in(client, member(Role.EDITOR))
    response = client.post(
        _url(group), {"date": "2026-05-04", "place_kind": "school", "given_by": "x"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert "fill in how many people came" in response.content.decode()
    assert not InformationSession.objects.exists()


def test_a_viewer_cannot_fill_in_a_number(client, group, member) -> None:
    session = InformationSession.objects.create(
        support_point=group.support_point, date="2026-05-04", place_kind="school", given_by="x"
    )
    sign_in(client, member(Role.VIEWER))
    url = reverse("workspace:information_session_attendees", args=[group.support_point.slug, session.uuid])
    assert client.post(url, {"attendees": "12"}).status_code == 403
    session.refresh_from_db()
    assert session.attendees is None
