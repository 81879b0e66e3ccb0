from __future__ import annotations

import csv
import datetime
import io
import re
from collections import Counter

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from samenspel.directory.models import Group, GroupStatus, Organisation, Theme
from samenspel.finder.models import Question
from samenspel.workspace.models import ChangeRequest, Role
from tests.workspace.conftest import sign_in


def _make_groups(support_point, count, *, prefix="Groep", verified_days_ago=None, organisation=None):
    theme = Theme.objects.get(slug="depression")
    made = []
    for i in range(count):
        g = Group.objects.create(
            slug=f"{prefix.lower()}-{i}",
            name_nl=f"{prefix} {i}",
            support_point=support_point,
            contact_email=f"{prefix.lower()}{i}@example.org",
            organisation=organisation,
        )
        g.themes.set([theme])
        if verified_days_ago is not None:
            Group.objects.filter(pk=g.pk).update(
                last_verified_at=timezone.now() - datetime.timedelta(days=verified_days_ago)
            )
        made.append(g)
    return made


def test_the_dashboard_shows_groups_counts_questions_and_changes(client, group, member, question, change_request):
    sign_in(client, member(Role.VIEWER))
    response = client.get(f"/werkplek/{group.support_point.slug}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Peer group depression" in body
    assert "1 new question" in body
    assert "1 change to review" in body
    assert {v: n for v, _label, n in response.context["stages"]}["active"] == 1


def test_the_dashboard_shows_only_its_own_support_points_groups(client, group, member, other_support_point):
    _make_groups(other_support_point, 2, prefix="Elders")
    sign_in(client, member(Role.VIEWER))
    body = client.get(f"/werkplek/{group.support_point.slug}/").content.decode()
    assert "Elders 0" not in body


def test_the_dashboard_filters_by_freshness_status_and_name(client, group, member):
    sp = group.support_point
    _make_groups(sp, 2, prefix="Oud", verified_days_ago=400)
    _make_groups(sp, 1, prefix="Bijna", verified_days_ago=190)
    sign_in(client, member(Role.VIEWER))
    url = f"/werkplek/{sp.slug}/"

    def names(**params):
        return sorted(g.name_nl for g, _ in client.get(url, params).context["rows"])

    assert names(freshness="overdue") == ["Oud 0", "Oud 1"]
    assert names(freshness="due") == ["Bijna 0"]
    assert names(freshness="fresh") == ["Lotgenotengroep depressie"]
    assert names(q="bijna") == ["Bijna 0"]
    Group.objects.filter(name_nl="Oud 0").update(status="paused")
    assert names(status="paused") == ["Oud 0"]
    counts = client.get(url).context["freshness_counts"]
    assert counts == {"fresh": 1, "due": 1, "overdue": 2}


def test_the_dashboard_needs_the_same_number_of_queries_for_many_groups(client, group, member):
    sp = group.support_point
    sign_in(client, member(Role.VIEWER))
    url = f"/werkplek/{sp.slug}/"
    org = Organisation.objects.create(slug="org", kind="patient_organisation", name="Vereniging")
    _make_groups(sp, 3, prefix="Klein", organisation=org)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    more = _make_groups(sp, 30, prefix="Groot", organisation=org)
    for g in more[:5]:
        Question.objects.create(group=g, message="?", reply_email="a@example.org")
        ChangeRequest.objects.create(group=g, changes={})
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert response.status_code == 200
    assert len(many.captured_queries) == len(few.captured_queries)
    assert len(many.captured_queries) <= 20


def _page_stage_counts(html: str) -> dict[str, int]:
    """The "Groups per stage" figures as the page prints them: label -> number."""
    section = html.split('id="stages-heading"', 1)[1].split("</dl>", 1)[0]
    return {label: int(n) for label, n in re.findall(r"<dt>([^<]+)</dt><dd>(\d+)</dd>", section)}


def test_the_stage_counts_equal_the_real_counts_and_the_exports_counts(client, group, member):
    # Several groups per status, with names that sort differently from their status: counting grouped by the
    # model's default ordering (name) would give one per name instead of the totals.
    sp = group.support_point
    wanted = {"initiative": 2, "looking": 3, "active": 4, "paused": 2, "stopped": 1}
    for status, count in wanted.items():
        for g in _make_groups(sp, count, prefix=f"Fase-{status}"):
            Group.objects.filter(pk=g.pk).update(status=status)
    sign_in(client, member(Role.VIEWER))

    real = Counter(Group.objects.filter(support_point=sp).values_list("status", flat=True))
    assert real["active"] == 5  # the `group` fixture is active too
    labels = dict(GroupStatus.choices)
    shown = _page_stage_counts(client.get(f"/werkplek/{sp.slug}/").content.decode())
    assert shown == {str(label): real.get(value, 0) for value, label in labels.items()}

    export = client.get(f"/werkplek/{sp.slug}/export/groepen.csv")
    text = b"".join(export.streaming_content).decode("utf-8").lstrip("\ufeff")
    exported = Counter(row["status"] for row in csv.DictReader(io.StringIO(text), delimiter=";"))
    assert {str(labels[value]): n for value, n in exported.items()} == {label: n for label, n in shown.items() if n}
