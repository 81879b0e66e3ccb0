"""The freshness e-mail's "No, I want to change something" works without an account (issue 20, point 1)."""

from __future__ import annotations

import datetime
import re
import time
from typing import Any

from django.core import mail, signing
from django.core.management import call_command
from django.utils import timezone

from samenspel.core.models import AuditEntry
from samenspel.directory.freshness import FreshnessState, freshness_of
from samenspel.directory.models import Group, SupportPointSettings
from samenspel.workspace.models import ChangeRequest, Role
from samenspel.workspace.tokens import EDIT_LINK_MAX_AGE, EDIT_SALT, edit_token_for
from tests.personas import make_member

ADDRESS = "depressie@steunpunt.example.org"


def _age(group: Group, days: int) -> None:
    Group.objects.filter(pk=group.pk).update(last_verified_at=timezone.now() - datetime.timedelta(days=days))
    group.refresh_from_db()


def _edit_link(client, group: Group) -> str:
    """From the freshness e-mail to the check page, then its "change something" link."""
    _age(group, 400)
    call_command("send_freshness_checks")
    check = re.search(r"http://\S+", mail.outbox[-1].body).group(0).replace("http://localhost:8000", "")
    page = client.get(check).content.decode()
    found = re.search(r'href="(/werkplek/[^"]+)">No, I want to change something', page)
    assert found, page
    return found.group(1)


def _form(client, link: str, group: Group, **changes: str) -> dict[str, Any]:
    """The edit form's values as the page shows them, with `changes` typed over them."""
    page = client.get(link)
    assert page.status_code == 200
    form = page.context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        data[name] = "on" if value is True else [str(v) for v in value] if isinstance(value, list) else str(value)
    data.update(changes)
    return data


def test_the_change_link_opens_the_edit_form_without_signing_in(client, group):
    link = _edit_link(client, group)
    assert "inloggen" not in link
    page = client.get(link)
    assert page.status_code == 200
    assert b"Lotgenotengroep depressie" in page.content


def test_a_time_changed_by_link_is_live_counts_as_the_check_and_is_audited_under_the_address(client, group):
    link = _edit_link(client, group)
    assert freshness_of(group).show_note
    assert (
        "has not been checked since" in client.get(f"/groep/{group.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    )
    schedule = group.schedules.get()
    response = client.post(link, _form(client, link, group, **{f"s{schedule.pk}_start_time": "20:00"}))
    assert response.status_code == 200
    schedule.refresh_from_db()
    assert schedule.start_time == datetime.time(20, 0)
    group.refresh_from_db()
    fresh = freshness_of(group)
    assert fresh.state == FreshnessState.FRESH and not fresh.show_note
    entry = AuditEntry.objects.filter(object_type="directory.schedule", action="changed").latest("id")
    assert ADDRESS in entry.actor_label
    public = client.get(f"/groep/{group.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "has not been checked since" not in public


def test_with_review_the_change_waits_but_the_group_counts_as_checked(client, group):
    SupportPointSettings.objects.create(support_point=group.support_point, review_changes=True)
    make_member(group.support_point, Role.EDITOR, "redacteur@steunpunt.example.org")
    link = _edit_link(client, group)
    schedule = group.schedules.get()
    client.post(link, _form(client, link, group, **{f"s{schedule.pk}_start_time": "20:00"}))
    schedule.refresh_from_db()
    assert schedule.start_time == datetime.time(19, 30)
    change = ChangeRequest.objects.get()
    assert change.submitted_email == ADDRESS and change.submitted_by is None
    group.refresh_from_db()
    assert freshness_of(group).state == FreshnessState.FRESH
    told = [m for m in mail.outbox if m.to == ["redacteur@steunpunt.example.org"]]
    assert len(told) == 1 and f"/werkplek/wijziging/{change.uuid}/" in told[0].body


def test_the_edit_link_opens_only_its_own_group(client, group, other_group):
    link = _edit_link(client, group)
    token = link.rstrip("/").rsplit("/", 1)[1]
    # The page and the form are this group's; nothing in the link names another one, and changing a
    # character of it breaks the signature.
    assert client.get(link).context["group"].pk == group.pk
    assert str(other_group.uuid) not in client.get(link).content.decode()
    assert client.get(link.replace(token, token[:-2] + "xx")).status_code == 400
    # The link is no sign-in: the workspace's own pages of the group stay closed.
    assert client.get(f"/werkplek/groep/{group.uuid}/bewerken/").status_code == 302
    # A check link is not an edit link (their own salts).
    check_token = signing.dumps({"g": str(other_group.uuid), "v": ""}, salt="samenspel.workspace.freshness-check")
    assert client.get(f"/werkplek/check/wijzigen/{check_token}/").status_code == 400


class _OldSigner(signing.TimestampSigner):
    def timestamp(self) -> str:
        return signing.b62_encode(int(time.time()) - int(EDIT_LINK_MAX_AGE.total_seconds()) - 60)


def test_an_edit_link_older_than_fourteen_days_is_refused(client, group):
    assert client.get(f"/werkplek/check/wijzigen/{edit_token_for(group, ADDRESS)}/").status_code == 200
    old = _OldSigner(salt=EDIT_SALT).sign_object({"g": str(group.uuid), "e": ADDRESS}, compress=True)
    assert client.get(f"/werkplek/check/wijzigen/{old}/").status_code == 400


def test_a_change_by_a_signed_in_contact_counts_as_the_check_too(people, group):
    from tests.personas import client_for

    _age(group, 400)
    client = client_for(people["contact"])
    link = f"/werkplek/groep/{group.uuid}/bewerken/"
    schedule = group.schedules.get()
    assert client.post(link, _form(client, link, group, **{f"s{schedule.pk}_end_time": "21:30"})).status_code == 302
    group.refresh_from_db()
    assert freshness_of(group).state == FreshnessState.FRESH
